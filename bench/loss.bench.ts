/**
 * The loss distribution of a lumpy book: speed and accuracy of lossDistribution()
 * against Monte Carlo of the same model, and memory for a 100,000-client book.
 * Run: `npx tsx bench/run.ts loss` (add NODE_OPTIONS=--expose-gc for steadier memory figures).
 */
import { baselCorrelation, lossDistribution, lossMonteCarlo, segmentWeights, type CreditExposure } from '../src/lib/model';
import { cpuMs, fmtMs, gc, timeBoth } from './util';

const YI = 1e8; // 亿元

/**
 * The book: 40 single large names with lognormal sizes around CNY 2 bn (σ 0.5 on the
 * quantile grid of docs/reference-model.md §2), 500 equal mid clients and 5,000 equal small clients. PDs, LGDs and
 * correlations as the demo bank's segments (docs/reference-values.md, credit quality; Basel II ¶272–273).
 */
export function benchBook(): CreditExposure[] {
  const large = segmentWeights(40, 0.5);
  const book: CreditExposure[] = [];
  for (let i = 0; i < 40; i++) {
    book.push({ id: `L${i + 1}`, segment: 'large', ead: large[i] * 40 * 20 * YI, pd: 0.006, lgd: 0.45, rho: baselCorrelation(0.006) });
  }
  book.push({ id: 'mid', segment: 'mid', ead: 0.6 * YI, count: 500, pd: 0.015, lgd: 0.4, rho: baselCorrelation(0.015, 25) });
  book.push({ id: 'small', segment: 'small', ead: 0.06 * YI, count: 5000, pd: 0.03, lgd: 0.35, rho: baselCorrelation(0.03, 5) });
  return book;
}

/** A 100,000-client book (2,000 large, 18,000 mid, 80,000 small): 60 single names and the rest in 600 bands, sizes on the lognormal grid. */
function bigBook(): CreditExposure[] {
  const book: CreditExposure[] = [];
  const segments = [
    { key: 'large', n: 2_000, loans: 700 * YI, sigma: 0.6, pd: 0.006, lgd: 0.45, rho: baselCorrelation(0.006) },
    { key: 'mid', n: 18_000, loans: 400 * YI, sigma: 0.5, pd: 0.015, lgd: 0.4, rho: baselCorrelation(0.015, 25) },
    { key: 'small', n: 80_000, loans: 300 * YI, sigma: 0.6, pd: 0.03, lgd: 0.35, rho: baselCorrelation(0.03, 5) },
  ];
  for (const s of segments) {
    const w = segmentWeights(s.n, s.sigma);
    for (let i = 0; i < 20; i++) book.push({ id: `${s.key}-${i + 1}`, segment: s.key, ead: w[i] * s.loans, pd: s.pd, lgd: s.lgd, rho: s.rho });
    const rest = s.n - 20;
    for (let b = 0; b < 200; b++) {
      const from = 20 + Math.floor((b * rest) / 200);
      const to = 20 + Math.floor(((b + 1) * rest) / 200);
      let sum = 0;
      for (let i = from; i < to; i++) sum += w[i];
      book.push({ segment: s.key, ead: (sum / (to - from)) * s.loans, count: to - from, pd: s.pd, lgd: s.lgd, rho: s.rho });
    }
  }
  return book;
}

/** The same 100,000 clients as single-name rows (a real loan book of 100,000 lines). */
function bigBookByRow(): CreditExposure[] {
  const rows: CreditExposure[] = [];
  for (const e of bigBook()) for (let i = 0; i < (e.count ?? 1); i++) rows.push({ ...e, count: 1, id: `${e.id ?? e.segment}-${i}` });
  return rows;
}

/**
 * Memory of one lossDistribution() of a book: heap (JS objects) and array buffers (typed arrays)
 * grown from a collected heap with the input already built, measured before any collection after
 * the call (so it includes the garbage made: an upper bound of the peak), and what stays.
 */
function memory(book: CreditExposure[]): { peakMb: number; retainedMb: number } {
  gc();
  const before = process.memoryUsage();
  const result = lossDistribution(book, { quantiles: [0.99, 0.999] });
  const after = process.memoryUsage();
  gc();
  const kept = process.memoryUsage();
  void result;
  const mb = (m: NodeJS.MemoryUsage, b: NodeJS.MemoryUsage) => (m.heapUsed - b.heapUsed + m.arrayBuffers - b.arrayBuffers) / 2 ** 20;
  return { peakMb: mb(after, before), retainedMb: mb(kept, before) };
}

