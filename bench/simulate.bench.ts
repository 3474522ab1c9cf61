/**
 * The multi-year Monte Carlo: 10,000 paths × 20 quarters of the demo bank.
 * Prints the single-thread wall time (goal ≤ 2 s), an estimate with 2 Node worker threads using
 * the split API, the summary's steps shared out between them as the browser pool does (the pool
 * itself is timed in the browser), the memory it takes (goal ≤ 200 MB),
 * and the speed-up against the per-client reference (goal ≥ 20×), run on fewer paths and scaled.
 * When this file is loaded as a worker thread it serves simulatePaths() instead.
 */
import { cpus, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  demoScenario,
  partTransferables,
  SERIES_KEYS,
  mergeStepBands,
  simulatePaths,
  simulatePerClientReferencePaths,
  splitPaths,
  stepSlice,
  summarizeSimulation,
  summarizeStepBands,
  type Scenario,
  type SimulationPart,
  type SimulationResult,
  type SimulationStepSlice,
  type StepBands,
} from '../src/lib/model';
import { fmtMs } from './util';

const PATHS = 10_000;
const SEED = 20071101;
const REFERENCE_PATHS = 200;
const WORKERS = 2;
const RUNS = 5;

interface Job {
  scenario: Scenario;
  seed: number;
  pathStart: number;
  pathCount: number;
}
/** The summary as the browser pool shares it out: the first worker the whole parts and its steps' bands, the others their steps' rows. */
type SummaryJob = { scenario: Scenario; parts: SimulationPart[]; bandSteps: [number, number] } | { slices: SimulationStepSlice[] };

if (!isMainThread && (workerData as { isSimulateBench?: boolean } | null)?.isSimulateBench) {
  // Worker side: one job per message, the part (or the summary) posted back with its buffers transferred.
  parentPort!.on('message', (job: Job | SummaryJob) => {
    if ('slices' in job) {
      const bands = summarizeStepBands(job.slices);
      parentPort!.postMessage(bands, [bands.stats.buffer as ArrayBuffer]);
    } else if ('parts' in job) {
      parentPort!.postMessage(summarizeSimulation(job.scenario, job.parts, null, { bandSteps: job.bandSteps }));
    } else {
      const part = simulatePaths(job.scenario, { seed: job.seed, pathStart: job.pathStart, pathCount: job.pathCount });
      parentPort!.postMessage(part, partTransferables(part));
    }
  });
}

function memoryMb(): { heap: number; buffers: number; rss: number } {
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 2 ** 20, buffers: m.arrayBuffers / 2 ** 20, rss: m.rss / 2 ** 20 };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function runJob<T>(worker: Worker, job: Job | SummaryJob, transferList: ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: T) => resolve(answer));
    worker.once('error', reject);
    worker.postMessage(job, transferList);
  });
}

/** The summary on the workers, its steps shared out as the browser pool does (simulation-client.ts). */
async function summarizeOnWorkers(workers: Worker[], scenario: Scenario, parts: SimulationPart[]): Promise<SimulationResult> {
  const steps = parts[0].steps;
  const ranges = splitPaths(steps, Math.min(workers.length, steps)).map((r) => [r.pathStart, r.pathStart + r.pathCount] as [number, number]);
  const slices = ranges.slice(1).map(([from, to]) => parts.map((p) => stepSlice(p, from, to, true)));
  const others = slices.map((sl, i) =>
    runJob<StepBands>(
      workers[i + 1],
      { slices: sl },
      sl.map((x) => x.values.buffer as ArrayBuffer),
    ),
  );
  const first = runJob<SimulationResult>(workers[0], { scenario, parts, bandSteps: ranges[0] }, parts.flatMap(partTransferables));
  const [result, ...bands] = await Promise.all([first, ...others]);
  for (const b of bands) mergeStepBands(result, b);
  return result;
}

