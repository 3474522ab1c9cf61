/**
 * The client-portfolio engine's worker boundary: a thin Comlink adapter over the pure
 * functions of src/lib/model/portfolio, each called with plain data. Raw path results go back with
 * their typed arrays transferred (zero copy); the page's pool splits the paths, merges in path
 * order and cancels by terminating the workers.
 */
import { expose, transfer } from 'comlink';
import { transferOnce } from './transfer-once';
import {
  bestAllocation,
  cashNeedsCheck,
  efficientFrontier,
  mergeRebalancingPaths,
  portfolioRisk,
  simulateRebalancingPaths,
  summarizeRebalancing,
  warmUpPortfolioAnalyses,
  type CashNeedsOptions,
  type ClientPortfolio,
  type RebalanceRule,
  type RebalancingOptions,
  type RebalancingPaths,
  type RebalancingResult,
} from '../src/lib/model/portfolio';
import { atMostEvery, PROGRESS_EVERY_MS } from '../src/lib/model/cancel';

/** Every buffer behind a slice's typed arrays, each once. */
function transferables(raw: RebalancingPaths): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const r of raw.perRule) for (const a of Object.values(r) as ArrayBufferView[]) out.add(a.buffer as ArrayBuffer);
  return [...out];
}

// The first transfer out of this thread, before anything is compiled (see transfer-once.ts).
transferOnce();

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
    const raw = simulateRebalancingPaths(p, rules, { ...options, onProgress: onProgress && atMostEvery(PROGRESS_EVERY_MS, onProgress) });
    return transfer(raw, transferables(raw));
  },
  /** Every quick analysis, small, thrown away (the simulated ones twice), so the screen's first analyses do not run on cold code. */
  warmUp: warmUpPortfolioAnalyses,
  /** Merges slices (any order) and summarises them: the heavy percentiles stay off the page. */
  summarizeRebalancing(slices: RebalancingPaths[]): RebalancingResult {
    return summarizeRebalancing(mergeRebalancingPaths(slices));
  },
};

export type PortfolioWorkerApi = typeof portfolio;

expose(portfolio);
