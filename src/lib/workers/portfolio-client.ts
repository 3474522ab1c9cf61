/**
 * The page's side of the client-portfolio engine.
 *
 * - `createPortfolioEngine()`: the quick analyses (frontier, best allocation, VaR/ES, cash needs)
 *   in one long-lived module worker, or in-process where there is no Worker (jsdom tests).
 * - `runRebalancingOnPool()`: the rebalancing comparison on the worker pool. The paths are cut
 *   into fixed chunks by path index (never by worker count); each chunk runs in whichever worker
 *   is free; the raw slices come back in chunk order and are merged and summarised in one of the
 *   pool's warm workers (the percentiles of 10,000 paths × 121 steps × 5 rules would block the page for about
 *   a second). Path k always draws from the stream (seed, k), so 1 worker or 4 give the same
 *   numbers. Workers stay warm between runs (see pool.ts); Cancel terminates the run's workers at once.
 */
import { proxy, transfer, wrap } from 'comlink';
import {
  bestAllocation,
  cashNeedsCheck,
  efficientFrontier,
  mergeRebalancingPaths,
  portfolioRisk,
  simulateRebalancingPaths,
  summarizeRebalancing,
  type ClientPortfolio,
  type RebalanceRule,
  type RebalancingPaths,
  type RebalancingResult,
} from '../model';
import type { PortfolioWorkerApi } from '../../../workers/portfolio.worker';
import { defaultPoolSize, runOnPoolWorker, runPathChunks, type PathRunOptions, type PathRunPhase } from './pool';
import { supervise, type AsyncApi } from './supervised';

/**
 * The quick analyses, async whether they run in a worker or in-process: the worker's own API
 * (`PortfolioWorkerApi`), each call answering a promise.
 */
export type PortfolioEngine = Pick<AsyncApi<PortfolioWorkerApi>, 'efficientFrontier' | 'bestAllocation' | 'portfolioRisk' | 'cashNeedsCheck'> & {
  /**
   * Starts the worker now, so the first analysis does not wait for its module; with `warmUp` (the
   * page idle, no analysis asked for yet) a fresh worker also runs a small warm-up, so the first
   * analyses do not run cold either.
   */
  prewarm(options?: { warmUp?: boolean }): void;
  dispose(): void;
};

/** A portfolio worker with no call for this long is terminated; the next call starts a fresh one. */
export const PORTFOLIO_IDLE_MS = 60_000;

function createWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/portfolio.worker.ts', import.meta.url), { type: 'module', name });
}

/** A module worker where the browser has one; else the same calls on the page. */
export function createPortfolioEngine(): PortfolioEngine {
  if (typeof Worker === 'undefined') {
    return {
      efficientFrontier: async (a, c) => efficientFrontier(a, c),
      bestAllocation: async (a, c, p, h) => bestAllocation(a, c, p, h),
      portfolioRisk: async (w, a, o) => portfolioRisk(w, a, o),
      cashNeedsCheck: async (p, o) => cashNeedsCheck(p, o),
      prewarm: () => {},
      dispose: () => {},
    };
  }
  // Supervised: a call whose worker died or never answers fails (and the next starts a fresh worker).
  const engine = supervise<PortfolioWorkerApi>('portfolio', () => createWorker('portfolio'), { idleMs: PORTFOLIO_IDLE_MS });
  const limit = 60_000;
  return {
    efficientFrontier: (a, c) => engine.call((r) => r.efficientFrontier(a, c), limit),
    bestAllocation: (a, c, p, h) => engine.call((r) => r.bestAllocation(a, c, p, h), limit),
    portfolioRisk: (w, a, o) => engine.call((r) => r.portfolioRisk(w, a, o), limit),
    cashNeedsCheck: (p, o) => engine.call((r) => r.cashNeedsCheck(p, o), limit),
    // Only a fresh worker warms up: a request already on its way would queue behind the warm-up.
    prewarm: ({ warmUp = false } = {}) => {
      const isFresh = !engine.isLive;
      engine.warm();
      if (warmUp && isFresh) engine.call((r) => r.warmUp(), limit).catch(() => {});
    },
    dispose: () => engine.dispose(),
  };
}

