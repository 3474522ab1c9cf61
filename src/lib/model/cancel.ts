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
