import { describe, expect, it } from 'vitest';
import {
  columnsFromRows,
  columnsTotal,
  columnsTransferables,
  concatColumns,
  idAt,
  isColumnsShape,
  rowsFromColumns,
  sliceColumns,
} from '../../src/lib/io/loan-book-columns';
import { checkLoanBookColumns, checkStoredLoanBook, columnsOfStoredRows } from '../../src/lib/io/stored-loan-book';
import type { LoanBookRow } from '../../src/lib/io/loan-book';
import { parseLoanBookCsv, parseLoanBookCsvColumns } from '../../src/lib/io/loan-book-csv';
import { demoScenario } from '../../src/lib/model';
import { bookCsv, generateBook } from '../fixtures/book-generator';

const keys = demoScenario.segments.map((s) => s.key);
const rows: LoanBookRow[] = [
  { id: 'A1', segment: 'large', exposure: 5e8, pd: 0.006, lgd: 0.45, tenorYears: 3, rate: 0.028, deposits: 4e8, productsHeld: 4, group: '华东集团' },
  // a row of an imported file without the optional numbers
  { id: '客户二', segment: 'small', exposure: 6e6, pd: 0.03, lgd: 0.4 },
  { id: 'C3', segment: 'mid', exposure: 6e7, pd: 0.015, lgd: 0.45, tenorYears: 1.5, rate: 0.038, deposits: 0, productsHeld: 0, group: '华东集团' },
];

