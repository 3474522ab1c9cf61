/**
 * A pool of module workers for long work split into independent chunks (after Squoosh's
 * worker bridge): chunks go to idle workers, progress and an ETA are reported, and an
 * AbortSignal terminates every worker at once, so nothing keeps running after Cancel.
 *
 * Workers stay warm between runs: a worker's module load and JIT warm-up cost hundreds of ms, as
 * much as a whole run of 10,000 paths, so a run that ends well hands its workers back to an idle
 * set per kind (a kind is its factory function), and the next run of that kind takes them before
 * creating any. Cancel and failures terminate the run's workers and the idle ones; idle workers go after
 * `ENGINE_IDLE_MS` without a run, so their memory goes back to the page.
 * Chunk results come back in chunk order, whatever finished first: the caller merges them
 * in that order, so the number of workers never changes a result. Each worker is sent its next
 * chunk while it runs one, so it goes straight on from one to the next.
 *
 * A worker that dies mid-run (killed by the browser, crashed) sends nothing: a chunk that reports
 * no progress for `stallMs` fails the whole run with a `WorkerFailure`, and every worker is
 * terminated, so the run ends with a message instead of freezing at "17 %".
 */
import { CancelledError } from '../model/cancel';
import { ENGINE_IDLE_MS } from './engine-client';
import { idleTimer, stallWatchdog } from './supervised';

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

interface Terminable {
  terminate(): void;
}

/** Warm workers kept between runs, per kind; more than this are terminated (a run uses at most the cores). */
const MAX_IDLE = 4;

interface IdleSet {
  workers: Terminable[];
  timer: { arm(): void; cancel(): void };
}

const idleSets = new Map<() => Terminable, IdleSet>();

function idleSet(kind: () => Terminable): IdleSet {
  let set = idleSets.get(kind);
  if (!set) {
    const workers: Terminable[] = [];
    set = {
      workers,
      timer: idleTimer(ENGINE_IDLE_MS, () => {
        for (const w of workers.splice(0)) w.terminate();
      }),
    };
    idleSets.set(kind, set);
  }
  return set;
}

/** Takes `n` workers of a kind: the warm ones first, then new ones from `kind`. */
function takeWorkers<W extends Terminable>(kind: () => W, n: number): W[] {
  const set = idleSet(kind);
  set.timer.cancel();
  const out = set.workers.splice(0, n) as W[];
  while (out.length < n) out.push(kind());
  if (set.workers.length) set.timer.arm();
  return out;
}

/** Hands workers that finished their work well back to their kind's idle set. */
function releaseWorkers<W extends Terminable>(kind: () => W, workers: readonly W[]): void {
  const set = idleSet(kind);
  for (const w of workers) {
    if (set.workers.length < MAX_IDLE) set.workers.push(w);
    else w.terminate();
  }
  if (set.workers.length) set.timer.arm();
}

/** Workers that have run their kind's warm-up (each runs it once). */
const warmedUp = new WeakSet<Terminable>();

/**
 * Starts workers of a kind until `n` are warm and idle (the page calls it after its first paint,
 * so the first run does not wait for their modules); they go like any idle worker if no run comes.
 * With `warmUp`, each idle worker that has not run it yet runs it once: a small job that has its
 * code compiled before the first real run (a run that takes the worker meanwhile queues behind it).
 * Resolves when the warm-ups are done.
 */
export function prewarm<W extends Terminable>(kind: () => W, n: number, warmUp?: (worker: W) => Promise<unknown>): Promise<void> {
  const set = idleSet(kind);
  const missing = n - set.workers.length;
  if (missing > 0) releaseWorkers(kind, Array.from({ length: missing }, kind));
  if (!warmUp) return Promise.resolve();
  const fresh = (set.workers as W[]).filter((w) => !warmedUp.has(w));
  for (const w of fresh) warmedUp.add(w);
  // a worker whose warm-up fails fails its run, which says so
  return Promise.all(fresh.map((w) => warmUp(w).catch(() => {}))).then(() => {});
}

/** Pool runs (chunk runs and summaries) going on now, and when the last one ended (performance.now()). */
let runsGoing = 0;
let lastRunEnded = -Infinity;

function runStarted(): void {
  runsGoing++;
}

function runEnded(): void {
  runsGoing--;
  lastRunEnded = performance.now();
}

/** How long the pool stays quiet before background work starts: a user who clicks Run again does so sooner. */
export const POOL_QUIET_MS = 1000;

/**
 * Resolves once no pool run has been going for `quietMs`: for background work (a warm-up of
 * another kind of worker) that would otherwise share a two-core laptop's cores with the user's Run.
 * @example await whenPoolQuiet(); startWarmUp();
 */
export function whenPoolQuiet(quietMs = POOL_QUIET_MS): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const wait = runsGoing > 0 ? quietMs : lastRunEnded + quietMs - performance.now();
      if (wait <= 0) resolve();
      else setTimeout(check, wait);
    };
    check();
  });
}

/** Terminates the idle workers of a kind (all kinds without one: tests, a page being torn down). */
export function disposeIdleWorkers(kind?: () => Terminable): void {
  for (const [k, set] of idleSets) {
    if (kind && k !== kind) continue;
    set.timer.cancel();
    for (const w of set.workers.splice(0)) w.terminate();
  }
}

/**
 * Ends a run that was cancelled or failed: its workers and the kind's idle ones are terminated, so
 * that after Cancel no worker of the kind is left running, and a failure never hands the next run a
 * worker that may share its cause.
 */
function dropWorkers<W extends Terminable>(kind: () => W, workers: readonly W[]): void {
  for (const w of workers) w.terminate();
  disposeIdleWorkers(kind);
}

