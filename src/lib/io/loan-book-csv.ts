/**
 * A loan book read from CSV with papaparse, in the engine worker (and by the CLI).
 *
 * Columns (header row; English or Chinese names, any order, case-insensitive):
 *   id 客户编号 · segment 客户层 · exposure 贷款余额 (yuan) · pd 违约概率 · lgd 违约损失率 ·
 *   tenor 期限 (years) · rate 利率 · deposits 存款 (yuan) · products 产品数 · group 集团 (optional)
 * PD, LGD and the rate are decimals (0.015) or percentages with a sign (1.5%). Each cell is held to
 * the rules of loan-book.ts, the same a stored book is checked against.
 */
import Papa from 'papaparse';
import type { Bilingual } from '../model';
import { LOAN_BOOK_COLUMNS, MAX_PROBLEMS, RULES, rangeText, type LoanBookColumn, type LoanBookRow, type NumberRule } from './loan-book';
import { columnsFromRows, type LoanBookColumns } from './loan-book-columns';

const REQUIRED: readonly LoanBookColumn[] = LOAN_BOOK_COLUMNS.filter((c) => c !== 'group');

const ALIASES: Record<LoanBookColumn, string[]> = {
  id: ['id', 'clientid', 'client', 'customerid', '客户编号', '客户号', '客户id', '客户名称', '客户'],
  segment: ['segment', 'tier', '客户层', '分层', '客户分层', '层级'],
  exposure: ['exposure', 'loans', 'loan', 'balance', '贷款余额', '敞口', '贷款', '余额'],
  pd: ['pd', '违约概率'],
  lgd: ['lgd', '违约损失率'],
  tenor: ['tenor', 'tenoryears', 'maturity', '期限', '剩余期限'],
  rate: ['rate', 'loanrate', '利率', '贷款利率'],
  deposits: ['deposits', 'deposit', '存款', '存款余额'],
  products: ['products', 'productsheld', '产品数', '持有产品数', '产品'],
  group: ['group', 'groupid', '集团', '集团客户', '所属集团'],
};

/** Column headers as a strategist may write them: "PD (%)", "贷款余额（元）", "client_id". */
function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^)）]*[)）]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.:：/]/g, '');
}

const HEADER_TO_COLUMN = new Map<string, LoanBookColumn>();
for (const col of LOAN_BOOK_COLUMNS) for (const a of ALIASES[col]) HEADER_TO_COLUMN.set(a, col);

export interface CsvProblem {
  /** Line of the file, 1 = the header; 0 for a problem with the whole file. */
  line: number;
  /** The column as named in the file (or its canonical name); '' for the whole row or file. */
  column: string;
  message: Bilingual;
  expected?: string;
  received?: string;
}

export type LoanBookParse =
  | { ok: true; rows: LoanBookRow[]; columns: LoanBookColumn[] }
  | { ok: false; problems: CsvProblem[]; /** Problems found; only the first MAX_PROBLEMS are listed. */ problemCount: number };

export const MAX_ROWS = 200_000;

type Checked = { value: number } | { problem: Omit<CsvProblem, 'line' | 'column'> };

const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/** Reads one numeric cell: thousands separators and a trailing % are allowed where they make sense. */
function readNumber(raw: string, rule: NumberRule): Checked {
  const text = raw.trim();
  // Most cells are plain decimals: read them without the regular expressions below.
  const plain = PLAIN_NUMBER.test(text) ? Number(text) : NaN;
  if (!Number.isNaN(plain) && (rule.isMinExclusive ? plain > rule.min : plain >= rule.min) && plain <= rule.max && (!rule.isInteger || Number.isInteger(plain)))
    return { value: plain };
  if (text === '') return { problem: { message: { zh: '不能为空', en: 'must not be empty' }, expected: rangeText(rule), received: '' } };
  const isPercent = /[%％]$/.test(text);
  const cleaned = text.replace(/[%％]$/, '').replace(/[,\s]/g, '');
  const n = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(n)) {
    return { problem: { message: { zh: '不是数字', en: 'not a number' }, expected: rangeText(rule), received: text } };
  }
  if (isPercent && !rule.isFraction) {
    return { problem: { message: { zh: '此列不能用百分数', en: 'a percentage is not allowed in this column' }, expected: rangeText(rule), received: text } };
  }
  // `3.6e-2` rather than 3.6 / 100: the decimal the user meant, without float noise.
  const shifted = Number(`${cleaned}e-2`);
  const value = isPercent ? (Number.isFinite(shifted) ? shifted : n / 100) : n;
  const tooLow = rule.isMinExclusive ? value <= rule.min : value < rule.min;
  if (tooLow || value > rule.max) {
    const hint =
      rule.isFraction && !isPercent && value > rule.max
        ? { zh: '，请写成小数（0.015）或百分数（1.5%）', en: '; write a decimal (0.015) or a percentage (1.5%)' }
        : { zh: '', en: '' };
    return {
      problem: {
        message: { zh: `超出范围，应在 ${rangeText(rule)} 之间${hint.zh}`, en: `out of range, expected ${rangeText(rule)}${hint.en}` },
        expected: rangeText(rule),
        received: text,
      },
    };
  }
  if (rule.isInteger && !Number.isInteger(value)) {
    return { problem: { message: { zh: '应为整数', en: 'expected a whole number' }, expected: 'integer', received: text } };
  }
  return { value };
}

