/** Small helpers shared by the benchmarks. */

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
