/**
 * A checked loan book as columns: one typed array per number, the segments and groups coded against
 * a dictionary of their (few, repeated) names, and the client ids as one joined string with the end
 * of each. This is how a book crosses from the engine worker to the page (the buffers transferred,
 * not 200,000 objects cloned), how it is stored (database v4: one record of a few buffers, which
 * IndexedDB writes and reads back as blocks instead of walking 200,000 objects on the page's thread)
 * and how the page hands it back to the worker. The model and the library file keep rows
 * (`LoanBookRow`, model/book.ts): `rowsFromColumns` and `columnsFromRows` are the one conversion.
 */
import type { Scenario } from '../model';
import {
  bookFigures,
  calibrateFromBook,
  checkLoanBookRows,
  MAX_PROBLEMS,
  parseLoanBookCsv,
  rangeText,
  ROW_NUMBER_FIELDS,
  RULES,
  type BookFigures,
  type BookProblem,
  type CsvProblem,
  type LoanBookColumn,
  type LoanBookRow,
  type SegmentRef,
} from './loan-book';

type NumberField = (typeof ROW_NUMBER_FIELDS)[number][0];

/** A loan book by column; row `i` of every array is client `i`. An optional number a row does not have is NaN. */
export interface LoanBookColumns {
  count: number;
  /** Every client id, joined: id `i` is `idText.slice(idEnds[i - 1] ?? 0, idEnds[i])`. */
  idText: string;
  idEnds: Uint32Array;
  /** The segment keys; `segment[i]` indexes them. */
  segmentKeys: string[];
  segment: Uint16Array;
  exposure: Float64Array;
  pd: Float64Array;
  lgd: Float64Array;
  tenorYears: Float64Array;
  rate: Float64Array;
  deposits: Float64Array;
  productsHeld: Float64Array;
  /** The group names; `group[i]` indexes them, −1 for a client in no group. */
  groupNames: string[];
  group: Int32Array;
}

const NUMBER_FIELDS: readonly NumberField[] = ROW_NUMBER_FIELDS.map(([f]) => f);

/** Rows that passed checkLoanBookRows (or the CSV's check) as columns. */
export function columnsFromRows(rows: readonly LoanBookRow[]): LoanBookColumns {
  const count = rows.length;
  const idEnds = new Uint32Array(count);
  const segment = new Uint16Array(count);
  const group = new Int32Array(count);
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new Float64Array(count)])) as Record<NumberField, Float64Array>;
  const segmentCode = new Map<string, number>();
  const groupCode = new Map<string, number>();
  const ids: string[] = new Array<string>(count);
  let end = 0;
  for (let i = 0; i < count; i++) {
    const r = rows[i];
    ids[i] = r.id;
    end += r.id.length;
    idEnds[i] = end;
    let s = segmentCode.get(r.segment);
    if (s === undefined) segmentCode.set(r.segment, (s = segmentCode.size));
    segment[i] = s;
    if (r.group === undefined) group[i] = -1;
    else {
      let g = groupCode.get(r.group);
      if (g === undefined) groupCode.set(r.group, (g = groupCode.size));
      group[i] = g;
    }
    for (const f of NUMBER_FIELDS) numbers[f][i] = r[f] ?? NaN;
  }
  return { count, idText: ids.join(''), idEnds, segmentKeys: [...segmentCode.keys()], segment, ...numbers, groupNames: [...groupCode.keys()], group };
}

/** Client `i`'s id. */
export function idAt(c: LoanBookColumns, i: number): string {
  return c.idText.slice(i === 0 ? 0 : c.idEnds[i - 1], c.idEnds[i]);
}

