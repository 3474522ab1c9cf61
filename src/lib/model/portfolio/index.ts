/**
 * Client investment portfolios (docs/reference-model.md §9): asset allocation by risk profile,
 * the mean–variance efficient frontier, VaR and ES, cash-flow matching and a Monte Carlo
 * comparison of rebalancing rules. Pure TypeScript; see docs/portfolio.md.
 */
export type {
  AssetClass,
  AssetUniverse,
  CorrelationMatrix,
  WeightBounds,
  WeightsInput,
  RiskProfileKey,
  RiskProfile,
  CashNeed,
  ClientDescription,
  ClientPortfolio,
  FrontierConstraints,
  FrontierPoint,
  RebalanceRule,
  PortfolioPercentiles,
  PortfolioHistogram,
  PortfolioProblem,
} from './types';
export {
  DEFAULT_ASSET_CLASSES,
  DEFAULT_CORRELATION,
  DEFAULT_CORRELATION_SOURCE,
  defaultAssetUniverse,
  RISK_PROFILES,
  RISK_PROFILE_KEYS,
  DEFAULT_REBALANCE_RULES,
  rebalanceRuleLabel,
  demoClientPortfolio,
  ANALYSIS_SETTINGS,
} from './defaults';
export {
  checkCorrelation,
  nearestCorrelation,
  CORRELATION_TOLERANCE,
  type CorrelationCheck,
  type CorrelationProblem,
  type CorrelationProblemKind,
  type NearestCorrelationOptions,
  type NearestCorrelationResult,
} from './correlation';
export {
  PortfolioInputError,
  ASSET_INPUT_RANGES,
  checkAssetUniverse,
  covarianceMatrix as assetCovarianceMatrix,
  logCovarianceMatrix as assetLogCovarianceMatrix,
} from './universe';
export { efficientFrontier, frontierPointForReturn, bestAllocation, type BestAllocation } from './frontier';
export {
  portfolioRisk,
  parametricLoss,
  lognormalParameters,
  buyAndHoldMoments,
  type PortfolioRiskOptions,
  type PortfolioRisk,
  type RiskAtConfidence,
} from './risk';
export { cashNeedsCheck, type CashNeedsOptions, type CashNeedsCheck, type CashNeedResult } from './cash-needs';
export {
  simulateRebalancing,
  simulateRebalancingPaths,
  mergeRebalancingPaths,
  summarizeRebalancing,
  type RebalancingOptions,
  type RebalancingPaths,
  type RebalancingResult,
  type RuleSummary,
} from './rebalancing';
export { type RulePaths } from './paths';
export { warmUpPortfolioAnalyses } from './warm-up';
