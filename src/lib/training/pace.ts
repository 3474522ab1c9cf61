/**
 * The pace of rebalancing (节奏) in closed form, quarter by quarter. The source: serving SMEs
 * needs client managers ("客户经理队伍"), trained and selected first; a mix cannot change faster
 * than the managers can win and look after the new clients.
 *
 * Each quarter the wanted mix moves linearly from today's to `levers.targetMix` over
 * `levers.paceQuarters`. Growing segments win clients only as fast as the managers allow:
 * onboarding capacity = headcount × `onboardingPerManagerPerQuarter` new clients a quarter, and the
 * book may not need more managers (Σ ⌈clients / clients per manager⌉) than the headcount. A
 * shrinking segment lets clients go only as fast as the others grow, so the book keeps its size.
 * A recession in year 2 is the systematic factor 2σ down for that year (the Monte Carlo's
 * "recessionYear2" preset, docs/reference-model.md §1): each PD becomes the Vasicek conditional PD at z = −2.
 * Each quarter is a quarter of `evaluate()` of that quarter's mix; managers beyond those the book
 * needs still cost. The corporate book's growth is left out.
 */
import { conditionalDefaultProbability, evaluate, managersNeeded, segmentCorrelation, type Scenario } from '../model';

export const QUARTERS_PER_YEAR = 4;
/** Distance to the target, per segment share, at which the target counts as reached. */
export const TARGET_TOLERANCE = 0.01;

export interface PaceOptions {
  /** Year of the recession (1-based); null for none. */
  recessionYear?: number | null;
  /** Shift of the systematic factor in the recession year, in σ. */
  recessionShift?: number;
}

export interface PaceQuarter {
  quarter: number;
  year: number;
  shares: number[];
  /** Net profit of the quarter, yuan. */
  netProfit: number;
  managersNeeded: number;
  lcr: number;
  /** Whether the managers held the mix back this quarter. */
  isCapacityBound: boolean;
}

export interface PaceYear {
  year: number;
  netProfit: number;
  /** The mix at the end of the year. */
  shares: number[];
  minLcr: number;
  isRecession: boolean;
}

export interface PaceProjection {
  headcount: number;
  target: number[];
  quarters: PaceQuarter[];
  years: PaceYear[];
  cumulativeProfit: number;
  /** First quarter at which every share is within 1 pp of the target; horizon + 1 when never. */
  quartersToTarget: number;
  horizonQuarters: number;
  managersAtTarget: number;
  minLcr: number;
}

function managersFor(scenario: Scenario, clients: number[]): number {
  return clients.reduce((a, c, i) => a + managersNeeded(c, scenario.segments[i].clientsPerManager), 0);
}

/** The target mix by segment, normalised; missing keys keep today's share. */
export function targetMixOf(scenario: Scenario): number[] {
  const raw = scenario.segments.map((s) => Math.max(0, scenario.levers.targetMix?.[s.key] ?? s.share));
  const total = raw.reduce((a, b) => a + b, 0);
  return total > 0 ? raw.map((x) => x / total) : scenario.segments.map((s) => s.share);
}

/** PD multiplier of each segment in a year with the factor at z (Vasicek conditional PD / PD). */
export function recessionMultipliers(scenario: Scenario, z: number): Record<string, number> {
  return Object.fromEntries(scenario.segments.map((s) => [s.key, s.pd > 0 ? conditionalDefaultProbability(s.pd, segmentCorrelation(s, s.pd), z) / s.pd : 1]));
}

/**
 * Projects the rebalancing quarter by quarter over the scenario's horizon.
 * @example projectPace({ ...demoScenario, levers: { ...demoScenario.levers, managerHeadcount: 111, paceQuarters: 16 } }).quartersToTarget // 16
 */