/** Checked columns as the rows the model reads (an absent optional number stays absent). */
export function rowsFromColumns(c: LoanBookColumns): LoanBookRow[] {
  const rows: LoanBookRow[] = new Array<LoanBookRow>(c.count);
  for (let i = 0; i < c.count; i++) {
    const row: LoanBookRow = { id: idAt(c, i), segment: c.segmentKeys[c.segment[i]], exposure: c.exposure[i], pd: c.pd[i], lgd: c.lgd[i] };
    for (let k = 3; k < NUMBER_FIELDS.length; k++) {
      const v = c[NUMBER_FIELDS[k]][i];
      if (!Number.isNaN(v)) row[NUMBER_FIELDS[k]] = v;
    }
    if (c.group[i] >= 0) row.group = c.groupNames[c.group[i]];
    rows[i] = row;
  }
  return rows;
}

/** The buffers of the columns, to transfer them (Comlink.transfer) instead of copying. */
export function columnsTransferables(c: LoanBookColumns): ArrayBuffer[] {
  return [c.idEnds, c.segment, c.group, ...NUMBER_FIELDS.map((f) => c[f])].map((a) => a.buffer as ArrayBuffer);
}

/** The book's total exposure, yuan. */
export function columnsTotal(c: LoanBookColumns): number {
  let total = 0;
  for (let i = 0; i < c.count; i++) total += c.exposure[i];
  return total;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Rows [start, end) as columns of their own (the dictionaries kept whole): a stored chunk. */
export function sliceColumns(c: LoanBookColumns, start: number, end: number): LoanBookColumns {
  const from = start === 0 ? 0 : c.idEnds[start - 1];
  const idEnds = c.idEnds.slice(start, end);
  for (let i = 0; i < idEnds.length; i++) idEnds[i] -= from;
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, c[f].slice(start, end)])) as Record<NumberField, Float64Array>;
  return {
    count: end - start,
    idText: c.idText.slice(from, end > start ? c.idEnds[end - 1] : from),
    idEnds,
    segmentKeys: c.segmentKeys,
    segment: c.segment.slice(start, end),
    ...numbers,
    groupNames: c.groupNames,
    group: c.group.slice(start, end),
  };
}

/** Whether a value has the arrays of LoanBookColumns, of the right kinds and lengths (its values are not checked). */
export function isColumnsShape(value: unknown): value is LoanBookColumns {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Partial<Record<keyof LoanBookColumns, unknown>>;
  const count = c.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return false;
  // By tag, not instanceof: a structured clone may come from another realm (a test's jsdom window).
  const isArray = (v: unknown, kind: string) => Object.prototype.toString.call(v) === `[object ${kind}]` && (v as ArrayLike<number>).length === count;
  return (
    typeof c.idText === 'string' &&
    isArray(c.idEnds, 'Uint32Array') &&
    isStringArray(c.segmentKeys) &&
    isArray(c.segment, 'Uint16Array') &&
    isStringArray(c.groupNames) &&
    isArray(c.group, 'Int32Array') &&
    NUMBER_FIELDS.every((f) => isArray(c[f], 'Float64Array'))
  );
}

/**
 * Chunks (sliceColumns) joined back into one book, each chunk's codes mapped to the joined
 * dictionaries; a code a chunk's dictionary lacks stays out of range, for the check to report.
 */
