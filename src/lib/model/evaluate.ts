/**
 * The model's one-year evaluation: the closed form (closed-form.ts) with, when asked, the whole
 * book's loss distribution for EC (docs/reference-model.md §5). Screens and scripts call this; the page's
 * first chunk calls `evaluateClosedForm` directly, without the loss distribution.
 */
import { scenarioExposures } from './book';
import { evaluateClosedForm, type BookLoss, type EvaluateOptions, type Evaluation } from './closed-form';
import { lossDistribution } from './loss-distribution';
import { EC_CONFIDENCE } from './regulation';
import type { Scenario } from './scenario';

export * from './closed-form';

/**
 * The whole book's loss at EC_CONFIDENCE: its distribution from the book's exposures, each
 * segment's EC its Euler contribution.
 * @example bookLoss(demoScenario).economicCapital // > evaluate(demoScenario).safety.granularEconomicCapital
 */
export function bookLoss(scenario: Scenario): BookLoss {
  const d = lossDistribution(scenarioExposures(scenario), { quantiles: [EC_CONFIDENCE], ecConfidence: EC_CONFIDENCE });
  return {
    economicCapital: d.economicCapital,
    valueAtRisk: d.valueAtRisk,
    expectedShortfall: d.expectedShortfall,
    economicCapitalBySegment: new Map(d.contributions.bySegment.map((c) => [c.key, c.economicCapital] as const)),
  };
}

/**
 * Evaluates a scenario for one year in closed form: the steady state of its book.
 * @example evaluate(demoScenario).profitability.netProfit // ≈ 7.86e8 (7.86 亿元)
 * @example evaluate(demoScenario, { economicCapital: 'portfolio' }).safety.granularityAddOn // > 0: the lumpy book needs more capital
 */
export function evaluate(scenario: Scenario, options: EvaluateOptions = {}): Evaluation {
  return evaluateClosedForm(scenario, options, options.economicCapital === 'portfolio' ? bookLoss(scenario) : null);
}
