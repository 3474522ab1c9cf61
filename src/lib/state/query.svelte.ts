/**
 * One way to keep the answer of a repeated async call (a worker request re-sent as inputs change)
 * on screen, as a rune class:
 *
 * - Stale guard: every request is numbered; an answer is applied only if no later-started request
 *   has been applied already, so a slow, stale answer never overwrites a newer one (an older answer
 *   that arrives while nothing newer has been applied is shown until the newer one comes).
 * - Keyed requests (`request(args)`, with a `key` function): a bounded LRU cache by key (coming
 *   back to an input shows its answer at once), in-flight de-duplication by key (two components
 *   asking for the same input wait for one answer), and optional coalescing (while one request is
 *   in the worker, further requests only replace the waiting one: twenty-five arrow presses on a
 *   slider cost two or three answers, not twenty-five queued behind each other).
 * - One-off tasks (`run(task)`): the same stale guard without a key.
 * - A failure (a dead worker included) is an `error` with `retry()`, never an endless "computing".
 *
 * Results are `$state.raw`: an answer is replaced whole, never mutated, and large typed arrays are
 * not made deeply reactive.
 */
import { describeError } from './errors';

/** A map that keeps the `limit` most recently used entries. */
export class LruCache<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly limit: number) {}

  get size(): number {
    return this.#map.size;
  }

  /** The value for `key` (marked as most recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  /** The value for `key` without marking it used. */
  peek(key: K): V | undefined {
    return this.#map.get(key);
  }

  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.limit) this.#map.delete(this.#map.keys().next().value as K);
  }

  clear(): void {
    this.#map.clear();
  }
}

export interface QueryOptions<A, T> {
  /** The key of a request's arguments: equal keys mean the same answer. */
  key: (args: A) => string;
  /** Computes the answer (usually a worker call). */
  fetch: (args: A) => Promise<T>;
  /** Answers kept by key; may be shared by several queries (a module-level cache). */
  cache?: LruCache<string, T>;
  /** Whether an answer goes in the cache (a very large one may be kept on screen only). */
  isCacheable?: (value: T) => boolean;
  /** Fetches in flight by key; may be shared by several queries so they wait for one answer. */
  inflight?: Map<string, Promise<T>>;
  /** While a fetch of this query is in flight, keep only the newest waiting request. */
  coalesce?: boolean;
  /** Called when an answer is applied (after `value` is set). */
  onApply?: (value: T, key: string | null) => void;
}

interface Waiting<A> {
  seq: number;
  key: string;
  args: A;
  settle: () => void;
}

export class Query<T, A = never> {
  /** The answer of the latest applied request. */
  value = $state.raw<T | null>(null);
  /** The key of the applied answer (null for a one-off task). */
  valueKey = $state<string | null>(null);
  /** The key of the latest request. */
  requestedKey = $state<string | null>(null);
  error = $state<string | null>(null);
  /** True while the latest-started request has not answered. */
  isPending = $state(false);
  /** Wall time of the applied request, ms (request to answer, worker queue and transfer included); 0 for a cache hit. */
  elapsedMs = $state<number | null>(null);
  /** How many answers have been applied (a test or a benchmark waits for it to move). */
  version = $state(0);

  readonly #options: QueryOptions<A, T> | null;
  readonly #inflight: Map<string, Promise<T>>;
  #requested = 0;
  #applied = 0;
  #running = 0;
  #waiting: Waiting<A> | null = null;
  #retry: (() => Promise<void>) | null = null;

  constructor(options: QueryOptions<A, T> | null = null) {
    this.#options = options;
    this.#inflight = options?.inflight ?? new Map();
  }

  /** True while the applied answer is not the latest request's. */
  get isStale(): boolean {
    return this.requestedKey !== null && this.valueKey !== this.requestedKey;
  }

  /** Runs the latest request again (after a failure: a failed worker is replaced by a fresh one). */
  retry(): Promise<void> {
    return this.#retry ? this.#retry() : Promise.resolve();
  }

  /** Starts a one-off task under the stale guard; resolves when it has answered (applied or dropped). */
  run(task: () => Promise<T>): Promise<void> {
    const seq = ++this.#requested;
    this.#retry = () => this.run(task);
    this.requestedKey = null;
    this.#dropWaiting();
    this.isPending = true;
    return this.#settle(seq, null, task());
  }

  /**
   * Asks for the answer to `args`: applied at once from the cache, else fetched (sharing a fetch
   * of the same key in flight). Asking again for the key just asked for, with no error, does nothing.
   * Resolves when this request has answered, been dropped as stale, or been superseded while waiting.
   */
  request(args: A): Promise<void> {
    const options = this.#options;
    if (!options) throw new Error('Query.request needs a key and a fetch');
    const key = options.key(args);
    if (key === this.requestedKey && this.error === null) return Promise.resolve();
    const seq = ++this.#requested;
    this.#retry = () => {
      this.requestedKey = null;
      return this.request(args);
    };
    this.requestedKey = key;
    this.#dropWaiting();
    const hit = options.cache?.get(key);
    if (hit !== undefined) {
      this.#apply(seq, key, hit, 0);
      this.isPending = false;
      return Promise.resolve();
    }
    this.isPending = true;
    if (options.coalesce && this.#running > 0) return new Promise<void>((settle) => (this.#waiting = { seq, key, args, settle }));
    return this.#fetch(seq, key, args);
  }

  #fetch(seq: number, key: string, args: A): Promise<void> {
    const options = this.#options!;
    const hit = options.cache?.get(key);
    if (hit !== undefined) {
      this.#apply(seq, key, hit, 0);
      if (seq === this.#requested) this.isPending = false;
      return Promise.resolve();
    }
    let promise = this.#inflight.get(key);
    if (!promise) {
      const started = options.fetch(args);
      promise = started;
      this.#inflight.set(key, started);
      started
        .then(
          (value) => {
            if (options.cache && (options.isCacheable?.(value) ?? true)) options.cache.set(key, value);
          },
          () => {},
        )
        .finally(() => {
          if (this.#inflight.get(key) === started) this.#inflight.delete(key);
        });
    }
    return this.#settle(seq, key, promise);
  }

  async #settle(seq: number, key: string | null, answer: Promise<T>): Promise<void> {
    this.#running++;
    const t0 = performance.now();
    try {
      const value = await answer;
      this.#apply(seq, key, value, performance.now() - t0);
    } catch (e) {
      if (seq > this.#applied) this.error = describeError(e);
    } finally {
      this.#running--;
      if (seq === this.#requested) this.isPending = false;
      const next = this.#running === 0 ? this.#waiting : null;
      if (next) {
        this.#waiting = null;
        void this.#fetch(next.seq, next.key, next.args).then(next.settle);
      }
    }
  }

  #apply(seq: number, key: string | null, value: T, elapsedMs: number): void {
    if (seq <= this.#applied) return; // a newer request answered first
    this.#applied = seq;
    this.value = value;
    this.valueKey = key;
    this.error = null;
    this.elapsedMs = elapsedMs;
    this.version++;
    this.#options?.onApply?.(value, key);
  }

  /** The request waiting behind the one in flight is superseded: it resolves, unanswered. */
  #dropWaiting(): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.settle();
  }
}
