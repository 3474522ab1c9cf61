/**
 * The risk profile of a scenario, kept up to date from the engine worker as the scenario changes.
 *
 * - Sequence numbers (LatestResult): an answer is applied only if no later request has been
 *   applied, so a stale distribution never overwrites a newer one.
 * - Coalescing: while one request is in the worker, further changes only replace the pending
 *   scenario; when the worker answers, the latest pending one is sent. Twenty-five arrow presses on
 *   a slider cost two or three distributions, not twenty-five queued behind each other.
 * - A small module-level cache by scenario, so coming back to the view (or a second component on
 *   the same scenario) shows the answer at once.
 */
import { LatestResult } from './latest-result.svelte';
import type { LoanBookRow, Scenario } from '../model';
import type { EngineClient } from '../workers/engine-client';
import type { RiskProfile } from '../workers/risk-profile';

const CACHE_SIZE = 6;
const cache = new Map<string, RiskProfile>();
/** Requests in the worker now, by key: a second component asking for the same scenario waits for the same answer. */
const inflight = new Map<string, Promise<RiskProfile>>();

function remember(key: string, value: RiskProfile): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** The cache key of a scenario: its whole content (names excluded: they do not move a figure). */
export function scenarioKey(s: Scenario): string {
  return JSON.stringify({ ...s, name: undefined, description: undefined });
}

/** The profile of `scenario` if one has been computed (the printed report); never computes one. */
export function computedProfile(s: Scenario): RiskProfile | null {
  return cache.get(scenarioKey(s)) ?? null;
}

export class RiskRun {
  readonly result = new LatestResult<RiskProfile>();
  /** The key of the scenario whose profile is shown. */
  shownKey = $state<string | null>(null);
  /** The key of the latest scenario asked for. */
  requestedKey = $state<string | null>(null);
  /** The profile on screen, and the one before it (to mark what changed and in which direction). */
  shown = $state.raw<RiskProfile | null>(null);
  previous = $state.raw<RiskProfile | null>(null);

  #engine: EngineClient;
  #inFlight = false;
  #pending: { key: string; scenario: Scenario; book?: { id: string; rows: LoanBookRow[] } } | null = null;

  constructor(engine: EngineClient) {
    this.#engine = engine;
  }

  get value(): RiskProfile | null {
    return this.shown;
  }

  /** True while the shown profile is not the requested scenario's. */
  get isStale(): boolean {
    return this.requestedKey !== null && this.shownKey !== this.requestedKey;
  }

  /**
   * Asks for the profile of `scenario`, on the real loan book when `book` is given (its record id
   * keys the cache; its rows go to the worker); returns at once.
   */
  request(scenario: Scenario, book?: { id: string; rows: LoanBookRow[] }): void {
    const key = book ? `${scenarioKey(scenario)}|book:${book.id}` : scenarioKey(scenario);
    if (key === this.requestedKey) return;
    this.requestedKey = key;
    const hit = cache.get(key);
    if (hit) {
      this.#pending = null;
      void this.result.run(async () => hit).then(() => this.#markShown(key, hit));
      return;
    }
    this.#pending = { key, scenario, book };
    if (!this.#inFlight) void this.#pump();
  }

  #markShown(key: string, value: RiskProfile): void {
    // Only what LatestResult applied (not a stale answer it dropped) reaches the screen.
    if (this.result.value !== value || this.shown === value) return;
    this.previous = this.shown;
    this.shown = value;
    this.shownKey = key;
  }

  async #pump(): Promise<void> {
    while (this.#pending) {
      const { key, scenario, book } = this.#pending;
      this.#pending = null;
      this.#inFlight = true;
      let answer: RiskProfile | null = null;
      await this.result.run(async () => {
        let promise = inflight.get(key);
        if (!promise) {
          promise = book ? this.#engine.riskProfile($state.snapshot(scenario) as Scenario, book) : this.#engine.riskProfile($state.snapshot(scenario) as Scenario);
          inflight.set(key, promise);
          void promise.then(
            // A real book's profile holds every client (up to 200,000): it is kept on screen, not in the cache.
            (v) => !v.book && remember(key, v),
            () => {},
          ).finally(() => inflight.delete(key));
        }
        answer = await promise;
        return answer;
      });
      this.#inFlight = false;
      if (answer) this.#markShown(key, answer);
    }
  }
}
