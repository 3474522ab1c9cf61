/**
 * The client portfolio's quick analyses in two portfolio workers, re-run as the portfolio changes,
 * as two `Query`s: the frontier and best allocation (milliseconds) are shown before the simulated
 * VaR and cash needs (a few hundred ms). Requests are coalesced (while one runs, only the newest
 * waiting one is kept, so typing never queues stale work), a stale answer never overwrites a newer
 * one, and the slow part is skipped for a portfolio already replaced by a newer one.
 */
import { ANALYSIS_SETTINGS, type BestAllocation, type CashNeedsCheck, type ClientPortfolio, type FrontierPoint, type PortfolioRisk } from '../model';
import { createPortfolioEngine, type PortfolioEngine } from '../workers/portfolio-client';
import { LruCache, Query } from './query.svelte';

/**
 * What the analyses depend on: not the client's name nor the labels of the cash needs, so
 * renaming never re-runs a simulation.
 */
export function analysisKey(p: ClientPortfolio): string {
  const c = p.client;
  return JSON.stringify([p.assets, p.weights, p.bounds ?? null, c.riskProfile, c.horizonYears, c.amount, c.cashNeeds.map((n) => [n.year, n.amount])]);
}

export interface FrontierAnalysis {
  /** `analysisKey` of the portfolio analysed. */
  key: string;
  frontier: FrontierPoint[];
  best: BestAllocation;
}

export interface RiskAnalysis {
  key: string;
  current: PortfolioRisk;
  best: PortfolioRisk;
  cashCurrent: CashNeedsCheck;
  cashBest: CashNeedsCheck;
}

/** Analyses kept per portfolio (going back to an allocation shows its figures at once). */
const CACHE_SIZE = 8;

export class PortfolioAnalysis {
  readonly #frontier: Query<FrontierAnalysis, ClientPortfolio>;
  readonly #risk: Query<RiskAnalysis, { p: ClientPortfolio; best: BestAllocation }>;
  /**
   * Two engines (two workers): the current allocation's analyses on one, the best allocation's on
   * the other, side by side, so the screen settles in about half the time on a two-core laptop.
   */
  #engines: [PortfolioEngine, PortfolioEngine] | null = null;
  #makeEngine: () => PortfolioEngine;
  /** The newest portfolio asked for. */
  #latest: ClientPortfolio | null = null;

  constructor(makeEngine: () => PortfolioEngine = createPortfolioEngine) {
    this.#makeEngine = makeEngine;
    this.#frontier = new Query({
      key: analysisKey,
      fetch: (p) => this.#frontierOf(p),
      cache: new LruCache(CACHE_SIZE),
      coalesce: true,
      onApply: (value, key) => {
        // The slow part only for the newest portfolio: one replaced meanwhile is skipped.
        const p = this.#latest;
        if (p && key === this.#frontier.requestedKey) void this.#risk.request({ p, best: value.best });
      },
    });
    this.#risk = new Query({
      key: ({ p }) => analysisKey(p),
      fetch: ({ p, best }) => this.#riskOf(p, best),
      cache: new LruCache(CACHE_SIZE),
      coalesce: true,
    });
  }

  get frontier(): FrontierAnalysis | null {
    return this.#frontier.value;
  }

  get risk(): RiskAnalysis | null {
    return this.#risk.value;
  }

  get error(): string | null {
    return this.#frontier.error ?? this.#risk.error;
  }

  get isPending(): boolean {
    return this.#frontier.isPending || this.#risk.isPending;
  }

  /** Asks for the analyses of `p`; only the newest request waiting is kept. */
  request(p: ClientPortfolio): void {
    this.#latest = p;
    void this.#frontier.request(p);
  }

  #enginesNow(): [PortfolioEngine, PortfolioEngine] {
    this.#engines ??= [this.#makeEngine(), this.#makeEngine()];
    return this.#engines;
  }

  async #frontierOf(p: ClientPortfolio): Promise<FrontierAnalysis> {
    const [one, other] = this.#enginesNow();
    const constraints = { bounds: p.bounds ?? {} };
    const [frontier, best] = await Promise.all([
      one.efficientFrontier(p.assets, { ...constraints, points: ANALYSIS_SETTINGS.frontierPoints }),
      other.bestAllocation(p.assets, constraints, p.client.riskProfile, p.client.horizonYears),
    ]);
    return { key: analysisKey(p), frontier, best };
  }

  async #riskOf(p: ClientPortfolio, best: BestAllocation): Promise<RiskAnalysis> {
    const [one, other] = this.#enginesNow();
    const riskOptions = {
      horizonYears: p.client.horizonYears,
      amount: p.client.amount,
      quantiles: [...ANALYSIS_SETTINGS.quantiles],
      paths: ANALYSIS_SETTINGS.riskPaths,
      seed: ANALYSIS_SETTINGS.seed,
    };
    const bestPortfolio: ClientPortfolio = { ...p, weights: best.weights };
    const cashOptions = { paths: ANALYSIS_SETTINGS.cashPaths, seed: ANALYSIS_SETTINGS.seed };
    const [current, bestRisk, cashCurrent, cashBest] = await Promise.all([
      one.portfolioRisk(p.weights, p.assets, riskOptions),
      other.portfolioRisk(best.weights, p.assets, riskOptions),
      one.cashNeedsCheck(p, cashOptions),
      other.cashNeedsCheck(bestPortfolio, cashOptions),
    ]);
    return { key: analysisKey(p), current, best: bestRisk, cashCurrent, cashBest };
  }

  /**
   * Starts the portfolio workers now, so the first analysis does not wait for their module; with
   * `warmUp` (from an idle page, before the screen is opened) they also compile their code on a small warm-up.
   */
  prewarm(options?: { warmUp?: boolean }): void {
    for (const engine of this.#enginesNow()) engine.prewarm(options);
  }

  dispose(): void {
    for (const engine of this.#engines ?? []) engine.dispose();
    this.#engines = null;
  }
}
