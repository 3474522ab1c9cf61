/**
 * Cooperative cancellation, one error for every engine (simulation, portfolio paths) and for the
 * worker pool that runs them: a cancelled run is recognised by one test, `isCancelledError`.
 */

/** Thrown by a run whose `isCancelled()` returned true, and by a worker pool whose signal was aborted. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/**
 * True for a CancelledError, also after it crossed a worker boundary (where only its name survives).
 * @example try { simulate(s, opts) } catch (e) { if (isCancelledError(e)) return; throw e }
 */
export function isCancelledError(e: unknown): boolean {
  return e instanceof CancelledError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'CancelledError');
}

/** How often a run in a worker reports its progress to the page: each report is a message both ways. */
export const PROGRESS_EVERY_MS = 100;

/**
 * `report`, passed on at most once every `ms` (the calls in between are dropped): a run reports
 * every few dozen paths, which for a chunk of 20 ms would be eight messages to the page and eight
 * answers back; the pool learns of a chunk's end from its result.
 * @example simulatePaths(s, { ...range, onProgress: onProgress && atMostEvery(PROGRESS_EVERY_MS, onProgress) })
 */
export function atMostEvery(ms: number, report: (fraction: number) => void): (fraction: number) => void {
  let last = Date.now();
  return (fraction) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    report(fraction);
  };
}