export function projectPace(scenario: Scenario, { recessionYear = 2, recessionShift = -2 }: PaceOptions = {}): PaceProjection {
  const L = scenario.bank.corporateLoans;
  const segs = scenario.segments;
  const target = targetMixOf(scenario);
  const start = segs.map((s) => s.share);
  const startEval = evaluate(scenario);
  const headcount = scenario.levers.managerHeadcount ?? startEval.segments.reduce((a, s) => a + s.managersNeeded, 0);
  const targetEval = evaluate({ ...scenario, segments: segs.map((s, i) => ({ ...s, share: target[i] })) });
  const managersAtTarget = targetEval.segments.reduce((a, s) => a + s.managersNeeded, 0);
  const recession = recessionYear === null ? {} : recessionMultipliers(scenario, recessionShift);
  const horizonQuarters = scenario.simulation.horizonYears * QUARTERS_PER_YEAR;
  const pace = Math.max(1, scenario.levers.paceQuarters);
  const capacity = headcount * scenario.levers.onboardingPerManagerPerQuarter;

  let clients = segs.map((s) => (s.share * L) / s.avgExposure);
  const quarters: PaceQuarter[] = [];
  let quartersToTarget = horizonQuarters + 1;

  for (let q = 1; q <= horizonQuarters; q++) {
    const wanted = start.map((c, i) => c + (target[i] - c) * Math.min(1, q / pace));
    const wantedClients = wanted.map((sh, i) => (sh * L) / segs[i].avgExposure);
    const adds = wantedClients.map((w, i) => Math.max(0, w - clients[i]));
    const totalAdds = adds.reduce((a, b) => a + b, 0);
    let k = totalAdds > 0 ? Math.min(1, capacity / totalAdds) : 1;
    const trial = (kk: number) => clients.map((c, i) => (adds[i] > 0 ? c + adds[i] * kk : c));
    if (totalAdds > 0 && managersFor(scenario, trial(k)) > headcount) {
      // the largest k whose book the headcount can still look after
      let lo = 0;
      let hi = k;
      for (let it = 0; it < 40; it++) {
        const mid = (lo + hi) / 2;
        if (managersFor(scenario, trial(mid)) <= headcount) lo = mid;
        else hi = mid;
      }
      k = lo;
    }
    const isCapacityBound = totalAdds > 0 && k < 1 - 1e-9;
    const growing = adds.map((a) => a > 0);
    const grownLoans = segs.map((s, i) => (growing[i] ? (clients[i] + adds[i] * k) * s.avgExposure : 0));
    const room = Math.max(0, L - grownLoans.reduce((a, b) => a + b, 0));
    const shrinkWanted = segs.map((s, i) => (growing[i] ? 0 : wanted[i] * L));
    const shrinkTotal = shrinkWanted.reduce((a, b) => a + b, 0);
    const currentShrink = segs.map((s, i) => (growing[i] ? 0 : clients[i] * s.avgExposure));
    const currentShrinkTotal = currentShrink.reduce((a, b) => a + b, 0);
    const loans = segs.map((_, i) => {
      if (growing[i]) return grownLoans[i];
      if (shrinkTotal > 0) return (shrinkWanted[i] / shrinkTotal) * room;
      return currentShrinkTotal > 0 ? (currentShrink[i] / currentShrinkTotal) * room : 0;
    });
    const loanTotal = loans.reduce((a, b) => a + b, 0);
    const shares = loans.map((l) => (loanTotal > 0 ? l / loanTotal : 0));
    clients = loans.map((l, i) => l / segs[i].avgExposure);

    const year = Math.ceil(q / QUARTERS_PER_YEAR);
    const e = evaluate({
      ...scenario,
      segments: segs.map((s, i) => ({ ...s, share: shares[i] })),
      stress: { ...scenario.stress, pdMultiplier: year === recessionYear ? recession : scenario.stress.pdMultiplier },
    });
    const managersNeeded = e.segments.reduce((a, s) => a + s.managersNeeded, 0);
    const idleCost = Math.max(0, headcount - managersNeeded) * scenario.levers.managerCost;
    const preTax = e.profitability.preTaxProfit - idleCost;
    const netProfit = (preTax - Math.max(0, preTax) * scenario.market.taxRate) / QUARTERS_PER_YEAR;
    quarters.push({ quarter: q, year, shares, netProfit, managersNeeded, lcr: e.liquidity.lcr, isCapacityBound });
    if (quartersToTarget > horizonQuarters && shares.every((x, i) => Math.abs(x - target[i]) <= TARGET_TOLERANCE)) quartersToTarget = q;
  }

  const years: PaceYear[] = [];
  for (let y = 1; y <= scenario.simulation.horizonYears; y++) {
    const qs = quarters.filter((q) => q.year === y);
    years.push({
      year: y,
      netProfit: qs.reduce((a, q) => a + q.netProfit, 0),
      shares: qs[qs.length - 1].shares,
      minLcr: Math.min(...qs.map((q) => q.lcr)),
      isRecession: y === recessionYear,
    });
  }
  return {
    headcount,
    target,
    quarters,
    years,
    cumulativeProfit: years.reduce((a, y) => a + y.netProfit, 0),
    quartersToTarget,
    horizonQuarters,
    managersAtTarget,
    minLcr: Math.min(startEval.liquidity.lcr, ...quarters.map((q) => q.lcr)),
  };
}