export async function bench(): Promise<void> {
  const book = benchBook();
  const ql = [0.99, 0.999];
  const exposure = book.reduce((a, e) => a + e.ead * (e.count ?? 1), 0);
  console.log(`book: 40 large names + 500 mid + 5,000 small clients, EAD ${(exposure / YI).toFixed(0)} 亿元`);

  const t = timeBoth(() => lossDistribution(book, { quantiles: ql }), 30, 10);
  const d = lossDistribution(book, { quantiles: ql });
  console.log(`lossDistribution: median ${fmtMs(t.medianMs)}, best ${fmtMs(t.minMs)}, CPU ${fmtMs(t.cpuMs)} per run (goal ≤ 100 ms)`);
  console.log(
    `  lattice ${d.diagnostics.latticePoints} points of ${(d.grid.lossStep / 1e4).toFixed(0)} 万元, ${d.diagnostics.quadratureNodes} nodes in Z, ${d.diagnostics.groups} groups (${d.diagnostics.fourierGroups} in Fourier space)`,
  );

  const t0 = performance.now();
  const c0 = cpuMs();
  const mc = lossMonteCarlo(book, { paths: 2_000_000, seed: 20240101, quantiles: ql });
  const mcMs = performance.now() - t0;
  const mcCpu = cpuMs() - c0;
  for (let i = 0; i < ql.length; i++) {
    const diff = d.quantiles[i] / mc.quantiles[i] - 1;
    console.log(
      `  VaR ${(ql[i] * 100).toFixed(1)}%: ${(d.quantiles[i] / YI).toFixed(2)} 亿元 vs Monte Carlo ${(mc.quantiles[i] / YI).toFixed(2)} ` +
        `[95% ${(mc.quantileIntervals[i].lower / YI).toFixed(2)}–${(mc.quantileIntervals[i].upper / YI).toFixed(2)}]: ${(diff * 100).toFixed(2)}% (goal within 2%)`,
    );
  }
  console.log(
    `  ES 99.9%: ${(d.expectedShortfalls[1] / YI).toFixed(2)} vs ${(mc.expectedShortfalls[1] / YI).toFixed(2)} ± ${(mc.expectedShortfallStandardErrors[1] / YI).toFixed(2)} 亿元`,
  );
  console.log(`  (the 2,000,000-path pooled Monte Carlo itself: ${fmtMs(mcMs)}, CPU ${fmtMs(mcCpu)})`);

  const p0 = performance.now();
  const pc0 = cpuMs();
  const plain = lossMonteCarlo(book, { paths: 20_000, seed: 7, quantiles: ql, method: 'perClient' });
  const plainMs = performance.now() - p0;
  const plainCpu = cpuMs() - pc0;
  console.log(
    `plain per-client Monte Carlo, 20,000 paths: ${fmtMs(plainMs)}, CPU ${fmtMs(plainCpu)} (VaR 99.9% ${(plain.quantiles[1] / YI).toFixed(2)} 亿元 ` +
      `[${(plain.quantileIntervals[1].lower / YI).toFixed(2)}–${(plain.quantileIntervals[1].upper / YI).toFixed(2)}])`,
  );
  console.log(
    `  speed-up of lossDistribution: ${(plainMs / t.medianMs).toFixed(0)}× by wall time, ${(plainCpu / t.cpuMs).toFixed(0)}× by CPU time (goal ≥ 50×)`,
  );

  const banded = bigBook();
  const rows = bigBookByRow();
  const mBanded = memory(banded);
  const mRows = memory(rows);
  const tb = timeBoth(() => lossDistribution(banded, { quantiles: ql }), 5, 2);
  const tr = timeBoth(() => lossDistribution(rows, { quantiles: ql }), 3, 1);
  console.log(
    `100,000-client book, memory of one run (heap + typed arrays, before collection; goal ≤ 50 MB): ` +
      `${mBanded.peakMb.toFixed(1)} MB as 60 names + 600 bands, ${mRows.peakMb.toFixed(1)} MB as 100,000 rows ` +
      `(retained ${mBanded.retainedMb.toFixed(1)} / ${mRows.retainedMb.toFixed(1)} MB); time ${fmtMs(tb.medianMs)} (CPU ${fmtMs(tb.cpuMs)}) / ${fmtMs(tr.medianMs)} (CPU ${fmtMs(tr.cpuMs)})`,
  );
}