export function concatColumns(parts: readonly LoanBookColumns[]): LoanBookColumns {
  if (parts.length === 1) return parts[0];
  const count = parts.reduce((a, p) => a + p.count, 0);
  const idEnds = new Uint32Array(count);
  const segment = new Uint16Array(count);
  const group = new Int32Array(count);
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new Float64Array(count)])) as Record<NumberField, Float64Array>;
  const sameAs = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
  // Chunks written by sliceColumns share one set of dictionaries: their codes are copied as they are.
  const isShared = parts.every((p) => sameAs(p.segmentKeys, parts[0].segmentKeys) && sameAs(p.groupNames, parts[0].groupNames));
  const segmentCode = new Map<string, number>();
  const groupCode = new Map<string, number>();
  const code = (map: Map<string, number>, key: string) => {
    let k = map.get(key);
    if (k === undefined) map.set(key, (k = map.size));
    return k;
  };
  let at = 0;
  let textLength = 0;
  for (const p of parts) {
    if (isShared) {
      segment.set(p.segment, at);
      group.set(p.group, at);
    } else {
      const segmentOf = p.segmentKeys.map((k) => code(segmentCode, k));
      const groupOf = p.groupNames.map((g) => code(groupCode, g));
      for (let i = 0; i < p.count; i++) {
        segment[at + i] = segmentOf[p.segment[i]] ?? 0xffff;
        group[at + i] = p.group[i] < 0 ? -1 : (groupOf[p.group[i]] ?? -2);
      }
    }
    for (let i = 0; i < p.count; i++) idEnds[at + i] = p.idEnds[i] + textLength;
    for (const f of NUMBER_FIELDS) numbers[f].set(p[f], at);
    at += p.count;
    textLength += p.idText.length;
  }
  return {
    count,
    idText: parts.map((p) => p.idText).join(''),
    idEnds,
    segmentKeys: isShared ? parts[0].segmentKeys : [...segmentCode.keys()],
    segment,
    ...numbers,
    groupNames: isShared ? parts[0].groupNames : [...groupCode.keys()],
    group,
  };
}

export type CheckedColumns = { ok: true; columns: LoanBookColumns } | { ok: false; problems: BookProblem[] };

const DAMAGED: BookProblem = {
  path: 'columns',
  message: { zh: '贷款明细的存储数据已损坏，无法读取', en: 'the stored loan book is damaged and cannot be read' },
};

/**
 * Checks stored columns against the scenario's segments with the rules of the CSV (every number in
 * its range, ids present, at most 100 characters and unique, groups at most 100 characters), with
 * `rows.<i>.<field>` paths. A record whose arrays are missing or of the wrong kind or length gets one
 * problem at `columns`. Never throws.
 */
export function checkLoanBookColumns(value: unknown, segmentKeys: readonly string[]): CheckedColumns {
  if (!isColumnsShape(value)) return { ok: false, problems: [DAMAGED] };
  const book = value;
  const count = book.count;
  // The ids' ends must climb to the end of the joined text, or no id can be read.
  let previous = 0;
  for (let i = 0; i < count; i++) {
    if (book.idEnds[i] < previous) return { ok: false, problems: [DAMAGED] };
    previous = book.idEnds[i];
  }
  if (previous !== book.idText.length) return { ok: false, problems: [DAMAGED] };

  const problems: BookProblem[] = [];
  const add = (p: BookProblem) => void (problems.length < MAX_PROBLEMS && problems.push(p));
  const keys = new Set(segmentKeys);
  const isKnownSegment = book.segmentKeys.map((k) => keys.has(k));
  const isGroupOk = book.groupNames.map((g) => g.length <= 100);
  const ids = new Set<string>();
  for (let i = 0; i < count && problems.length < MAX_PROBLEMS; i++) {
    const id = idAt(book, i);
    if (id === '' || id.length > 100 || ids.has(id))
      add({ path: `rows.${i}.id`, message: { zh: '客户编号缺失、过长或重复', en: 'client id missing, too long or duplicate' }, received: id });
    else ids.add(id);
    const s = book.segment[i];
    if (!isKnownSegment[s])
      add({
        path: `rows.${i}.segment`,
        message: { zh: '未知的客户层', en: 'unknown segment' },
        expected: [...keys].join(', '),
        received: String(book.segmentKeys[s]),
      });
    for (const [field, ruleKey, isRequired] of ROW_NUMBER_FIELDS) {
      const v = book[field][i];
      if (Number.isNaN(v) && !isRequired) continue;
      const rule = RULES[ruleKey];
      const tooLow = rule.isMinExclusive ? v <= rule.min : v < rule.min;
      if (!Number.isFinite(v) || tooLow || v > rule.max || (rule.isInteger && !Number.isInteger(v)))
        add({
          path: `rows.${i}.${field}`,
          message: { zh: `应为 ${rangeText(rule)} 之间的数字`, en: `expected a number in ${rangeText(rule)}` },
          expected: rangeText(rule),
          received: String(v),
        });
    }
    const g = book.group[i];
    if (g < -1 || g >= book.groupNames.length || (g >= 0 && !isGroupOk[g]))
      add({ path: `rows.${i}.group`, message: { zh: '集团名称应为不超过100字符的文本', en: 'group must be text of at most 100 characters' } });
  }
  return problems.length ? { ok: false, problems } : { ok: true, columns: book };
}

