/**
 * The rebalancing comparison on the worker pool as a `PoolRun`: progress, ETA, cancel, and the
 * finished results kept per inputs (a changed input never shows an old run). The settings of the
 * next run are kept here too, so they survive a visit to other views.
 */
import { DEFAULT_REBALANCE_RULES, type ClientPortfolio, type RebalanceRule, type RebalancingResult } from '../model';
import { runRebalancingOnPool, type RebalancingPhase } from '../workers/portfolio-client';
import { hashKey, PoolRun, type FinishedRun as FinishedPoolRun } from './pool-run.svelte';

export type { RunStatus } from './pool-run.svelte';

export interface RebalancingSettings {
  paths: number;
  seed: number;
  costRate: number;
  withdrawCashNeeds: boolean;
}

export const DEFAULT_REBALANCING_SETTINGS: RebalancingSettings = { paths: 5_000, seed: 2024, costRate: 0.001, withdrawCashNeeds: false };

/** A stable key of the inputs of a run (not the number of workers: it never changes a number). */
export function rebalancingKey(p: ClientPortfolio, rules: readonly RebalanceRule[], s: RebalancingSettings): string {
  return `${hashKey(JSON.stringify([p, rules, s.paths, s.seed, s.costRate, s.withdrawCashNeeds]))}-${s.seed}-${s.paths}`;
}

/** A finished comparison: `elapsedMs` from Run to the summary, `pathsMs` of it simulating the paths on the pool. */
export type FinishedRun = FinishedPoolRun<RebalancingResult>;

/** Comparisons kept per inputs (each holds summaries and fan bands, not the paths). */
const CACHE_LIMIT = 12;

type Runner = typeof runRebalancingOnPool;

export class RebalancingRun extends PoolRun<RebalancingResult, RebalancingPhase> {
  /** The settings of the next run (kept while the user visits other views). */
  settings = $state<RebalancingSettings>({ ...DEFAULT_REBALANCING_SETTINGS });

  #run: Runner;

  constructor(run: Runner = runRebalancingOnPool) {
    super('paths', CACHE_LIMIT);
    this.#run = run;
  }

  /** The finished run for these inputs, if any. */
  cached(key: string): FinishedRun | null {
    return this.lookup(key);
  }

  start(p: ClientPortfolio, rules: readonly RebalanceRule[] = DEFAULT_REBALANCE_RULES, settings: RebalancingSettings, workers: number): Promise<void> {
    const { paths, seed, costRate, withdrawCashNeeds } = settings;
    return this.launch(
      rebalancingKey(p, rules, settings),
      workers,
      (control) => this.#run(p, rules, { paths, seed, costRate, withdrawCashNeeds, workers, ...control }),
      (f) => f,
    );
  }
}
