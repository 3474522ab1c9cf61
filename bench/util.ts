/** Small helpers shared by the benchmarks. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export function timeIt(fn: () => unknown, runs = 200, warmup = 20): { medianMs: number; minMs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0] };
}

export function fmtMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

/** Heap in use, MB (run node with --expose-gc for steadier numbers). */
export function heapMb(): number {
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** A full garbage collection: node's own gc if exposed, else enabled at run time (bench only, never in the app). */
export const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();

/** CPU time of this process (user + system), ms: steadier than wall time on a shared machine. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median wall time (util.timeIt) and mean CPU time per run after the warm-up (JIT compilation excluded), ms. */
export function timeBoth(fn: () => unknown, runs: number, warmup: number): { medianMs: number; minMs: number; cpuMs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const c0 = cpuMs();
  const t = timeIt(fn, runs, 0);
  return { ...t, cpuMs: (cpuMs() - c0) / runs };
}
