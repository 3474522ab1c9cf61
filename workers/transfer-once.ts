/**
 * The first time a thread transfers a typed array's buffer away, V8 throws away every function it
 * has optimised on that thread (Chromium's --js-flags=--trace-deopt shows it as "dependent
 * prototype chain changed", for the whole engine at once). A worker's first answer with
 * transferred buffers would so undo its warm-up and leave the first real run on cold code, about
 * half as fast. Each worker therefore makes that first transfer itself when it loads, before it
 * compiles anything.
 */
export function transferOnce(): void {
  const scrap = new Float64Array(64);
  structuredClone(scrap, { transfer: [scrap.buffer] });
}
