/**
 * The engine's public API. Pure TypeScript: no DOM, Svelte, Dexie or Comlink. It runs the same
 * in a Node test, in a worker and in a strategist's own script.
 */
export { normalCdf, normalQuantile, normalPdf } from './normal';
export { irbRiskWeight, baselCorrelation, CHINA_STANDARDIZED_WEIGHTS, PHI_INV_999, type IrbInput } from './capital';
export { vasicekLossQuantile, conditionalDefaultProbability } from './vasicek';
export * from './scenario';
export { demoScenario, pyramidScenario, cloneScenario } from './demo';
export { applyLevers, rebalanceMix, mixOf, type LeverChanges } from './levers';
export { evaluate, bookLoss } from './evaluate';
export {
  evaluateClosedForm,
  effectiveMaturity,
  loanRate,
  EC_CONFIDENCE,
  LIMITS,
  LCR_FACTORS,
  NSFR_FACTORS,
  type Evaluation,
  type SegmentResult,
  type LimitCheck,
  type BookLoss,
} from './closed-form';
export { segmentWeights, weightShape, fastWeightShape, EXACT_SHAPE_MAX_CLIENTS } from './exposures';
export {
  marketRates,
  segmentTerms,
  scenarioTerms,
  segmentFlows,
  segmentCorrelation,
  pricingResponse,
  demandKept,
  adverseSelection,
  franchiseEffect,
  attritionRate,
  clientsFor,
  managersNeeded,
  equivalentFloat,
  standardizedWeight,
  shareAboveCap,
  bankTerms,
  bankLiquidity,
  tenorWeighted,
  PD_FLOOR,
  type MarketRates,
  type SegmentTerms,
  type SegmentFlows,
  type PricingResponse,
  type FranchiseEffect,
  type BankTerms,
  type BankLiquidity,
} from './segment-economics';
export { migrateScenario } from './migrate';
export { BASEL_II_SCALING_FACTOR, OUTPUT_FLOOR, CNY_PER_EUR, turnoverEurMillions, flooredRwa } from './capital';
export {
  INPUT_SPECS,
  FIELD_LABELS,
  INPUT_LABELS,
  inputSpec,
  checkInput,
  readPath,
  writePath,
  scenarioInputPaths,
  type InputSpec,
  type Unit,
  type InputProblem,
  type Bilingual,
} from './inputs';
export { METRICS, sensitivities, type MetricKey, type MetricDef, type Principle, type Sensitivity } from './metrics';
export {
  binomial,
  binomialTerms,
  createRng,
  drawBinomial,
  fillNormals,
  logFactorial,
  Rng,
  seedState,
  setBinomialTerms,
  type BinomialTerms,
  type UniformSource,
} from './random';
export { validateScenario, ScenarioSchema, type ValidationProblem, type ValidationResult } from './validate';
export * from './design';
export * from './portfolio';
export { diffScenarios, differingPaths, linkedPaths, mergeScenarios, jsonEqual, leafPaths, type InputDiff, type MergeResult } from './diff';
export {
  attributeNetProfit,
  attributionEffectOf,
  shapley,
  ATTRIBUTION_EFFECTS,
  type Attribution,
  type AttributionEffect,
  type AttributionItem,
} from './attribution';
export {
  lossDistribution,
  DEFAULT_LOSS_QUANTILES,
  type CreditExposure,
  type LossDistribution,
  type LossDistributionOptions,
  type RiskContribution,
  type GranularSegment,
} from './loss-distribution';
export { lossMonteCarlo, type LossMonteCarlo, type LossMonteCarloOptions, type MonteCarloContribution } from './loss-monte-carlo';
export {
  scenarioExposures,
  loanBookExposures,
  concentration,
  CONCENTRATION_LIMITS,
  type ScenarioExposureOptions,
  type LoanBookRow,
  type Concentration,
  type ConcentrationCheck,
} from './book';
export * from './simulate';
export { type EvaluateOptions } from './closed-form';
export { spreadCurve, type SpreadPoint, type SpreadCurve } from './spread-curve';
export * from './client-risk';
export * from './what-if';
