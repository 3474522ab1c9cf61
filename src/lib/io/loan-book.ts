/**
 * A strategist's real loan book, one row per client, read from CSV with papaparse. Everything
 * here is pure and runs in the browser: nothing leaves it.
 *
 * Columns (header row; English or Chinese names, any order, case-insensitive):
 *   id 客户编号 · segment 客户层 · exposure 贷款余额 (yuan) · pd 违约概率 · lgd 违约损失率 ·
 *   tenor 期限 (years) · rate 利率 · deposits 存款 (yuan) · products 产品数 · group 集团 (optional)
 * PD, LGD and the rate are decimals (0.015) or percentages with a sign (1.5%).
 *
 * Rows come out as the engine's `LoanBookRow` (model/book.ts); the concentration figures use the
 * engine's `concentration()` on `loanBookExposures()` (real book) and `scenarioExposures()` (the
 * generated one). Also here: a calibration of a scenario's inputs to the book.
 */
import Papa from 'papaparse';
import {
  concentration,
  INPUT_SPECS,
  loanBookExposures,
  scenarioExposures,
  TENOR_BUCKETS,
  validateScenario,
  type Bilingual,
  type Concentration,
  type LoanBookRow,
  type Scenario,
  type TenorProfile,
} from '../model';

/** A row as the engine reads it (model/book.ts): every column of the CSV filled, `group` only when given. */
export type { LoanBookRow };

export type LoanBookColumn = 'id' | 'segment' | 'exposure' | 'pd' | 'lgd' | 'tenor' | 'rate' | 'deposits' | 'products' | 'group';

export const LOAN_BOOK_COLUMNS: readonly LoanBookColumn[] = ['id', 'segment', 'exposure', 'pd', 'lgd', 'tenor', 'rate', 'deposits', 'products', 'group'];
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

export const MAX_PROBLEMS = 200;
export const MAX_ROWS = 200_000;

interface NumberRule {
  min: number;
  max: number;
  /** The lower bound itself is not allowed (exposure > 0). */
  isMinExclusive?: boolean;
  isInteger?: boolean;
  /** A decimal that may be written as a percentage (1.5%). */
  isFraction?: boolean;
}

/** The range of each numeric column, for the CSV, stored books and imported library files alike. */
export const RULES: Record<'exposure' | 'pd' | 'lgd' | 'tenor' | 'rate' | 'deposits' | 'products', NumberRule> = {
  exposure: { min: 0, max: 1e12, isMinExclusive: true },
  pd: { min: 0, max: 1, isFraction: true },
  lgd: { min: 0, max: 1, isFraction: true },
  tenor: { min: 0, max: 50, isMinExclusive: true },
  rate: { min: 0, max: 0.5, isFraction: true },
  deposits: { min: 0, max: 1e13 },
  products: { min: 0, max: 100, isInteger: true },
};

export function rangeText(r: NumberRule): string {
  return `${r.isMinExclusive ? '>' : ''}${r.min} – ${r.max}`;
}

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

/** A problem of a stored or imported book, with its path (`rows.<i>.<field>`). */
export interface BookProblem {
  path: string;
  message: Bilingual;
  expected?: string;
  received?: string;
}

/** The numeric fields of a row with their rule: the required ones, then the optional ones (checked when present). */
export const ROW_NUMBER_FIELDS: readonly (readonly [
  'exposure' | 'pd' | 'lgd' | 'tenorYears' | 'rate' | 'deposits' | 'productsHeld',
  keyof typeof RULES,
  boolean,
])[] = [
  ['exposure', 'exposure', true],
  ['pd', 'pd', true],
  ['lgd', 'lgd', true],
  ['tenorYears', 'tenor', false],
  ['rate', 'rate', false],
  ['deposits', 'deposits', false],
  ['productsHeld', 'products', false],
];

/**
 * Checks rows that come from a stored record or an imported library file (already parsed):
 * the same rules as the CSV, with `rows.<i>.<field>` paths. Never throws.
 */
