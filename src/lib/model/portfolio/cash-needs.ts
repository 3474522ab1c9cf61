/**
 * Cash-flow matching: will the portfolio pay the client's planned cash
 * needs, and how short might it fall?
 *
 * Each simulated path (paths.ts) invests the amount at the portfolio's weights, applies
 * the rebalancing rule (default: yearly), and withdraws each need when it falls due,
 * proportionally across the holdings (so the weights do not change). A need is met on a
 * path when the wealth just before it is at least the amount; otherwise the path pays
 * what is left and has a shortfall of amount − wealth, and the later needs find nothing.
 */
import type { Bilingual } from '../inputs';
import { costRateVector, runPaths, stepCount } from './paths';
import { withdrawalSchedule } from './rebalancing';
import { mean, sortedCopy, sortedQuantile } from './stats';
import type { AssetUniverse, ClientPortfolio, RebalanceRule } from './types';
import { PortfolioInputError, weightVector } from './universe';

export interface CashNeedsOptions {
  /** Simulated paths (default 10,000). */
  paths?: number;
  /** Seed (default 1). */
  seed?: number;
  /** The probability with which each need should be met (default 0.95). */
  confidence?: number;
  /** Rebalancing rule (default yearly). */
  rule?: RebalanceRule;
  /**
   * Steps per year. Default: 1 where the rule rebalances yearly or never and every need falls on a
   * whole year (the wealth at each year's end then has the same distribution as with monthly steps,
   * because a year's monthly log returns sum to one normal draw, as portfolioRisk simulates), else 12.
   */
  stepsPerYear?: number;
  /** Transaction cost per yuan traded (default 0.001). */
  costRate?: number | Readonly<Record<string, number>>;
  onProgress?: (fraction: number) => void;
  /** Checked every 32 paths; returning true stops the run with a CancelledError. */
  isCancelled?: () => boolean;
}

export interface CashNeedResult {
  label: string;
  year: number;
  /** The need, yuan. */
  amount: number;
  /** Probability that the wealth just before the need covers it. */
  probabilityMet: number;
  /** probabilityMet ≥ confidence. */
  isMet: boolean;
  /** Expected shortfall E[max(amount − wealth, 0)] over all paths, yuan. */
  expectedShortfall: number;
  /** Mean shortfall over the paths where the need is not met, yuan (0 if always met). */
  conditionalShortfall: number;
  /** The wealth just before the need that is reached with probability `confidence` (its (1−confidence)-quantile), yuan. */
  wealthAtConfidence: number;
  /** Median wealth just before the need, yuan. */
  medianWealth: number;
}

export interface CashNeedsCheck {
  confidence: number;
  paths: number;
  seed: number;
  /** Probability that every need is met. */
  probabilityAllMet: number;
  /** One entry per cash need, in the order of the portfolio. */
  needs: CashNeedResult[];
  message: Bilingual;
}

/**
 * Checks the client's planned cash needs against the portfolio over simulated paths.
 * The asset assumptions are the portfolio's own (`portfolio.assets`), or `assets` when given.
 * @param portfolio the client portfolio (weights, amount, cash needs, asset assumptions)
 * @param assets optional asset universe to use instead of the portfolio's
 * @param options paths, seed, confidence, rebalancing rule
 * @example
 * const c = cashNeedsCheck(demoClientPortfolio(), { paths: 10_000, seed: 1, confidence: 0.95 });
 * c.needs[0].probabilityMet; // chance the year-3 tuition is covered
 */
