/**
 * The risk profile of a scenario's whole corporate book (issue 3): the one-year credit loss
 * distribution of `scenarioExposures(scenario)`, its concentration against net capital, and
 * RAROC / EVA on the portfolio basis. Pure (model calls only): it runs in the engine worker and,
 * in tests, in-process. No DOM, no Comlink here: the worker adds `transfer` around it.
 */
import {
  concentration,
  DEFAULT_LOSS_QUANTILES,
  EC_CONFIDENCE,
  evaluate,
  lossDistribution,
  pyramidScenario,
  scenarioExposures,
  type Concentration,
  type LossDistribution,
  type Scenario,
} from '../model';

/** The inputs of one single name, for its glass box (the distribution's contribution rows carry no PD or ρ). */
export interface NameInputs {
  id: string;
  segment: string;
  ead: number;
  pd: number;
  lgd: number;
  rho: number;
}

/** Per segment: the stressed PD, LGD and correlation the distribution used, and the client count. */
export interface SegmentInputs {
  key: string;
  name: { zh: string; en: string };
  pd: number;
  lgd: number;
  rho: number;
  clients: number;
  ead: number;
}

export interface RiskProfile {
  distribution: LossDistribution;
  concentration: Concentration;
  netCapital: number;
  segments: SegmentInputs[];
  /** Inputs of the distribution's top names, same order as `contributions.topNames`. */
  names: NameInputs[];
  /** Capital and returns on both bases (evaluate()'s formulas: RAROC = net profit / EC, EVA = net profit − hurdle·EC). */
  capital: {
    netProfit: number;
    hurdleRate: number;
    portfolioEconomicCapital: number;
    granularEconomicCapital: number;
    granularityAddOn: number;
    portfolioRaroc: number;
    portfolioEva: number;
    granularRaroc: number;
    granularEva: number;
  };
  /** Time the worker spent, ms. */
  computeMs: number;
}

/**
 * The risk profile of `scenario`: one `lossDistribution` at VaR/ES 99%, 99.5% and 99.9% (EC at
 * 99.9%), the book's concentration, and RAROC/EVA with EC from the distribution. Net profit does
 * not depend on EC, so the cheap granular evaluate() supplies it and the distribution runs once
 * (evaluate(…, { economicCapital: 'portfolio' }) would build it again).
 * @example riskProfile(demoScenario).capital.granularityAddOn // ≈ 3.2e8 yuan (3.23 亿元)
 */
export function riskProfile(scenario: Scenario): RiskProfile {
  const t0 = performance.now();
  const exposures = scenarioExposures(scenario);
  const distribution = lossDistribution(exposures, { quantiles: [...DEFAULT_LOSS_QUANTILES], ecConfidence: EC_CONFIDENCE });
  const netCapital = scenario.bank.netCapital;
  const e = evaluate(scenario);
  const netProfit = e.profitability.netProfit;
  const hurdleRate = scenario.market.hurdleRate;
  const ec = distribution.economicCapital;
  const granularEc = e.safety.granularEconomicCapital;
  const byId = new Map(exposures.map((x) => [x.id ?? '', x] as const));
  const names = distribution.contributions.topNames.map((c) => {
    const x = byId.get(c.key);
    return { id: c.key, segment: c.segment, ead: c.ead, pd: x?.pd ?? NaN, lgd: x?.lgd ?? NaN, rho: x?.rho ?? NaN };
  });
  const segments = scenario.segments.map((s) => {
    const rows = exposures.filter((x) => x.segment === s.key);
    const first = rows[0];
    return {
      key: s.key,
      name: s.name,
      pd: first?.pd ?? s.pd,
      lgd: s.lgd,
      rho: first?.rho ?? NaN,
      clients: rows.reduce((a, x) => a + (x.count ?? 1), 0),
      ead: rows.reduce((a, x) => a + (x.count ?? 1) * x.ead, 0),
    };
  });
  return {
    distribution,
    concentration: concentration(exposures, netCapital),
    netCapital,
    segments,
    names,
    capital: {
      netProfit,
      hurdleRate,
      portfolioEconomicCapital: ec,
      granularEconomicCapital: granularEc,
      granularityAddOn: ec - granularEc,
      portfolioRaroc: ec > 0 ? netProfit / ec : 0,
      portfolioEva: netProfit - hurdleRate * ec,
      granularRaroc: e.profitability.raroc,
      granularEva: e.profitability.eva,
    },
    computeMs: performance.now() - t0,
  };
}

/** The typed arrays of a profile, each buffer once, to hand to Comlink's `transfer` (≈ 30 KB, not copied). */
export function riskProfileTransferables(p: RiskProfile): ArrayBuffer[] {
  const d = p.distribution;
  const arrays = [d.grid.probabilities, d.plot.loss, d.plot.density, d.plot.exceedance, d.plot.granularDensity, d.plot.granularExceedance];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * The pyramid twin of a scenario: the same bank with the built-in pyramid's mix (40/30/30), all
 * other inputs kept. When the segments are not the demo's, the built-in pyramid bank itself.
 */
export function pyramidTwin(scenario: Scenario): Scenario {
  const byKey = new Map(pyramidScenario.segments.map((s) => [s.key, s.share] as const));
  const isSameShape = scenario.segments.length === byKey.size && scenario.segments.every((s) => byKey.has(s.key));
  if (!isSameShape) return pyramidScenario;
  return { ...scenario, segments: scenario.segments.map((s) => ({ ...s, share: byKey.get(s.key)! })) };
}
