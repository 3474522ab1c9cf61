import { describe, expect, it } from 'vitest';
import { bookFigures, calibrateFromBook, checkLoanBookRows, type LoanBookRow } from '../../src/lib/io/loan-book';
import { parseLoanBookCsv } from '../../src/lib/io/loan-book-csv';
import { columnsFromRows } from '../../src/lib/io/loan-book-columns';
import { calibrateStoredBook, checkedBookFigures } from '../../src/lib/io/stored-loan-book';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';
import { demoScenario, evaluate, validateScenario } from '../../src/lib/model';

const HEADER = 'id,segment,exposure,pd,lgd,tenor,rate,deposits,products,group';
const segments = demoScenario.segments;

describe('parseLoanBookCsv', () => {
  it('reads rows with English or Chinese headers, percentages, thousands separators and quotes', () => {
    const csv = [
      '客户编号,客户层,贷款余额（元）,违约概率,LGD,期限,利率,存款,产品数,集团',
      'A001,大客户,"500,000,000",0.6%,45%,3,2.76%,400000000,4,华东集团',
      'B002,mid,60000000,0.015,0.4,1.5,0.0324,30000000,2,',
      '',
      'C003,Small clients (SMEs),6000000,3%,0.35,0.5,3.6%,2400000,1,华东集团',
    ].join('\r\n');
    const r = parseLoanBookCsv(csv, segments);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual<LoanBookRow[]>([
      { id: 'A001', segment: 'large', exposure: 5e8, pd: 0.006, lgd: 0.45, tenorYears: 3, rate: 0.0276, deposits: 4e8, productsHeld: 4, group: '华东集团' },
      { id: 'B002', segment: 'mid', exposure: 6e7, pd: 0.015, lgd: 0.4, tenorYears: 1.5, rate: 0.0324, deposits: 3e7, productsHeld: 2 },
      { id: 'C003', segment: 'small', exposure: 6e6, pd: 0.03, lgd: 0.35, tenorYears: 0.5, rate: 0.036, deposits: 2.4e6, productsHeld: 1, group: '华东集团' },
    ]);
  });

  it('names the line and column of every bad cell and returns no rows', () => {
    const csv = [
      HEADER,
      'A1,large,5e8,0.01,0.45,3,0.03,1e8,3,',
      'A2,giant,5e8,0.01,0.45,3,0.03,1e8,3,', // line 3: segment
      'A3,large,-5,1.5,0.45,3,4.35,1e8,2.5,', // line 4: exposure, pd, rate, products
      '"A4',
    ].join('\n');
    const r = parseLoanBookCsv(csv.replace('"A4', 'A1,mid,1e6,0.01,0.4,1,0.03,0,1,'), segments); // line 5: duplicate id
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:segment', '4:exposure', '4:pd', '4:rate', '4:products', '5:id']);
    const rate = r.problems.find((p) => p.column === 'rate')!;
    expect(rate.message.en).toMatch(/percentage \(1\.5%\)/);
    expect(rate.received).toBe('4.35');
    expect(r.problems.find((p) => p.column === 'id')!.message.en).toMatch(/line 2/);
  });

  it('counts lines across quoted line breaks and blank lines', () => {
    const csv = `${HEADER}\n"A\n1",large,5e8,0.01,0.45,3,0.03,1e8,3,\n\n\nB,large,x,0.01,0.45,3,0.03,1e8,3,\n`;
    const r = parseLoanBookCsv(csv, segments);
    expect(!r.ok && r.problems.map((p) => [p.line, p.column])).toEqual([[6, 'exposure']]);
  });

  it('reports missing columns, an empty file and a header without rows', () => {
    const missing = parseLoanBookCsv('id,segment,exposure\nA,large,1', segments);
    expect(!missing.ok && missing.problems.map((p) => p.column)).toEqual(['pd', 'lgd', 'tenor', 'rate', 'deposits', 'products']);
    expect(!missing.ok && missing.problems[0].line).toBe(1);
    const empty = parseLoanBookCsv('  \n', segments);
    expect(!empty.ok && empty.problems[0].message.en).toBe('the file is empty');
    const noRows = parseLoanBookCsv(HEADER + '\n', segments);
    expect(!noRows.ok && noRows.problems[0].message.en).toBe('no data rows');
  });

  it('checks stored rows with the same rules', () => {
    const ok = checkLoanBookRows(
      [
        { id: 'a', segment: 'large', exposure: 1, pd: 0, lgd: 1, tenorYears: 1, rate: 0.03, deposits: 0, productsHeld: 0, group: null },
        { id: 'b', segment: 'large', exposure: 2, pd: 0.1, lgd: 0.5 },
      ],
      ['large'],
    );
    expect(ok).toEqual({
      ok: true,
      rows: [
        { id: 'a', segment: 'large', exposure: 1, pd: 0, lgd: 1, tenorYears: 1, rate: 0.03, deposits: 0, productsHeld: 0 },
        { id: 'b', segment: 'large', exposure: 2, pd: 0.1, lgd: 0.5 },
      ],
    });
    const bad = checkLoanBookRows('rows', ['large']);
    expect(bad.ok).toBe(false);
  });
});