async function timeWorkers(scenario: Scenario): Promise<{ coldMs: number; warmMs: number } | null> {
  let workers: Worker[] = [];
  try {
    const t0 = performance.now();
    // Each worker runs this TypeScript file through tsx (bench/ts-worker-bootstrap.mjs).
    const bootstrap = new URL('./ts-worker-bootstrap.mjs', import.meta.url);
    workers = Array.from({ length: WORKERS }, () => new Worker(bootstrap, { workerData: { module: import.meta.url, isSimulateBench: true } }));
    const ranges = splitPaths(PATHS, WORKERS);
    // Cold: fresh workers, module load and JIT included (what a pool that starts workers per run pays).
    let parts = await Promise.all(workers.map((w, i) => runJob<SimulationPart>(w, { scenario, seed: SEED, ...ranges[i] })));
    await summarizeOnWorkers(workers, scenario, parts);
    const coldMs = performance.now() - t0;
    // Warm: the same workers again, best of 3.
    let warmMs = Infinity;
    for (let r = 1; r <= 3; r++) {
      const t1 = performance.now();
      parts = await Promise.all(workers.map((w, i) => runJob<SimulationPart>(w, { scenario, seed: SEED + r, ...ranges[i] })));
      await summarizeOnWorkers(workers, scenario, parts);
      warmMs = Math.min(warmMs, performance.now() - t1);
    }
    return { coldMs, warmMs };
  } catch (e) {
    console.log(`  (worker threads unavailable here: ${String(e)})`);
    return null;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function bench(): Promise<void> {
  const scenario = demoScenario;
  const steps = scenario.simulation.horizonYears * scenario.simulation.stepsPerYear;
  console.log(
    `demo bank, ${PATHS.toLocaleString('en')} paths × ${steps} quarters, seed ${SEED}; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (other work on the machine inflates wall times)`,
  );

  // Warm the JIT as a long-lived worker would be after its first run.
  summarizeSimulation(scenario, [simulatePaths(scenario, { seed: 1, pathStart: 0, pathCount: 500 })]);

  // —— single thread ——
  const runs: { simMs: number; sumMs: number; cpuMs: number }[] = [];
  let peak = 0;
  let base = memoryMb();
  for (let r = 0; r < RUNS; r++) {
    collectGarbage();
    base = memoryMb();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const part = simulatePaths(scenario, { seed: SEED + r, pathStart: 0, pathCount: PATHS });
    const t1 = performance.now();
    const afterSim = memoryMb();
    const result = summarizeSimulation(scenario, [part]);
    const t2 = performance.now();
    const afterSum = memoryMb();
    peak = Math.max(peak, afterSim.heap + afterSim.buffers - base.heap - base.buffers, afterSum.heap + afterSum.buffers - base.heap - base.buffers);
    const cpu = process.cpuUsage(cpu0);
    runs.push({ simMs: t1 - t0, sumMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000 });
    if (r === 0) {
      const yi = (x: number) => (x / 1e8).toFixed(1);
      console.log(
        `  (cumulative net profit over 5 years: median ${yi(result.cumulativeProfit.percentiles.p50)} 亿元, 5%–95% ${yi(result.cumulativeProfit.percentiles.p5)}–${yi(result.cumulativeProfit.percentiles.p95)}; any limit breached on ${(100 * result.probabilityOfAnyBreach).toFixed(0)}% of paths)`,
      );
    }
  }
  const best = runs.reduce((a, b) => (a.simMs + a.sumMs <= b.simMs + b.sumMs ? a : b));
  const median = [...runs].sort((a, b) => a.simMs + a.sumMs - (b.simMs + b.sumMs))[Math.floor(RUNS / 2)];
  console.log(
    `single thread: best ${fmtMs(best.simMs + best.sumMs)} (paths ${fmtMs(best.simMs)} + bands ${fmtMs(best.sumMs)}; CPU time ${fmtMs(best.cpuMs)}), median ${fmtMs(median.simMs + median.sumMs)} of ${RUNS} (goal ≤ 2 s)`,
  );
  console.log(
    `memory: the run holds about ${peak.toFixed(0)} MB above its start (JS heap + typed arrays; ${((PATHS * steps * (SERIES_KEYS.length + 2 * scenario.segments.length) * 8) / 2 ** 20).toFixed(0)} MB are the per-path figures); process RSS ${memoryMb().rss.toFixed(0)} MB (goal ≤ 200 MB)`,
  );

  // —— two worker threads, through the split API ——
  const w = await timeWorkers(scenario);
  if (w) {
    console.log(
      `${WORKERS} worker threads (split API, Node): best ${fmtMs(w.warmMs)} with warm workers, ${fmtMs(w.coldMs)} including worker start-up and JIT (an estimate for the browser pool, which is timed in the browser)`,
    );
  }

  // —— speed-up against the per-client reference ——
  simulatePerClientReferencePaths(scenario, { seed: 2, pathStart: 0, pathCount: 20 }); // warm-up
  const tr = performance.now();
  simulatePerClientReferencePaths(scenario, { seed: SEED, pathStart: 0, pathCount: REFERENCE_PATHS });
  const refPerPath = (performance.now() - tr) / REFERENCE_PATHS;
  const fastPerPath = best.simMs / PATHS;
  console.log(
    `per-client reference: ${fmtMs(refPerPath)} a path (run on ${REFERENCE_PATHS} paths, scaled: ${fmtMs(refPerPath * PATHS)} for ${PATHS.toLocaleString('en')}); fast engine ${fmtMs(fastPerPath)} a path: speed-up ${(refPerPath / fastPerPath).toFixed(0)}× (goal ≥ 20×)`,
  );
}