/** A stored loan book as the database holds it: `columns` since v4; `rows` kept by a v3 record whose rows could not be converted. */
export interface StoredLoanBook {
  columns?: unknown;
  rows?: unknown;
}

/** A stored book checked against the scenario's segments, as columns: v4 columns, or the rows a v3 record kept. Never throws. */
export function checkStoredLoanBook(book: StoredLoanBook, segmentKeys: readonly string[]): CheckedColumns {
  if (book.columns !== undefined) return checkLoanBookColumns(book.columns, segmentKeys);
  const rows = checkLoanBookRows(book.rows, segmentKeys);
  return rows.ok ? { ok: true, columns: columnsFromRows(rows.rows) } : rows;
}

/**
 * A v3 record's rows as columns for the v4 upgrade, or null when they do not pass the check with
 * any segment (the record then keeps its rows as they are: reported as damaged, never dropped).
 * The segments are not the scenario's here: a reader checks them against its scenario.
 */
export function columnsOfStoredRows(rows: unknown): LoanBookColumns | null {
  const segments = Array.isArray(rows)
    ? [...new Set(rows.map((r: unknown) => (r as { segment?: unknown } | null)?.segment).filter((s) => typeof s === 'string'))]
    : [];
  const checked = checkLoanBookRows(rows, segments);
  return checked.ok ? columnsFromRows(checked.rows) : null;
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

/** A stored book's figures, or `ok: false` when it does not pass its check (a damaged record shows none). */
export type CheckedBookFigures = { ok: true; figures: BookFigures } | { ok: false };

/** A stored book's rows checked against the segments (columns, or rows: a v3 record's, or the rows the engine worker holds), or null. */
function checkedRowsOf(book: StoredLoanBook, segmentKeys: readonly string[]): LoanBookRow[] | null {
  if (book.columns !== undefined) {
    const checked = checkLoanBookColumns(book.columns, segmentKeys);
    return checked.ok ? rowsFromColumns(checked.columns) : null;
  }
  const checked = checkLoanBookRows(book.rows, segmentKeys);
  return checked.ok ? checked.rows : null;
}

/**
 * The stored book checked against the scenario's segments, then bookFigures of its rows (returned
 * too): what the loan-book panel shows of a stored book, computed in the engine worker.
 * @example checkedBookFigures(record, scenario) // { ok: true, figures: { real, generated, largest, bySegment }, rows }
 */
export function checkedBookFigures(book: StoredLoanBook, scenario: Scenario): { ok: true; figures: BookFigures; rows: LoanBookRow[] } | { ok: false } {
  const rows = checkedRowsOf(
    book,
    scenario.segments.map((s) => s.key),
  );
  return rows ? { ok: true, figures: bookFigures(rows, scenario), rows } : { ok: false };
}

/**
 * calibrateFromBook on a stored book checked against the scenario's segments (in the engine
 * worker: 200,000 rows are a long task on the page).
 * @example calibrateStoredBook(record, scenario) // { ok: true, scenario: { …the book's mix, PDs, pricing… } }
 */
export function calibrateStoredBook(book: StoredLoanBook, scenario: Scenario): ReturnType<typeof calibrateFromBook> {
  const rows = checkedRowsOf(
    book,
    scenario.segments.map((s) => s.key),
  );
  return rows ? calibrateFromBook(scenario, rows) : { ok: false, problems: [{ path: DAMAGED.path, message: DAMAGED.message }] };
}
