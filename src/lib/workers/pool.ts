/**
 * A pool of module workers for long work split into independent chunks (after Squoosh's
 * worker bridge): chunks go to idle workers, progress and an ETA are reported, and an
 * AbortSignal terminates every worker at once, so nothing keeps running after Cancel.
 * Chunk results come back in chunk order, whatever finished first: the caller merges them
 * in that order, so the number of workers never changes a result.
 *
 * A worker that dies mid-run (killed by the browser, crashed) sends nothing: a chunk that reports
 * no progress for `stallMs` fails the whole run with a `WorkerFailure`, and every worker is
 * terminated, so the run ends with a message instead of freezing at "17 %".
 */
import { CancelledError } from '../model/cancel';
import { stallWatchdog } from './supervised';

/** The model's cancellation error: a cancelled pool and a cancelled engine run are one kind of failure. */
export { CancelledError };

export interface PoolProgress {
  /** 0..1 of all chunks. */
  fraction: number;
  elapsedMs: number;
  /** Estimated time left, ms; null until the first chunk is done. */
  etaMs: number | null;
}

export interface PoolOptions {
  /** Number of workers; default hardwareConcurrency − 1, at least 1. */
  size?: number;
  signal?: AbortSignal;
  onProgress?: (p: PoolProgress) => void;
  /** A chunk silent (no progress, no answer) this long means its worker is dead; default 30 s. */
  stallMs?: number;
}

/** A chunk's worker silent this long is presumed dead (a chunk is about 0.1 s of work, reporting as it goes). */
export const POOL_STALL_MS = 30_000;

/** Workers to use on this machine: all cores but one for the page, at least one. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, cores - 1);
}

/**
 * Runs `chunks` on fresh workers made by `createWorker`; `runChunk` sends one chunk to one
 * worker and resolves with its result (it may report the chunk's own progress, 0..1).
 * Workers are terminated when the run ends, fails or is cancelled.
 */
export async function runPool<C, R, W extends { terminate(): void }>(
  chunks: readonly C[],
  createWorker: () => W,
  runChunk: (worker: W, chunk: C, onChunkProgress: (f: number) => void) => Promise<R>,
  { size = defaultPoolSize(), signal, onProgress, stallMs = POOL_STALL_MS }: PoolOptions = {},
): Promise<R[]> {
  if (signal?.aborted) throw new CancelledError();
  const workers = Array.from({ length: Math.max(1, Math.min(size, chunks.length)) }, createWorker);
  const results = new Array<R>(chunks.length);
  const chunkProgress = new Float64Array(chunks.length);
  const started = performance.now();
  let next = 0;
  let lastReport = 0;

  const report = (force = false) => {
    if (!onProgress) return;
    const now = performance.now();
    if (!force && now - lastReport < 100) return; // at most ten updates a second
    lastReport = now;
    let done = 0;
    for (let i = 0; i < chunkProgress.length; i++) done += chunkProgress[i];
    const fraction = chunks.length ? done / chunks.length : 1;
    const elapsedMs = now - started;
    onProgress({ fraction, elapsedMs, etaMs: fraction > 0.02 ? (elapsedMs / fraction) * (1 - fraction) : null });
  };

  let abort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    abort = () => reject(new CancelledError());
    signal?.addEventListener('abort', abort, { once: true });
  });

  async function drive(worker: W): Promise<void> {
    while (next < chunks.length) {
      const i = next++;
      const watchdog = stallWatchdog('pool', stallMs);
      try {
        const answer = runChunk(worker, chunks[i], (f) => {
          watchdog.feed();
          chunkProgress[i] = Math.min(1, Math.max(0, f));
          report();
        });
        results[i] = await Promise.race([answer, watchdog.stalled]);
      } finally {
        watchdog.stop();
      }
      chunkProgress[i] = 1;
      report();
    }
  }

  try {
    await Promise.race([Promise.all(workers.map(drive)), aborted]);
    report(true);
    return results;
  } finally {
    signal?.removeEventListener('abort', abort);
    for (const w of workers) w.terminate();
  }
}

/** Splits `total` items into chunks of at most `size`: [{ start, count }, …]. */
export function splitRange(total: number, size: number): { start: number; count: number }[] {
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < total; start += size) out.push({ start, count: Math.min(size, total - start) });
  return out;
}