export interface SegmentRef {
  key: string;
  name: Bilingual;
}

/** Maps a segment cell to a key: the key itself or the segment's Chinese or English name. */
function segmentResolver(segments: readonly SegmentRef[]) {
  const map = new Map<string, string>();
  for (const s of segments) {
    map.set(s.key.toLowerCase(), s.key);
    map.set(s.name.zh.toLowerCase(), s.key);
    map.set(s.name.en.toLowerCase(), s.key);
  }
  return (text: string) => map.get(text.trim().toLowerCase()) ?? null;
}

/** Offsets of each line start, to turn a character offset into a line number. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Parses and checks a loan-book CSV against the scenario's segments. Never throws; on any problem
 * it returns every problem (up to MAX_PROBLEMS) with its line and column, and no rows at all.
 * `onProgress` hears the fraction read (the app runs this in the engine worker: a 200,000-row book
 * would block the page for seconds).
 * @example parseLoanBookCsv('id,segment,exposure,pd,lgd,tenor,rate,deposits,products\nA1,large,5e8,0.6%,0.45,3,2.8%,4e8,4', demoScenario.segments)
 */
export function parseLoanBookCsv(text: string, segments: readonly SegmentRef[], onProgress?: (fraction: number) => void): LoanBookParse {
  const problems: CsvProblem[] = [];
  let problemCount = 0;
  const report = (p: CsvProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  try {
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '') {
      report({ line: 0, column: '', message: { zh: '文件是空的', en: 'the file is empty' } });
      return { ok: false, problems, problemCount };
    }
    const lineOf = lineIndex(body);
    const resolveSegment = segmentResolver(segments);
    const segmentList = segments.map((s) => s.key).join(', ');
    let header: { index: number; column: LoanBookColumn | null; label: string }[] | null = null;
    let previousCursor = 0;
    const rows: LoanBookRow[] = [];
    const firstLineOfId = new Map<string, number>();
    let rowCount = 0;

    Papa.parse<string[]>(body, {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', '\t', ';', '|'],
      step: (result, parser) => {
        // The row starts after the previous row's end, past any blank lines.
        let start = previousCursor;
        while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
        previousCursor = result.meta.cursor;
        // Progress every 4,096 rows, by the characters read (a 200,000-row book reports ~50 times).
        if (onProgress && (rowCount & 4095) === 0) onProgress(body.length > 0 ? previousCursor / body.length : 1);
        const line = lineOf(start);
        const cells = result.data.map((c) => (typeof c === 'string' ? c : String(c ?? '')));
        for (const e of result.errors) {
          report({ line, column: '', message: { zh: `CSV格式错误：${e.message}`, en: `CSV format error: ${e.message}` } });
        }
        if (!header) {
          header = cells.map((label, index) => ({ index, column: HEADER_TO_COLUMN.get(normaliseHeader(label)) ?? null, label: label.trim() }));
          const present = new Set(header.map((h) => h.column));
          for (const col of REQUIRED) {
            if (!present.has(col)) {
              report({
                line,
                column: col,
                message: {
                  zh: `缺少“${col}”列（可写作：${ALIASES[col].slice(0, 3).join(' / ')}）`,
                  en: `column "${col}" is missing (also accepted: ${ALIASES[col].slice(0, 3).join(' / ')})`,
                },
              });
            }
          }
          const seen = new Set<LoanBookColumn>();
          for (const h of header) {
            if (h.column && seen.has(h.column)) report({ line, column: h.label, message: { zh: '列重复', en: 'duplicate column' } });
            if (h.column) seen.add(h.column);
          }
          if (problemCount > 0) parser.abort();
          return;
        }
        rowCount++;
        if (rowCount > MAX_ROWS) {
          report({ line, column: '', message: { zh: `行数超过上限 ${MAX_ROWS}`, en: `more than ${MAX_ROWS} rows` } });
          parser.abort();
          return;
        }
        if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
          report({
            line,
            column: '',
            message: { zh: `列数多于表头（${cells.length} > ${header.length}）`, en: `more cells than headers (${cells.length} > ${header.length})` },
          });
        }
        const cell: Partial<Record<LoanBookColumn, { raw: string; label: string }>> = {};
        for (const h of header) if (h.column) cell[h.column] = { raw: (cells[h.index] ?? '').trim(), label: h.label };
        let isRowOk = true;
        const num = (col: keyof typeof RULES): number => {
          const c = cell[col]!;
          const checked = readNumber(c.raw, RULES[col]);
          if ('problem' in checked) {
            isRowOk = false;
            report({ line, column: c.label, ...checked.problem });
            return NaN;
          }
          return checked.value;
        };
        const id = cell.id!.raw;
        if (id === '') {
          isRowOk = false;
          report({ line, column: cell.id!.label, message: { zh: '客户编号不能为空', en: 'client id must not be empty' }, received: '' });
        } else if (id.length > 100) {
          isRowOk = false;
          report({
            line,
            column: cell.id!.label,
            message: { zh: '客户编号过长（最多100字符）', en: 'client id too long (at most 100 characters)' },
            received: id.slice(0, 40) + '…',
          });
        } else if (firstLineOfId.has(id)) {
          isRowOk = false;
          report({
            line,
            column: cell.id!.label,
            message: { zh: `客户编号重复（第 ${firstLineOfId.get(id)} 行已出现）`, en: `duplicate client id (already on line ${firstLineOfId.get(id)})` },
            received: id,
          });
        } else {
          firstLineOfId.set(id, line);
        }
        const segment = resolveSegment(cell.segment!.raw);
        if (!segment) {
          isRowOk = false;
          report({
            line,
            column: cell.segment!.label,
            message: { zh: `未知的客户层，应为：${segmentList}`, en: `unknown segment, expected one of: ${segmentList}` },
            expected: segmentList,
            received: cell.segment!.raw,
          });
        }
        const exposure = num('exposure');
        const pd = num('pd');
        const lgd = num('lgd');
        const tenorYears = num('tenor');
        const rate = num('rate');
        const deposits = num('deposits');
        const products = num('products');
        const groupText = cell.group?.raw ?? '';
        if (groupText.length > 100) {
          isRowOk = false;
          report({ line, column: cell.group!.label, message: { zh: '集团名称过长（最多100字符）', en: 'group name too long (at most 100 characters)' } });
        }
        if (isRowOk && problemCount === 0) {
          const row: LoanBookRow = { id, segment: segment!, exposure, pd, lgd, tenorYears, rate, deposits, productsHeld: products };
          if (groupText !== '') row.group = groupText;
          rows.push(row);
        }
      },
    });
    if (!header) report({ line: 0, column: '', message: { zh: '没有表头', en: 'no header row' } });
    else if (problemCount === 0 && rows.length === 0) report({ line: 0, column: '', message: { zh: '没有数据行', en: 'no data rows' } });
    if (problemCount > 0) return { ok: false, problems, problemCount };
    const columns = (header as unknown as { column: LoanBookColumn | null }[]).flatMap((h) => (h.column ? [h.column] : []));
    return { ok: true, rows, columns };
  } catch (e) {
    report({ line: 0, column: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } });
    return { ok: false, problems, problemCount };
  }
}

/** A CSV read and checked, its rows as columns (the engine worker transfers their buffers to the page). */
export type LoanBookColumnsParse =
  | { ok: true; book: LoanBookColumns; columns: LoanBookColumn[] }
  | { ok: false; problems: CsvProblem[]; /** Problems found; only the first MAX_PROBLEMS are listed. */ problemCount: number };

/**
 * parseLoanBookCsv, its rows then as columns; the rows are returned too for the worker to keep.
 * @example parseLoanBookCsvColumns(text, demoScenario.segments).parse // { ok: true, book: { count: 1, … }, columns: [...] }
 */
export function parseLoanBookCsvColumns(
  text: string,
  segments: readonly SegmentRef[],
  onProgress?: (fraction: number) => void,
): { parse: LoanBookColumnsParse; rows: LoanBookRow[] | null } {
  const parsed = parseLoanBookCsv(text, segments, onProgress);
  if (!parsed.ok) return { parse: parsed, rows: null };
  return { parse: { ok: true, book: columnsFromRows(parsed.rows), columns: parsed.columns }, rows: parsed.rows };
}
