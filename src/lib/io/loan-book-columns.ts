/**
 * A checked loan book as columns: one typed array per number, the segments and groups coded against
 * a dictionary of their (few, repeated) names, and the client ids as one joined string with the end
 * of each. This is how a book crosses from the engine worker to the page (the buffers transferred,
 * not 200,000 objects cloned), how it is stored (database v4: one record of a few buffers, which
 * IndexedDB writes and reads back as blocks instead of walking 200,000 objects on the page's thread)
 * and how the page hands it back to the worker. The model and the library file keep rows
 * (`LoanBookRow`, model/book.ts): `rowsFromColumns` and `columnsFromRows` are the one conversion.
 */
import type { LoanBookRow } from './loan-book';
import { ROW_NUMBER_FIELDS } from './loan-book-fields';

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