/** A chunk sent to a worker: its index, its answer, and its watchdog once the worker has got to it. */
interface SentChunk<R> {
  i: number;
  answer: Promise<R>;
  watchdog: ReturnType<typeof stallWatchdog> | null;
}

/**
 * Runs `chunks` on workers of the kind `createWorker` (warm ones first); `runChunk` sends one chunk
 * to one worker and resolves with its result (it may report the chunk's own progress, 0..1).
 * Workers go back to the idle set when the run ends well, and are terminated with the kind's idle
 * ones when it fails or is cancelled (a worker that failed, or still runs a cancelled chunk, must
 * not serve the next run).
 */
export async function runPool<C, R, W extends { terminate(): void }>(
  chunks: readonly C[],
  createWorker: () => W,
  runChunk: (worker: W, chunk: C, onChunkProgress: (f: number) => void) => Promise<R>,
  { size = defaultPoolSize(), signal, onProgress, stallMs = POOL_STALL_MS }: PoolOptions = {},
): Promise<R[]> {
  if (signal?.aborted) throw new CancelledError();
  const workers = takeWorkers(createWorker, Math.max(1, Math.min(size, chunks.length)));
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

  /** Sends chunk i to a worker; its watchdog is set when the worker gets to it (the chunk before it has answered). */
  function send(worker: W, i: number): SentChunk<R> {
    const sent: SentChunk<R> = { i, answer: Promise.resolve() as Promise<R>, watchdog: null };
    sent.answer = runChunk(worker, chunks[i], (f) => {
      sent.watchdog?.feed();
      chunkProgress[i] = Math.min(1, Math.max(0, f));
      report();
    });
    sent.answer.catch(() => {}); // a queued chunk's failure is observed when it is awaited
    return sent;
  }

  // Each worker has its next chunk waiting in its queue while it runs one, so it never idles for a
  // round trip through the page (busy painting the progress) between chunks.
  async function drive(worker: W): Promise<void> {
    let current = next < chunks.length ? send(worker, next++) : null;
    while (current) {
      const queued = next < chunks.length ? send(worker, next++) : null;
      const watchdog = stallWatchdog('pool', stallMs);
      current.watchdog = watchdog;
      try {
        results[current.i] = await Promise.race([current.answer, watchdog.stalled]);
      } finally {
        watchdog.stop();
      }
      chunkProgress[current.i] = 1;
      report();
      current = queued;
    }
  }

  let isClean = false;
  runStarted();
  try {
    await Promise.race([Promise.all(workers.map(drive)), aborted]);
    isClean = true;
    report(true);
    return results;
  } finally {
    runEnded();
    signal?.removeEventListener('abort', abort);
    if (isClean) releaseWorkers(createWorker, workers);
    else dropWorkers(createWorker, workers);
  }
}

/**
 * Runs one long call (a run's summary) on a warm worker of the kind `createWorker`, raced against
 * Cancel and a watchdog of `timeoutMs` (a summary reports no progress, so silence this long means
 * the worker died). The worker goes back to the idle set if the call succeeds, else is terminated
 * with the kind's idle ones.
 */
export async function runOnPoolWorker<W extends Terminable, R>(
  createWorker: () => W,
  run: (worker: W) => Promise<R>,
  { name, timeoutMs, signal }: { name: string; timeoutMs: number; signal?: AbortSignal },
): Promise<R> {
  if (signal?.aborted) throw new CancelledError();
  const [worker] = takeWorkers(createWorker, 1);
  const watchdog = stallWatchdog(name, timeoutMs);
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  let isClean = false;
  runStarted();
  try {
    const out = await Promise.race([run(worker), aborted, watchdog.stalled]);
    isClean = true;
    return out;
  } finally {
    runEnded();
    signal?.removeEventListener('abort', onAbort);
    watchdog.stop();
    if (isClean) releaseWorkers(createWorker, [worker]);
    else dropWorkers(createWorker, [worker]);
  }
}

/** The two phases of a seeded path run on the pool: the paths in chunks, then their summary. */
export type PathRunPhase = 'paths' | 'summary';

/** What every seeded path run on the pool takes (Monte Carlo, rebalancing); `W` is its kind of worker. */
export interface PathRunOptions<W> {
  paths: number;
  seed: number;
  /** Pool size; default all cores but one. The result does not depend on it. */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: PoolProgress) => void;
  onPhase?: (phase: PathRunPhase) => void;
  /** Worker factory (tests pass the in-process one). */
  createWorker?: () => W;
  pathsPerChunk?: number;
}

/**
 * The paths phase of a seeded path run: reports the phase, cuts `paths` into chunks of
 * `pathsPerChunk` by path index (never by worker count) and runs them on the pool, answering the
 * chunks' results in chunk order. The caller then summarises them (its summary phase).
 * @example const parts = await runPathChunks(1000, 250, make, (w, c, on) => w.runPaths(c, on), { workers: 2, onPhase });
 */
export function runPathChunks<R, W extends Terminable>(
  paths: number,
  pathsPerChunk: number,
  createWorker: () => W,
  runChunk: (worker: W, chunk: { start: number; count: number }, onChunkProgress: (f: number) => void) => Promise<R>,
  { workers, signal, onProgress, onPhase }: Pick<PathRunOptions<W>, 'workers' | 'signal' | 'onProgress' | 'onPhase'>,
): Promise<R[]> {
  onPhase?.('paths');
  return runPool(splitRange(paths, pathsPerChunk), createWorker, runChunk, { size: workers ?? defaultPoolSize(), signal, onProgress });
}

/** Splits `total` items into chunks of at most `size`: [{ start, count }, …]. */
export function splitRange(total: number, size: number): { start: number; count: number }[] {
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < total; start += size) out.push({ start, count: Math.min(size, total - start) });
  return out;
}
