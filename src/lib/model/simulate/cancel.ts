/** Cooperative cancellation of a run (the error is the model's one `CancelledError`). */
export { CancelledError, isCancelledError } from '../cancel';

/** Paths between two checks of isCancelled() and two progress reports. */
export const CHECK_EVERY_PATHS = 32;
