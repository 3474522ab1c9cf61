import {
  DEFAULT_REBALANCE_RULES,
  demoClientPortfolio,
  efficientFrontier,
  portfolioRisk,
  rebalanceRuleLabel,
  simulateRebalancing,
  simulateRebalancingPaths,
  summarizeRebalancing,
  type RebalanceRule,
  type RebalancingPaths,
} from '../src/lib/model/portfolio';
import { fmtMs, heapMb, timeIt } from './util';

/** Memory outside the JS heap: typed arrays live in ArrayBuffers. */
function arrayBuffersMb(): number {
  return process.memoryUsage().arrayBuffers / 2 ** 20;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Exact size of the raw per-path results (every typed array's byteLength), MB. */
function resultMb(raw: RebalancingPaths): number {
  let bytes = 0;
  for (const r of raw.perRule) for (const a of Object.values(r)) bytes += (a as ArrayBufferView).byteLength;
  return bytes / 2 ** 20;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Rebalancing simulation of the demo client (6 asset classes), 10,000 paths, 10 years
 * monthly (goal ≤ 1 s per rule in a worker), then the small closed-form calls.
 * Time: median of 3 runs, wall clock and CPU (on a busy machine the CPU time is the
 * steadier figure). Memory: growth of the JS heap during the run, and the exact size of
 * the raw per-path results (typed arrays; the per-path scratch is a few kB).
 */
export async function bench(): Promise<void> {
  const portfolio = demoClientPortfolio();
  const options = { paths: 10_000, seed: 2024, years: 10, stepsPerYear: 12 };
  console.log(`demo client: ${portfolio.assets.assets.length} asset classes, ${options.paths} paths, ${options.years} years × ${options.stepsPerYear} steps`);
  if (!(globalThis as { gc?: () => void }).gc) console.log('(run node with --expose-gc for steadier memory figures)');
  simulateRebalancing(portfolio, [{ kind: 'none' }], { ...options, paths: 1_000 }); // warm-up (JIT)

  const runs = 3;
  const measure = (rules: readonly RebalanceRule[]) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    const pathsMs: number[] = [];
    const summaryMs: number[] = [];
    let heapGrowth = 0;
    let results = 0;
    for (let r = 0; r < runs; r++) {
      collect();
      const heap0 = heapMb();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const raw = simulateRebalancingPaths(portfolio, rules, options);
      const t1 = performance.now();
      const heap1 = heapMb();
      summarizeRebalancing(raw);
      const t2 = performance.now();
      const c = process.cpuUsage(c0);
      wall.push(t2 - t0);
      cpu.push((c.user + c.system) / 1000);
      pathsMs.push(t1 - t0);
      summaryMs.push(t2 - t1);
      heapGrowth = Math.max(heapGrowth, heap1 - heap0);
      results = resultMb(raw);
    }
    return { wall: median(wall), cpu: median(cpu), paths: median(pathsMs), summary: median(summaryMs), heapGrowth, results };
  };

  console.log('rule                                  wall (paths + summary)          cpu   JS heap  result arrays');
  for (const rule of DEFAULT_REBALANCE_RULES) {
    const m = measure([rule]);
    const label = rebalanceRuleLabel(rule).en.padEnd(32);
    console.log(
      `${label} ${fmtMs(m.wall).padStart(10)} (${fmtMs(m.paths)} + ${fmtMs(m.summary)})  ${fmtMs(m.cpu).padStart(10)}  ` +
        `+${m.heapGrowth.toFixed(1)} MB  ${m.results.toFixed(1)} MB   (goal ≤ 1 s)`,
    );
  }
  const all = measure(DEFAULT_REBALANCE_RULES);
  console.log(
    `all ${DEFAULT_REBALANCE_RULES.length} rules on the same paths     ${fmtMs(all.wall).padStart(10)} (${fmtMs(all.paths)} + ${fmtMs(all.summary)})  ` +
      `${fmtMs(all.cpu).padStart(10)}  +${all.heapGrowth.toFixed(1)} MB  ${all.results.toFixed(1)} MB`,
  );
  const noFan = (() => {
    const t0 = performance.now();
    const raw = simulateRebalancingPaths(portfolio, DEFAULT_REBALANCE_RULES, { ...options, recordFan: false });
    return { ms: performance.now() - t0, mb: resultMb(raw) };
  })();
  console.log(`all rules without fan charts (recordFan: false): paths ${fmtMs(noFan.ms)}, result arrays ${noFan.mb.toFixed(1)} MB`);
  console.log(`process: JS heap ${heapMb().toFixed(1)} MB, ArrayBuffers ${arrayBuffersMb().toFixed(1)} MB`);

  const frontier = timeIt(() => efficientFrontier(portfolio.assets, { bounds: portfolio.bounds, points: 25 }), 50, 5);
  console.log(`efficientFrontier(6 classes, 25 points): median ${fmtMs(frontier.medianMs)}`);
  const risk = timeIt(() => portfolioRisk(portfolio.weights, portfolio.assets, { horizonYears: 10, paths: 20_000 }), 10, 2);
  console.log(`portfolioRisk(10 years, 20,000 simulated paths): median ${fmtMs(risk.medianMs)}`);
}