export function cashNeedsCheck(portfolio: ClientPortfolio, options?: CashNeedsOptions): CashNeedsCheck;
export function cashNeedsCheck(portfolio: ClientPortfolio, assets: AssetUniverse, options?: CashNeedsOptions): CashNeedsCheck;
export function cashNeedsCheck(
  portfolioIn: ClientPortfolio,
  assetsOrOptions?: AssetUniverse | CashNeedsOptions,
  maybeOptions?: CashNeedsOptions,
): CashNeedsCheck {
  const isUniverse = (x: unknown): x is AssetUniverse =>
    typeof x === 'object' && x !== null && Array.isArray((x as AssetUniverse).assets) && Array.isArray((x as AssetUniverse).correlation);
  const portfolio = isUniverse(assetsOrOptions) ? { ...portfolioIn, assets: assetsOrOptions } : portfolioIn;
  const options: CashNeedsOptions = (isUniverse(assetsOrOptions) ? maybeOptions : assetsOrOptions) ?? {};
  const { paths = 10_000, seed = 1, confidence = 0.95, rule = { kind: 'calendar', every: 'yearly' }, costRate = 0.001 } = options;
  const needs = portfolio.client.cashNeeds;
  const isYearEndOnly = (rule.kind === 'none' || (rule.kind === 'calendar' && rule.every === 'yearly')) && needs.every((n) => Number.isInteger(n.year));
  const stepsPerYear = options.stepsPerYear ?? (isYearEndOnly ? 1 : 12);
  if (!(confidence > 0 && confidence < 1)) {
    throw new PortfolioInputError([{ path: 'confidence', message: { zh: '置信水平应在(0, 1)之内', en: 'The confidence level must lie in (0, 1)' } }]);
  }
  if (!(Number.isInteger(paths) && paths >= 1)) {
    throw new PortfolioInputError([{ path: 'paths', message: { zh: '路径数应为正整数', en: 'The number of paths must be a positive whole number' } }]);
  }
  const lastNeed = needs.reduce((m, n) => Math.max(m, n.year), 0);
  // Only the wealth just before each need is read: the paths stop at the last need, not at the
  // horizon (each path's draws come in step order, so the steps simulated are the same).
  const years = needs.length > 0 ? lastNeed : portfolio.client.horizonYears;
  const steps = stepCount(years, stepsPerYear);
  const schedule = withdrawalSchedule(portfolio, stepsPerYear, steps);
  const [res] = runPaths({
    universe: portfolio.assets,
    target: weightVector(portfolio.assets, portfolio.weights),
    amount: portfolio.client.amount,
    years,
    stepsPerYear,
    costRates: costRateVector(portfolio.assets, costRate),
    rules: [rule],
    withdrawalSteps: schedule.steps,
    withdrawalAmounts: schedule.amounts,
    seed,
    pathStart: 0,
    pathCount: paths,
    recordFan: false,
    onProgress: options.onProgress,
    isCancelled: options.isCancelled,
  });
  const results: CashNeedResult[] = new Array(needs.length);
  const allMet = new Uint8Array(paths).fill(1);
  schedule.order.forEach((needIndex, k) => {
    const need = needs[needIndex];
    const wealth = res.needWealth.subarray(k * paths, (k + 1) * paths);
    let met = 0;
    let shortSum = 0;
    for (let p = 0; p < paths; p++) {
      if (wealth[p] >= need.amount) met++;
      else {
        shortSum += need.amount - wealth[p];
        allMet[p] = 0;
      }
    }
    const sorted = sortedCopy(wealth);
    const probabilityMet = met / paths;
    results[needIndex] = {
      label: need.label,
      year: need.year,
      amount: need.amount,
      probabilityMet,
      isMet: probabilityMet >= confidence,
      expectedShortfall: shortSum / paths,
      conditionalShortfall: met < paths ? shortSum / (paths - met) : 0,
      wealthAtConfidence: sortedQuantile(sorted, 1 - confidence),
      medianWealth: sortedQuantile(sorted, 0.5),
    };
  });
  const probabilityAllMet = needs.length === 0 ? 1 : mean(allMet);
  const unmet = results.filter((r) => !r.isMet);
  const pct = `${Math.round(confidence * 100)}%`;
  const message: Bilingual =
    unmet.length === 0
      ? { zh: `每笔资金需求都能以至少${pct}的概率满足`, en: `Every cash need is met with probability at least ${pct}` }
      : {
          zh: `${unmet.map((u) => u.label).join('、')}不能以${pct}的概率满足`,
          en: `${unmet.map((u) => u.label).join(', ')} cannot be met with probability ${pct}`,
        };
  return { confidence, paths, seed, probabilityAllMet, needs: results, message };
}