describe('loan book as columns', () => {
  it('rows → columns → rows gives the same rows (absent numbers stay absent, groups and segments coded once)', () => {
    const c = columnsFromRows(rows);
    expect(c.count).toBe(3);
    expect(c.segmentKeys).toEqual(['large', 'small', 'mid']);
    expect(c.groupNames).toEqual(['华东集团']);
    expect([...c.group]).toEqual([0, -1, 0]);
    expect(Number.isNaN(c.rate[1])).toBe(true);
    expect(idAt(c, 1)).toBe('客户二');
    expect(rowsFromColumns(c)).toEqual(rows);
    expect(columnsTotal(c)).toBe(5e8 + 6e6 + 6e7);
    expect(checkLoanBookColumns(c, keys)).toEqual({ ok: true, columns: c });
    // a generated book the size of a bank's
    const book = generateBook(2_000, { seed: 3 });
    expect(rowsFromColumns(columnsFromRows(book))).toEqual(book);
  });

  it('survives a structured clone (IndexedDB, postMessage) and lists its buffers to transfer', () => {
    const c = columnsFromRows(rows);
    const copy = structuredClone(c);
    expect(checkLoanBookColumns(copy, keys).ok).toBe(true);
    expect(rowsFromColumns(copy)).toEqual(rows);
    const buffers = columnsTransferables(c);
    expect(buffers).toHaveLength(10);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('the CSV parse gives the columns of parseLoanBookCsv’s rows, and those rows', () => {
    const book = generateBook(500, { seed: 5 });
    const text = bookCsv(book);
    const { parse, rows: parsedRows } = parseLoanBookCsvColumns(text, demoScenario.segments);
    const plain = parseLoanBookCsv(text, demoScenario.segments);
    expect(parse.ok && plain.ok).toBe(true);
    if (!parse.ok || !plain.ok) return;
    expect(parsedRows).toEqual(plain.rows);
    expect(rowsFromColumns(parse.book)).toEqual(plain.rows);
    expect(parse.columns).toEqual(plain.columns);
    const bad = parseLoanBookCsvColumns('id,segment,exposure,pd,lgd,tenor,rate,deposits,products\nA,large,-1,0.1,0.4,1,0.03,0,1', demoScenario.segments);
    expect(bad.rows).toBeNull();
    expect(bad.parse.ok).toBe(false);
  });

  it('a damaged stored book is reported with where, never thrown', () => {
    const c = columnsFromRows(rows);
    expect(checkLoanBookColumns(null, keys)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'columns' })] });
    expect(checkLoanBookColumns({ ...c, exposure: [1, 2, 3] }, keys).ok).toBe(false);
    expect(checkLoanBookColumns({ ...c, pd: new Float64Array(2) }, keys).ok).toBe(false);
    expect(checkLoanBookColumns({ ...c, idText: c.idText + 'x' }, keys).ok).toBe(false);
    const pd = c.pd.slice();
    pd[2] = 1.5;
    expect(checkLoanBookColumns({ ...c, pd }, keys)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'rows.2.pd', received: '1.5' })] });
    const exposure = c.exposure.slice();
    exposure[0] = NaN; // a required number may not be absent
    expect(checkLoanBookColumns({ ...c, exposure }, keys)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'rows.0.exposure' })] });
    const dup = columnsFromRows([rows[0], { ...rows[1], id: 'A1' }]);
    expect(checkLoanBookColumns(dup, keys)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'rows.1.id', received: 'A1' })] });
    // a segment the scenario no longer has
    expect(checkLoanBookColumns(c, ['large', 'mid'])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'rows.1.segment', received: 'small' })],
    });
    const group = c.group.slice();
    group[1] = 7;
    expect(checkLoanBookColumns({ ...c, group }, keys)).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'rows.1.group' })] });
  });

  it('a stored book is read from its columns, or from the rows a v3 record kept', () => {
    expect(checkStoredLoanBook({ columns: columnsFromRows(rows) }, keys)).toEqual({ ok: true, columns: columnsFromRows(rows) });
    expect(checkStoredLoanBook({ rows }, keys)).toEqual({ ok: true, columns: columnsFromRows(rows) });
    expect(checkStoredLoanBook({ rows: [{ id: 'X' }] }, keys).ok).toBe(false);
    expect(checkStoredLoanBook({}, keys).ok).toBe(false);
  });

  it('the v4 upgrade converts rows that pass with any segment, and leaves damaged rows alone', () => {
    expect(rowsFromColumns(columnsOfStoredRows(rows)!)).toEqual(rows);
    expect(rowsFromColumns(columnsOfStoredRows([{ ...rows[1], segment: 'retail' }])!)).toEqual([{ ...rows[1], segment: 'retail' }]);
    expect(columnsOfStoredRows([{ ...rows[0], pd: 2 }])).toBeNull();
    expect(columnsOfStoredRows('rows')).toBeNull();
    expect(columnsOfStoredRows(undefined)).toBeNull();
  });
});

describe('chunks of a book', () => {
  it('sliceColumns cuts rows off as a book of their own, and concatColumns joins chunks back, remapping codes of other dictionaries', () => {
    const c = columnsFromRows(rows);
    const parts = [sliceColumns(c, 0, 1), sliceColumns(c, 1, 1), sliceColumns(c, 1, 3)];
    expect(parts.map((p) => p.count)).toEqual([1, 0, 2]);
    expect(rowsFromColumns(parts[2])).toEqual(rows.slice(1));
    expect(rowsFromColumns(concatColumns(parts))).toEqual(rows);
    // chunks coded against different dictionaries (written apart)
    const other = columnsFromRows([rows[2], rows[1]]);
    const joined = concatColumns([columnsFromRows([rows[0]]), other]);
    expect(rowsFromColumns(joined)).toEqual([rows[0], rows[2], rows[1]]);
    expect(checkLoanBookColumns(joined, keys).ok).toBe(true);
    // a code its own dictionary lacks stays out of range, and the check says so
    const broken = { ...other, segment: Uint16Array.from([0, 9]) };
    expect(checkLoanBookColumns(concatColumns([columnsFromRows([rows[0]]), broken]), keys).ok).toBe(false);
    expect(isColumnsShape(c) && !isColumnsShape({ ...c, group: [] })).toBe(true);
  });
});
