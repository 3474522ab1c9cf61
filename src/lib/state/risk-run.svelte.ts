/**
 * The risk profile of a scenario, kept up to date from the engine worker as the scenario changes,
 * through one `Query`: a stale distribution never overwrites a newer one; while one request is in
 * the worker, further changes only replace the waiting one; a small module-level cache by scenario
 * (and the fetches in flight, shared by every run) shows the answer at once when coming back to
 * the view or when a second component asks for the same scenario.
 */
import { LruCache, Query } from './query.svelte';
import type { Scenario } from '../model';
import type { LoanBookColumns } from '../io/loan-book-columns';
import type { EngineClient } from '../workers/engine-client';
import type { RiskProfile } from '../model/risk-profile';

const CACHE_SIZE = 6;
const cache = new LruCache<string, RiskProfile>(CACHE_SIZE);
/** Requests in the worker now, by key: a second component asking for the same scenario waits for the same answer. */
const inflight = new Map<string, Promise<RiskProfile>>();

/** The cache key of a scenario: its whole content (names excluded: they do not move a figure). */
export function scenarioKey(s: Scenario): string {
  return JSON.stringify({ ...s, name: undefined, description: undefined });
}

/** The profile of `scenario` if one has been computed (the printed report); never computes one. */
export function computedProfile(s: Scenario): RiskProfile | null {
  return cache.peek(scenarioKey(s)) ?? null;
}

interface RiskRequest {
  scenario: Scenario;
  book?: { id: string; data: LoanBookColumns };
}

export class RiskRun {
  readonly result: Query<RiskProfile, RiskRequest>;
  /** The key of the scenario whose profile is shown. */
  shownKey = $state<string | null>(null);
  /** The profile on screen, and the one before it (to mark what changed and in which direction). */
  shown = $state.raw<RiskProfile | null>(null);
  previous = $state.raw<RiskProfile | null>(null);

  constructor(engine: EngineClient) {
    this.result = new Query<RiskProfile, RiskRequest>({
      key: ({ scenario, book }) => (book ? `${scenarioKey(scenario)}|book:${book.id}` : scenarioKey(scenario)),
      fetch: ({ scenario, book }) => {
        const plain = $state.snapshot(scenario) as Scenario;
        return book ? engine.riskProfile(plain, book) : engine.riskProfile(plain);
      },
      cache,
      // A real book's profile holds every client (up to 200,000): it is kept on screen, not in the cache.
      isCacheable: (v) => !v.book,
      inflight,
      coalesce: true,
      onApply: (value, key) => {
        if (this.shown === value) return;
        this.previous = this.shown;
        this.shown = value;
        this.shownKey = key;
      },
    });
  }

  get value(): RiskProfile | null {
    return this.shown;
  }

  /** The key of the latest scenario asked for. */
  get requestedKey(): string | null {
    return this.result.requestedKey;
  }

  /** True while the shown profile is not the requested scenario's. */
  get isStale(): boolean {
    return this.result.isStale;
  }

  /**
   * Asks for the profile of `scenario`, on the real loan book when `book` is given (its record id
   * keys the cache; its columns go to the worker); returns at once.
   */
  request(scenario: Scenario, book?: { id: string; data: LoanBookColumns }): void {
    void this.result.request({ scenario, book });
  }
}
