/**
 * A strategist's real loan book of 200,000 rows with groups (test/fixtures/book-generator.ts):
 * the CSV import, the loss distribution with every client's EC and RAROC (riskProfile on the real
 * book, what the engine worker runs), the top-name tables, the memory held, and the 21 × 21
 * two-way what-if table in closed form.
 * Run: `npx tsx bench/run.ts book`.
 */
import { parseLoanBookCsv } from '../src/lib/io/loan-book-csv';
import { axisValues, demoScenario, topClients, whatIfGrid, type LoanBookRow } from '../src/lib/model';
import { riskProfile } from '../src/lib/model/risk-profile';
import { bookCsv, generateBook } from '../test/fixtures/book-generator';
import { fmtMs, gc, timeBoth } from './util';

const mb = (m: NodeJS.MemoryUsage, b: NodeJS.MemoryUsage) => (m.heapUsed - b.heapUsed + m.arrayBuffers - b.arrayBuffers) / 2 ** 20;

export async function bench(): Promise<void> {
  const N = 200_000;
  const csv = bookCsv(generateBook(N, { seed: 16 }));
  console.log(`book: ${N.toLocaleString('en-US')} rows, CSV ${(csv.length / 2 ** 20).toFixed(1)} MB`);

  gc();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const parsed = parseLoanBookCsv(csv, demoScenario.segments);
  const parseMs = performance.now() - t0;
  if (!parsed.ok) throw new Error('the generated book does not parse');
  const rows: LoanBookRow[] = parsed.rows;
  gc();
  const mRows = mb(process.memoryUsage(), m0);
  console.log(`CSV import (parseLoanBookCsv, every cell checked): ${fmtMs(parseMs)}; the rows hold ${mRows.toFixed(1)} MB`);

  const t1 = performance.now();
  structuredClone(rows);
  console.log(`the rows' structured clone (what posting them to the worker costs): ${fmtMs(performance.now() - t1)}`);

  const first = performance.now();
  riskProfile(demoScenario, rows);
  console.log(`riskProfile on the real book, first call: ${fmtMs(performance.now() - first)}`);
  const t = timeBoth(() => riskProfile(demoScenario, rows), 5, 1);
  console.log(
    `riskProfile on the real book (loss distribution, EC and RAROC by client, groups): median ${fmtMs(t.medianMs)}, best ${fmtMs(t.minMs)}, CPU ${fmtMs(t.cpuMs)} (goal ≤ 1 s)`,
  );

  gc();
  const m1 = process.memoryUsage();
  const profile = riskProfile(demoScenario, rows);
  const peak = mb(process.memoryUsage(), m1);
  gc();
  const kept = mb(process.memoryUsage(), m1);
  console.log(
    `memory of one run: ${peak.toFixed(1)} MB grown (garbage included), ${kept.toFixed(1)} MB kept by the result; with the rows ${(kept + mRows).toFixed(1)} MB (goal ≤ 200 MB in the tab)`,
  );

  const c = profile.book!.clients;
  for (const key of ['exposure', 'expectedLoss', 'economicCapital'] as const) {
    const r = timeBoth(() => topClients(c, key, 20), 20, 3);
    const f = timeBoth(() => topClients(c, key, 20, { segment: 'small', text: 'C01' }), 20, 3);
    console.log(`top 20 by ${key}: median ${fmtMs(r.medianMs)}; filtered by segment and text ${fmtMs(f.medianMs)}`);
  }
  const groups = profile.book!.groups;
  console.log(
    `groups: ${groups.length.toLocaleString('en-US')}; largest obligor (groups summed) / net capital ${(profile.book!.obligorConcentration.largestToCapital * 100).toFixed(2)}%`,
  );

  const x = { path: 'segments.2.share', values: axisValues(0.05, 0.5, 21) };
  const y = { path: 'market.lpr1y', values: axisValues(0.02, 0.04, 21) };
  const g = timeBoth(() => whatIfGrid(demoScenario, x, y), 10, 2);
  console.log(
    `21 × 21 what-if table (441 closed-form evaluations, validated): median ${fmtMs(g.medianMs)}, best ${fmtMs(g.minMs)}, CPU ${fmtMs(g.cpuMs)} (goal ≤ 1 s)`,
  );
}
