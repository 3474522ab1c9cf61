/**
 * The risk profile of a scenario's whole corporate book: the one-year credit loss
 * distribution of `scenarioExposures(scenario)`, its concentration against net capital, and
 * RAROC / EVA on the portfolio basis. Pure (model calls only): it runs in the engine worker and,
 * in tests, in-process. No DOM, no Comlink here: the worker adds `transfer` around it.
 */
import {
  clientRisk,
  concentration,
  DEFAULT_LOSS_QUANTILES,
  EC_CONFIDENCE,
  evaluate,
  loanBookExposures,
  lossDistribution,
  pyramidScenario,
  scenarioExposures,
  type ClientColumns,
  type Concentration,
  type GroupRisk,
  type LoanBookRow,
  type LossDistribution,
  type Scenario,
} from '../model';

/** The real book's figures name by name, when the profile is of an imported loan book (model/client-risk.ts). */
export interface BookRiskPart {
  clients: ClientColumns;
  groups: GroupRisk[];
  /** Groups summed as one obligor. */
  obligorConcentration: Concentration;
  totals: { exposure: number; expectedLoss: number; economicCapital: number; netProfit: number; raroc: number };
}

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
  /** Present when the profile is of the imported loan book ("我行实际贷款") rather than the generated one. */
  book?: BookRiskPart;
}

/** The engine worker's error when a book is asked for by id and it does not hold the rows (a new worker): the client posts them again. */
export const BOOK_NOT_HELD = 'engine worker: loan book not held';

/** How many names the charts list (the exact contributions of the book go further, see clientRisk). */
const CHART_NAMES = 20;

/**
 * The risk profile of `scenario`: one `lossDistribution` at VaR/ES 99%, 99.5% and 99.9% (EC at
 * 99.9%), the book's concentration, and RAROC/EVA with EC from the distribution. Net profit does
 * not depend on EC, so the cheap granular evaluate() supplies it and the distribution runs once
 * (evaluate(…, { economicCapital: 'portfolio' }) would build it again).
 * @example riskProfile(demoScenario).capital.granularityAddOn // ≈ 3.2e8 yuan (3.23 亿元)
 */
export function riskProfile(scenario: Scenario, rows?: readonly LoanBookRow[]): RiskProfile {
  const t0 = performance.now();
  const exposures = rows ? loanBookExposures(rows, scenario) : scenarioExposures(scenario);
  const real = rows ? clientRisk(rows, scenario, { quantiles: [...DEFAULT_LOSS_QUANTILES], exposures }) : null;
  const distribution = real ? real.distribution : lossDistribution(exposures, { quantiles: [...DEFAULT_LOSS_QUANTILES], ecConfidence: EC_CONFIDENCE });
  const netCapital = scenario.bank.netCapital;
  const e = real ? real.evaluation : evaluate(scenario);
  // The real book's net profit is its clients' (priced with the segments' margins); the generated book's is evaluate()'s.
  const netProfit = real ? real.totals.netProfit : e.profitability.netProfit;
  const hurdleRate = scenario.market.hurdleRate;
  const ec = distribution.economicCapital;
  const granularEc = real ? distribution.granular.economicCapital : e.safety.granularEconomicCapital;
  if (real) distribution.contributions.topNames = distribution.contributions.topNames.slice(0, CHART_NAMES);
  // Only the listed names' inputs: a real book may have 200,000 rows.
  const listed = new Set(distribution.contributions.topNames.map((c) => c.key));
  const byId = new Map<string, (typeof exposures)[number]>();
  for (const x of exposures) if (listed.has(x.id ?? '')) byId.set(x.id ?? '', x);
  const names = distribution.contributions.topNames.map((c) => {
    const x = byId.get(c.key);
    return { id: c.key, segment: c.segment, ead: c.ead, pd: x?.pd ?? NaN, lgd: x?.lgd ?? NaN, rho: x?.rho ?? NaN };
  });
  const segments = scenario.segments.map((s) => {
    let clients = 0;
    let ead = 0;
    let el = 0;
    let first: (typeof exposures)[number] | undefined;
    for (const x of exposures) {
      if (x.segment !== s.key) continue;
      first ??= x;
      const n = x.count ?? 1;
      clients += n;
      ead += n * x.ead;
      el += n * x.ead * x.pd;
    }
    // A real book's PDs differ client by client: the segment shows its exposure-weighted PD.
    return { key: s.key, name: s.name, pd: rows ? (ead > 0 ? el / ead : s.pd) : (first?.pd ?? s.pd), lgd: s.lgd, rho: first?.rho ?? NaN, clients, ead };
  });
  const concentrationOfBook = real ? real.concentration : concentration(exposures, netCapital);
  return {
    ...(real ? { book: { clients: real.clients, groups: real.groups, obligorConcentration: real.obligorConcentration, totals: real.totals } } : {}),
    distribution,
    concentration: concentrationOfBook,
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
      granularRaroc: real ? (granularEc > 0 ? netProfit / granularEc : 0) : e.profitability.raroc,
      granularEva: real ? netProfit - hurdleRate * granularEc : e.profitability.eva,
    },
    computeMs: performance.now() - t0,
  };
}

/** The typed arrays of a profile, each buffer once, to hand to Comlink's `transfer` (≈ 30 KB, not copied). */
export function riskProfileTransferables(p: RiskProfile): ArrayBuffer[] {
  const d = p.distribution;
  const arrays: ArrayLike<number>[] = [d.grid.probabilities, d.plot.loss, d.plot.density, d.plot.exceedance, d.plot.granularDensity, d.plot.granularExceedance];
  if (p.book) {
    const c = p.book.clients;
    arrays.push(c.exposure, c.pd, c.lgd, c.expectedLoss, c.economicCapital, c.isExact, c.netProfit, c.raroc, c.obligorExposure, c.headroom);
  }
  return [...new Set(arrays.map((a) => (a as Float64Array).buffer as ArrayBuffer))];
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