export function checkLoanBookRows(rows: unknown, segmentKeys: readonly string[]): { ok: true; rows: LoanBookRow[] } | { ok: false; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  if (!Array.isArray(rows)) return { ok: false, problems: [{ path: 'rows', message: { zh: '应为数组', en: 'expected an array' }, received: typeof rows }] };
  const keys = new Set(segmentKeys);
  const ids = new Set<string>();
  const out: LoanBookRow[] = [];
  rows.forEach((r: unknown, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      problems.push({ path: `rows.${i}`, message: { zh: '应为对象', en: 'expected an object' } });
      return;
    }
    const row = r as Record<string, unknown>;
    let isOk = true;
    if (typeof row.id !== 'string' || row.id === '' || row.id.length > 100 || ids.has(row.id)) {
      isOk = false;
      problems.push({
        path: `rows.${i}.id`,
        message: { zh: '客户编号缺失、过长或重复', en: 'client id missing, too long or duplicate' },
        received: String(row.id),
      });
    } else ids.add(row.id);
    if (typeof row.segment !== 'string' || !keys.has(row.segment)) {
      isOk = false;
      problems.push({
        path: `rows.${i}.segment`,
        message: { zh: '未知的客户层', en: 'unknown segment' },
        expected: [...keys].join(', '),
        received: String(row.segment),
      });
    }
    const out1: LoanBookRow = { id: String(row.id), segment: String(row.segment), exposure: 0, pd: 0, lgd: 0 };
    for (const [field, ruleKey, isRequired] of ROW_NUMBER_FIELDS) {
      const value = row[field];
      if (value === undefined && !isRequired) continue;
      const rule = RULES[ruleKey];
      const tooLow = typeof value === 'number' && (rule.isMinExclusive ? value <= rule.min : value < rule.min);
      if (typeof value !== 'number' || !Number.isFinite(value) || tooLow || value > rule.max || (rule.isInteger && !Number.isInteger(value))) {
        isOk = false;
        problems.push({
          path: `rows.${i}.${field}`,
          message: { zh: `应为 ${rangeText(rule)} 之间的数字`, en: `expected a number in ${rangeText(rule)}` },
          expected: rangeText(rule),
          received: String(value),
        });
      } else (out1 as unknown as Record<string, number>)[field] = value;
    }
    if (!(row.group === undefined || row.group === null || (typeof row.group === 'string' && row.group.length <= 100))) {
      isOk = false;
      problems.push({ path: `rows.${i}.group`, message: { zh: '集团名称应为文本', en: 'group must be text' }, received: String(row.group) });
    } else if (typeof row.group === 'string' && row.group !== '') out1.group = row.group;
    if (isOk) out.push(out1);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}

export interface BookFigures {
  /** The real book's concentration (engine: concentration(loanBookExposures(rows))). */
  real: Concentration;
  /** The generated book's (engine: concentration(scenarioExposures(scenario))). */
  generated: Concentration;
  /** The real book's largest client, by name. */
  largest: { id: string; exposure: number } | null;
  /** Loans, clients and share of the real book by segment key. */
  bySegment: Record<string, { loans: number; clients: number; share: number }>;
}

/**
 * The concentration of a real book next to the one the scenario's inputs generate, against the
 * scenario's net capital (docs/reference-model.md §3, §6), both from the engine's `concentration()`.
 * @example bookFigures(rows, demoScenario).real.largestToCapital // the largest client / net capital
 */
export function bookFigures(rows: readonly LoanBookRow[], scenario: Scenario): BookFigures {
  const netCapital = scenario.bank.netCapital;
  const real = concentration(loanBookExposures(rows, scenario), netCapital);
  const generated = concentration(scenarioExposures(scenario), netCapital);
  let largest: BookFigures['largest'] = null;
  for (const r of rows) if (!largest || r.exposure > largest.exposure) largest = { id: r.id, exposure: r.exposure };
  const bySegment: BookFigures['bySegment'] = {};
  for (const r of rows) {
    const seg = (bySegment[r.segment] ??= { loans: 0, clients: 0, share: 0 });
    seg.loans += r.exposure;
    seg.clients += 1;
  }
  for (const seg of Object.values(bySegment)) seg.share = real.totalExposure > 0 ? seg.loans / real.totalExposure : 0;
  return { real, generated, largest, bySegment };
}

function tenorBucket(years: number): (typeof TENOR_BUCKETS)[number] {
  if (years <= 0.25) return 'upTo3m';
  if (years <= 1) return 'm3to12';
  if (years <= 3) return 'y1to3';
  if (years <= 5) return 'y3to5';
  return 'over5y';
}

function clampTo(path: string, value: number): number {
  const spec = INPUT_SPECS.find((s) => s.path === path);
  if (!spec) return value;
  const v = Math.min(spec.max, Math.max(spec.min, value));
  return spec.isInteger ? Math.round(v) : v;
}

/**
 * The scenario's inputs calibrated to a real book, so the closed-form figures use it: the book
 * total L, the mix by segment, and per segment the average exposure, the exposure-weighted PD, LGD
 * and tenor profile, the spread implied by the average rate (spread = rate − LPR, in bp), deposits
 * per yuan of loans, products per client and the dispersion of client sizes (σ of log exposure).
 * A segment with no client in the book gets a share of 0 and keeps its other inputs. Every value
 * is clamped to its input's range; the result is validated.
 */
export function calibrateFromBook(
  scenario: Scenario,
  rows: readonly LoanBookRow[],
): { ok: true; scenario: Scenario } | { ok: false; problems: { path: string; message: Bilingual }[] } {
  const total = rows.reduce((a, r) => a + r.exposure, 0);
  if (total <= 0) return { ok: false, problems: [{ path: 'rows', message: { zh: '贷款明细为空', en: 'the loan book is empty' } }] };
  const lpr = scenario.market.lpr1y;
  const segments = scenario.segments.map((seg) => {
    const mine = rows.filter((r) => r.segment === seg.key);
    const loans = mine.reduce((a, r) => a + r.exposure, 0);
    if (mine.length === 0 || loans <= 0) return { ...seg, share: 0 };
    const w = (f: (r: LoanBookRow) => number) => mine.reduce((a, r) => a + r.exposure * f(r), 0) / loans;
    // Optional columns: a segment keeps its own input where the book does not say.
    const has = (f: 'tenorYears' | 'rate' | 'deposits' | 'productsHeld') => mine.every((r) => typeof r[f] === 'number');
    let tenor = seg.tenor;
    if (has('tenorYears')) {
      tenor = Object.fromEntries(TENOR_BUCKETS.map((b) => [b, 0])) as TenorProfile;
      for (const r of mine) tenor[tenorBucket(r.tenorYears!)] += r.exposure / loans;
    }
    const logs = mine.map((r) => Math.log(r.exposure));
    const meanLog = logs.reduce((a, x) => a + x, 0) / logs.length;
    const sigma = logs.length > 1 ? Math.sqrt(logs.reduce((a, x) => a + (x - meanLog) ** 2, 0) / (logs.length - 1)) : seg.sizeSigma;
    return {
      ...seg,
      share: loans / total,
      avgExposure: clampTo('segments.*.avgExposure', loans / mine.length),
      sizeSigma: clampTo('segments.*.sizeSigma', sigma),
      pd: clampTo(
        'segments.*.pd',
        w((r) => r.pd),
      ),
      lgd: clampTo(
        'segments.*.lgd',
        w((r) => r.lgd),
      ),
      tenor,
      spreadBp: has('rate') ? clampTo('segments.*.spreadBp', Math.round((w((r) => r.rate!) - lpr) * 1e4)) : seg.spreadBp,
      depositsPerLoan: has('deposits') ? clampTo('segments.*.depositsPerLoan', mine.reduce((a, r) => a + r.deposits!, 0) / loans) : seg.depositsPerLoan,
      productsPerClient: has('productsHeld')
        ? clampTo('segments.*.productsPerClient', mine.reduce((a, r) => a + r.productsHeld!, 0) / mine.length)
        : seg.productsPerClient,
    };
  });
  // Shares and tenor profiles must sum to 1 exactly: put the float residual on the largest part.
  const fixSum = (values: number[]) => {
    const residual = 1 - values.reduce((a, x) => a + x, 0);
    const k = values.indexOf(Math.max(...values));
    values[k] += residual;
    return values;
  };
  const shares = fixSum(segments.map((s) => s.share));
  const next: Scenario = {
    ...scenario,
    bank: { ...scenario.bank, corporateLoans: clampTo('bank.corporateLoans', total) },
    segments: segments.map((s, i) => {
      const t = fixSum(TENOR_BUCKETS.map((b) => s.tenor[b]));
      return { ...s, share: shares[i], tenor: Object.fromEntries(TENOR_BUCKETS.map((b, j) => [b, t[j]])) as TenorProfile };
    }),
  };
  const checked = validateScenario(next);
  return checked.ok ? { ok: true, scenario: checked.scenario } : { ok: false, problems: checked.problems };
}