describe('bookConcentration and calibrateFromBook', () => {
  const rows: LoanBookRow[] = [
    { id: 'A', segment: 'large', exposure: 30e8, pd: 0.005, lgd: 0.45, tenorYears: 6, rate: 0.028, deposits: 20e8, productsHeld: 4, group: 'G1' },
    { id: 'B', segment: 'large', exposure: 10e8, pd: 0.007, lgd: 0.45, tenorYears: 2, rate: 0.029, deposits: 5e8, productsHeld: 3, group: 'G1' },
    { id: 'C', segment: 'mid', exposure: 6e8, pd: 0.015, lgd: 0.4, tenorYears: 1, rate: 0.032, deposits: 3e8, productsHeld: 2 },
    { id: 'D', segment: 'small', exposure: 4e8, pd: 0.03, lgd: 0.35, tenorYears: 0.25, rate: 0.036, deposits: 1e8, productsHeld: 1 },
  ];

  it('computes the real book’s largest client, top 10, HHI and largest group with the engine, next to the generated book', () => {
    const f = bookFigures(rows, demoScenario); // net capital 240 亿元
    expect(f.real.totalExposure).toBe(50e8);
    expect(f.largest).toEqual({ id: 'A', exposure: 30e8 });
    expect(f.real.largestToCapital).toBeCloseTo(0.125, 12);
    expect(f.real.limits.singleClient.isPass).toBe(false);
    expect(f.real.top10Exposure).toBe(50e8);
    expect(f.real.hhi).toBeCloseTo(0.36 + 0.04 + 0.0144 + 0.0064, 12);
    expect(f.real.effectiveClients).toBeCloseTo(1 / 0.4208, 12);
    expect(f.real.largestGroup).toBe('G1');
    expect(f.real.largestGroupToCapital).toBeCloseTo(40 / 240, 12);
    expect(f.bySegment.large).toEqual({ loans: 40e8, clients: 2, share: 0.8 });
    // the generated book is the scenario's: its largest client is evaluate()'s
    expect(f.generated.largestToCapital).toBeCloseTo(evaluate(demoScenario).safety.largestClientToCapital, 9);
    expect(f.generated.clients).toBe(evaluate(demoScenario).safety.clients);
  });

  it('checkedBookFigures: the panel’s figures of a stored book are bookFigures of its checked rows; a damaged record has none', () => {
    expect(checkedBookFigures({ columns: columnsFromRows(rows) }, demoScenario)).toEqual({ ok: true, figures: bookFigures(rows, demoScenario), rows });
    // a v3 record's rows
    expect(checkedBookFigures({ rows }, demoScenario)).toEqual({ ok: true, figures: bookFigures(rows, demoScenario), rows });
    expect(checkedBookFigures({ rows: [...rows, { ...rows[0], id: 'E', pd: 2 }] }, demoScenario)).toEqual({ ok: false });
    expect(checkedBookFigures({ columns: columnsFromRows([...rows, { ...rows[0], id: 'E', pd: 2 }]) }, demoScenario)).toEqual({ ok: false });
    expect(checkedBookFigures({ columns: columnsFromRows([{ ...rows[0], segment: 'retail' }]) }, demoScenario)).toEqual({ ok: false });
    expect(checkedBookFigures({ columns: { count: 3 } }, demoScenario)).toEqual({ ok: false });
  });

  it('the engine answers the figures of the CSV it parsed under the stored id, without the rows being sent back', async () => {
    const engine = createInProcessEngine();
    const csv = [
      HEADER,
      ...rows.map((r) => [r.id, r.segment, r.exposure, r.pd, r.lgd, r.tenorYears, r.rate, r.deposits, r.productsHeld, r.group ?? ''].join(',')),
    ].join('\n');
    const parsed = await engine.parseLoanBookCsv(csv, segments);
    expect(parsed.ok).toBe(true);
    await engine.holdParsedBook('book-1');
    expect(parsed.ok && parsed.book.count).toBe(rows.length);
    expect(await engine.loanBookFigures(demoScenario, { id: 'book-1', load: async () => undefined })).toEqual({
      ok: true,
      figures: bookFigures(rows, demoScenario),
    });
    // a book it does not hold is checked from the data given
    expect(await engine.loanBookFigures(demoScenario, { id: 'book-2', load: async () => ({ rows: [{ id: 'X' }] }) })).toEqual({ ok: false });
    expect(await engine.loanBookFigures(demoScenario, { id: 'book-3', load: async () => ({ columns: columnsFromRows(rows) }) })).toEqual({
      ok: true,
      figures: bookFigures(rows, demoScenario),
    });
  });

  it('calibrates a stored book in the engine, on the rows it holds or on the book it is given', async () => {
    const engine = createInProcessEngine();
    const direct = calibrateFromBook(demoScenario, rows);
    expect(await engine.calibrateBook(demoScenario, { id: 'b', load: async () => ({ columns: columnsFromRows(rows) }) })).toEqual(direct);
    expect(calibrateStoredBook({ rows }, demoScenario)).toEqual(direct);
    const damaged = await engine.calibrateBook(demoScenario, { id: 'c', load: async () => ({ columns: { count: -1 } }) });
    expect(damaged).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'columns' })] });
  });

  it('calibrates a valid scenario to the book (total, mix, PD, tenor, pricing)', () => {
    const r = calibrateFromBook(demoScenario, rows);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(validateScenario(s).ok).toBe(true);
    expect(s.bank.corporateLoans).toBe(50e8);
    expect(s.segments.map((x) => x.share)).toEqual([0.8, 0.12, 0.08]);
    expect(s.segments[0].pd).toBeCloseTo((30 * 0.005 + 10 * 0.007) / 40, 12);
    expect(s.segments[0].avgExposure).toBe(20e8);
    expect(s.segments[0].tenor.over5y).toBeCloseTo(0.75, 12);
    expect(s.segments[2].spreadBp).toBe(60); // rate 3.60% at LPR 3.00%
    expect(Number.isFinite(evaluate(s).profitability.netProfit)).toBe(true);
  });
});

describe('parseLoanBookCsv progress', () => {
  it('reports the share read, rising to the end, for a large book (the app runs it in the engine worker)', () => {
    const lines = ['id,segment,exposure,pd,lgd,tenor,rate,deposits,products'];
    for (let i = 0; i < 20_000; i++) lines.push(`C${i},small,6000000,0.03,0.35,0.5,0.038,2400000,1`);
    const seen: number[] = [];
    const r = parseLoanBookCsv(lines.join('\n'), demoScenario.segments, (f) => seen.push(f));
    expect(r.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });
});
