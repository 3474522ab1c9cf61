/**
 * The over-time view's run, one per page: it outlives the view (the router re-creates views), so
 * going to the dashboard and back keeps a running run, its progress and the results per scenario.
 */
import { SimulationRun } from './simulation-run.svelte';
import { defaultPoolSize } from '../workers/pool';

export const overTimeRun = new SimulationRun();

/** `?workers=N` (1–16), after the hash or in the query: a fixed pool size, for tests and timing. */
export function workersFromUrl(): number | null {
  if (typeof location === 'undefined') return null;
  const raw = new URLSearchParams(location.hash.split('?')[1] ?? '').get('workers') ?? new URLSearchParams(location.search).get('workers');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : null;
}

/** The advanced setting (0 = automatic), shared by every visit of the view. */
export const poolChoice = $state({ workers: workersFromUrl() ?? 0 });

export function poolSize(choice: number): number {
  return choice > 0 ? choice : defaultPoolSize();
}