/** Paths per chunk: about 0.1 s of work, so progress is smooth and Cancel is never far off. */
export const PORTFOLIO_PATHS_PER_CHUNK = 500;

/** What the pool needs of a worker: the two calls of portfolio.worker.ts, and terminate. */
export interface RebalancingWorker {
  rebalancingPaths(
    portfolio: ClientPortfolio,
    rules: RebalanceRule[],
    options: { paths: number; seed: number; pathStart: number; pathCount: number; costRate?: number; withdrawCashNeeds?: boolean; stepsPerYear?: number },
    onProgress?: (fraction: number) => void,
  ): Promise<RebalancingPaths>;
  summarizeRebalancing(slices: RebalancingPaths[]): Promise<RebalancingResult>;
  terminate(): void;
}

/** A pool worker: the module worker through Comlink. */
export function createRebalancingWorker(): RebalancingWorker {
  const worker = createWorker('portfolio-pool');
  const remote = wrap<PortfolioWorkerApi>(worker);
  return {
    rebalancingPaths: (p, r, o, onProgress) => remote.rebalancingPaths(p, r, o, onProgress ? proxy(onProgress) : undefined),
    summarizeRebalancing: (slices) => {
      const buffers = new Set<ArrayBuffer>();
      for (const s of slices) for (const r of s.perRule) for (const a of Object.values(r) as ArrayBufferView[]) buffers.add(a.buffer as ArrayBuffer);
      // the slices are the page's no longer: transferred, not copied (≈25 MB for 10,000 paths)
      return remote.summarizeRebalancing(transfer(slices, [...buffers]));
    },
    terminate: () => worker.terminate(),
  };
}

/** The same calls on the calling thread (Node tests, or a browser without module workers). */
export function createInProcessRebalancingWorker(): RebalancingWorker {
  return {
    rebalancingPaths: async (p, r, o, onProgress) => simulateRebalancingPaths(p, r, { ...o, onProgress }),
    summarizeRebalancing: async (slices) => summarizeRebalancing(mergeRebalancingPaths(slices)),
    terminate: () => {},
  };
}

export type RebalancingPhase = PathRunPhase;

export interface RebalancingRunOptions extends PathRunOptions<RebalancingWorker> {
  costRate?: number;
  withdrawCashNeeds?: boolean;
  stepsPerYear?: number;
}

/**
 * Compares rebalancing rules over `paths` seeded paths on the worker pool.
 * @example const result = await runRebalancingOnPool(portfolio, DEFAULT_REBALANCE_RULES, { paths: 10_000, seed: 2024, workers: 2 });
 */
export async function runRebalancingOnPool(
  portfolio: ClientPortfolio,
  rules: readonly RebalanceRule[],
  options: RebalancingRunOptions,
): Promise<RebalancingResult> {
  const {
    paths,
    seed,
    workers = defaultPoolSize(),
    signal,
    onProgress,
    onPhase,
    createWorker: make = createRebalancingWorker,
    pathsPerChunk = PORTFOLIO_PATHS_PER_CHUNK,
  } = options;
  const settings = {
    paths,
    seed,
    ...(options.costRate !== undefined ? { costRate: options.costRate } : {}),
    ...(options.withdrawCashNeeds !== undefined ? { withdrawCashNeeds: options.withdrawCashNeeds } : {}),
    ...(options.stepsPerYear !== undefined ? { stepsPerYear: options.stepsPerYear } : {}),
  };
  const ruleList = rules.map((r) => ({ ...r }));
  const slices = await runPathChunks<RebalancingPaths, RebalancingWorker>(
    paths,
    pathsPerChunk,
    make,
    (w, c, onChunk) => w.rebalancingPaths(portfolio, ruleList, { ...settings, pathStart: c.start, pathCount: c.count }, onChunk),
    { workers, signal, onProgress, onPhase },
  );
  onPhase?.('summary');
  // A summary takes seconds and reports no progress; a worker silent this long has died.
  return runOnPoolWorker(make, (w) => w.summarizeRebalancing(slices), { name: 'portfolio', timeoutMs: 120_000, signal });
}
