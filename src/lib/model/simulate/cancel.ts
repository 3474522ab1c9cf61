/** Cooperative cancellation of a run. */

/** Thrown by a run whose `isCancelled()` returned true. */
export class CancelledError extends Error {
  constructor(message = 'simulation cancelled') {
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

/** Paths between two checks of isCancelled() and two progress reports. */
export const CHECK_EVERY_PATHS = 32;
