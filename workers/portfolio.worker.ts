/**
 * The client-portfolio engine's worker boundary: a thin Comlink adapter over the pure
 * functions of src/lib/model/portfolio, each called with plain data. Raw path results go back with
 * their typed arrays transferred (zero copy); the page's pool splits the paths, merges in path
 * order and cancels by terminating the workers.
 */
import { expose, transfer } from 'comlink';
import {
  bestAllocation,
  cashNeedsCheck,
  demoClientPortfolio,
  efficientFrontier,
  mergeRebalancingPaths,
  portfolioRisk,
  simulateRebalancingPaths,
  summarizeRebalancing,
  type CashNeedsOptions,
  type ClientPortfolio,
  type RebalanceRule,
  type RebalancingOptions,
  type RebalancingPaths,
  type RebalancingResult,
} from '../src/lib/model/portfolio';

/** Every buffer behind a slice's typed arrays, each once. */
function transferables(raw: RebalancingPaths): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const r of raw.perRule) for (const a of Object.values(r) as ArrayBufferView[]) out.add(a.buffer as ArrayBuffer);
  return [...out];
}

/** The warm-up's sizes: a tenth of the screen's analyses, enough calls of every loop to be optimised. */
const WARM_UP = { frontierPoints: 10, paths: 2000 };

const portfolio = {
  efficientFrontier,
  bestAllocation,
  portfolioRisk,
  /** Without the callbacks (they cannot cross as plain data). */
  cashNeedsCheck: (p: ClientPortfolio, options: Omit<CashNeedsOptions, 'onProgress' | 'isCancelled'>) => cashNeedsCheck(p, options),
  /** One slice of paths [pathStart, pathStart + pathCount); path k draws from the stream (seed, k). */
  rebalancingPaths(
    p: ClientPortfolio,
    rules: RebalanceRule[],
    options: Omit<RebalancingOptions, 'onProgress' | 'isCancelled'>,
    onProgress?: (fraction: number) => void,
  ): RebalancingPaths {
    const raw = simulateRebalancingPaths(p, rules, { ...options, onProgress });
    return transfer(raw, transferables(raw));
  },
  /**
   * Every quick analysis once, small, on the demo client, thrown away: the worker's code is compiled
   * while the page is idle, so the first real analyses run at full speed (cold, they take about
   * three times as long).
   */
  warmUp(): void {
    const p = demoClientPortfolio();
    const horizonYears = p.client.horizonYears;
    efficientFrontier(p.assets, { points: WARM_UP.frontierPoints });
    bestAllocation(p.assets, {}, p.client.riskProfile, horizonYears);
    portfolioRisk(p.weights, p.assets, { horizonYears, paths: WARM_UP.paths });
    cashNeedsCheck(p, { paths: WARM_UP.paths });
  },
  /** Merges slices (any order) and summarises them: the heavy percentiles stay off the page. */
  summarizeRebalancing(slices: RebalancingPaths[]): RebalancingResult {
    return summarizeRebalancing(mergeRebalancingPaths(slices));
  },
};

export type PortfolioWorkerApi = typeof portfolio;

expose(portfolio);
