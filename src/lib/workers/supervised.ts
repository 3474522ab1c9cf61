/**
 * A module worker that can fail without hanging the page. Every call races three things: the
 * answer, the worker's own `error` / `messageerror` events, and a watchdog for an answer that
 * never comes (a worker the browser killed or that dropped a message sends no event at all).
 * When one of the last two fires, the worker is terminated, every call waiting on it is rejected
 * with a `WorkerFailure`, and the next call starts a fresh worker.
 *
 * Idle: with `idleMs`, a worker with no call for that long is terminated (its memory goes back to
 * the page), and the next call starts a fresh one.
 */
import { wrap, type Remote } from 'comlink';

/**
 * A worker's API as the page calls it: each function of `T` (the type of what the worker file
 * exposes) with the same arguments, answering a promise of its result.
 */
export type AsyncApi<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

export type WorkerFailureKind = 'crashed' | 'unreadable' | 'timeout';

export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    /** Which worker: 'engine', 'simulation', … */
    readonly worker: string,
    /** The watchdog's limit, for 'timeout'. */
    readonly timeoutMs: number | null = null,
    detail = '',
  ) {
    super(`${worker} worker ${kind === 'timeout' ? `gave no answer within ${Math.round((timeoutMs ?? 0) / 1000)} s` : kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'WorkerFailure';
  }
}

export interface Supervisor<T> {
  /** Runs one call on the live worker (starting one if needed), failing after `timeoutMs` without an answer. */
  call<R>(run: (remote: Remote<T>) => Promise<R>, timeoutMs: number): Promise<R>;
  /** Starts the worker now, if none is live (its module loads while the page is idle). */
  warm(): void;
  /** Workers started so far: one more after each failure or idle stop. */
  readonly started: number;
  /** Whether a worker is running now. */
  readonly isLive: boolean;
  dispose(): void;
}

export interface SuperviseOptions {
  /** Terminate the worker after this long without a call; null (the default): never. */
  idleMs?: number | null;
}

interface Live<T> {
  worker: Worker;
  remote: Remote<T>;
  failed: Promise<never>;
  fail: (e: WorkerFailure) => void;
}

export function supervise<T>(name: string, create: () => Worker, { idleMs = null }: SuperviseOptions = {}): Supervisor<T> {
  let live: Live<T> | null = null;
  let started = 0;
  let calls = 0;
  const idle = idleTimer(idleMs, () => {
    if (calls > 0 || !live) return;
    live.worker.terminate();
    live = null;
  });

  const armIdle = () => {
    idle.cancel();
    if (calls > 0 || !live) return;
    idle.arm();
  };

  const retire = (entry: Live<T>, failure: WorkerFailure) => {
    if (live === entry) live = null;
    entry.worker.terminate();
    entry.fail(failure);
  };

  const start = (): Live<T> => {
    const worker = create();
    started++;
    let fail: (e: WorkerFailure) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {}); // observed by the calls that race it
    const entry: Live<T> = { worker, remote: wrap<T>(worker), failed, fail };
    worker.addEventListener('error', (e) => retire(entry, new WorkerFailure('crashed', name, null, (e as ErrorEvent).message ?? '')));
    worker.addEventListener('messageerror', () => retire(entry, new WorkerFailure('unreadable', name)));
    live = entry;
    return entry;
  };

  return {
    get started() {
      return started;
    },
    get isLive() {
      return live !== null;
    },
    warm() {
      if (!live) start();
      armIdle();
    },
    call<R>(run: (remote: Remote<T>) => Promise<R>, timeoutMs: number): Promise<R> {
      idle.cancel();
      calls++;
      const entry = live ?? start();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const watchdog = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const failure = new WorkerFailure('timeout', name, timeoutMs);
          retire(entry, failure);
          reject(failure);
        }, timeoutMs);
      });
      return Promise.race([run(entry.remote), entry.failed, watchdog]).finally(() => {
        clearTimeout(timer);
        calls--;
        armIdle();
      });
    },
    dispose() {
      idle.cancel();
      live?.worker.terminate();
      live = null;
    },
  };
}

/**
 * Calls `onIdle` once `ms` after the last `arm` (re-arming starts the wait again; `cancel` stops it);
 * with `ms` null it never does. Shared by the supervised engine and the pool's idle workers.
 */
export function idleTimer(ms: number | null, onIdle: () => void): { arm(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    arm() {
      clearTimeout(timer);
      if (ms !== null) timer = setTimeout(onIdle, ms);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * A watchdog that can be fed: rejects with a 'timeout' `WorkerFailure` when `feed` has not been
 * called for `ms` (a pool chunk feeds it with each progress report, so a long run is never cut
 * short while it is moving, and a dead worker is noticed within `ms`).
 */
export function stallWatchdog(name: string, ms: number): { stalled: Promise<never>; feed: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reject: (e: WorkerFailure) => void = () => {};
  const stalled = new Promise<never>((_, r) => (reject = r));
  stalled.catch(() => {});
  const feed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => reject(new WorkerFailure('timeout', name, ms)), ms);
  };
  feed();
  return { stalled, feed, stop: () => clearTimeout(timer) };
}
