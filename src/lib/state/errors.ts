/**
 * An error as the screen says it: a worker failure in the user's language (what failed, and that
 * a retry starts a fresh worker), anything else by its message.
 */
import { i18n } from '../i18n/i18n.svelte';
import { WorkerFailure } from '../workers/supervised';

export function describeError(e: unknown): string {
  if (e instanceof WorkerFailure || (e instanceof Error && e.name === 'WorkerFailure')) {
    const f = e as WorkerFailure;
    if (f.kind === 'timeout') return i18n.t('worker.timeout', { seconds: Math.round((f.timeoutMs ?? 0) / 1000) });
    return i18n.t(f.kind === 'unreadable' ? 'worker.unreadable' : 'worker.crashed');
  }
  return e instanceof Error ? e.message : String(e);
}
