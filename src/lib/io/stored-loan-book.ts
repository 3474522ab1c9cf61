/**
 * A stored loan book checked against the scenario's segments (its columns, or the rows a v3 record
 * kept), and its figures and calibration: what the engine worker, the library and the database
 * upgrade read of a stored book. The columns themselves, and their conversions, are
 * loan-book-columns.ts.
 */
import type { Scenario } from '../model';
import {
  bookFigures,
  calibrateFromBook,
  checkLoanBookRows,
  MAX_PROBLEMS,
  rangeText,
  RULES,
  type BookFigures,
  type BookProblem,
  type LoanBookRow,
} from './loan-book';
import { ROW_NUMBER_FIELDS } from './loan-book-fields';
import { columnsFromRows, idAt, isColumnsShape, rowsFromColumns, type LoanBookColumns } from './loan-book-columns';

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
