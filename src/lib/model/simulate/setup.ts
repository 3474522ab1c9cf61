/**
 * Everything about a run that does not depend on the path: the size classes of each segment
 * (single names and bands on the deterministic lognormal grid of exposures.ts), the per-step
 * probabilities, the LPR and deposit-rate schedules, the glide path, and the constants of the
 * accounting. Built once per scenario (preparedFor memoises it); the path loops only read it.
 */
import { evaluate } from '../evaluate';
import { LCR_FACTORS, NSFR_FACTORS } from '../regulation';
import { segmentWeights } from '../exposures';
import type { Scenario } from '../scenario';
import { bankTerms, marketRates, segmentTerms, type BankTerms } from '../segment-economics';
import { conditionalDefaultProbability } from '../vasicek';
import { bookSegments, scenarioForBook, simulationBookKey, type SimulationBook } from './book-input';
import {
  BANDS_PER_SEGMENT,
  glideShare,
  HQLA_REBUILD_PER_QUARTER,
  lprAtStep,
  maturingFraction,
  perStep,
  resolveDynamics,
  SINGLE_NAMES,
  targetShares,
  type Dynamics,
} from './dynamics';

/** Per-segment constants of a run. */
export interface PreparedSegment {
  key: string;
  name: { zh: string; en: string };
  share0: number;
  loans0: number;
  clients0: number;
  lgd: number;
  /** Spread over LPR of the existing (0) and new (1) vintages, decimal (after the franchise concession). */
  spread: [number, number];
  /** Tenor-weighted FTP charge per year at the start (it moves with the LPR path by the pass-through). */
  ftp: number;
  /** Deposits per yuan of performing loans, after the stress run-off. */
  depositsPerLoan: number;
  /** LCR 30-day outflow per yuan of performing loans: deposits × run-off + undrawn commitments × 10%. */
  outflowPerLoan: number;
  /** NSFR available stable funding per yuan of performing loans (its deposits). */
  asfPerLoan: number;
  /** NSFR required stable funding per yuan of performing loans (with its undrawn commitments). */
  rsfPerLoan: number;
  /** Loans due within 30 days per yuan of loans (before the 50% inflow factor). */
  loanDue30d: number;
  feePerClient: number;
  servicingCostPerClient: number;
  clientsPerManager: number;
  acquisitionCostPerClient: number;
  /** Standardized risk weight (the output floor's base). */
  riskWeightStandardized: number;
  /** Risk weights of the existing (0) and new (1) vintages under the scenario's approach. */
  riskWeight: [number, number];
  /** Yearly PD (stressed) of the vintages; new loans carry the adverse-selection multiplier. */
  pdYear: [number, number];
  /** Per-step PD of the vintages, 1 − (1 − PD)^(1/stepsPerYear). */
  pdStep: [number, number];
  correlation: number;
  /** Share of the loans maturing within one step. */
  maturing: number;
  /** Per-step probability that a client leaves (attrition by products held). */
  attrition: number;
  /** Share of the segment's demand its price keeps, exp(−ε·Δbp/10): the glide path's volumes are scaled by it. */
  demand: number;
  /** Mean exposure of a new client: the grid's mean. */
  meanNewExposure: number;
  /** The grid of client exposures (largest first) new clients are drawn from; initial clients are this grid when clients0 > 0. */
  grid: Float64Array;
  /** Global class index of each grid point. */
  gridClass: Int32Array;
  /** Classes of the segment: [classStart, classEnd). */
  classStart: number;
  classEnd: number;
}

export interface Prepared {
  scenario: Scenario;
  dynamics: Dynamics;
  stepsPerYear: number;
  steps: number;
  stepYears: number;
  segments: PreparedSegment[];
  // —— size classes (all segments, contiguous per segment) ——
  classCount: number;
  classSegment: Int32Array;
  /** Exposure of one client of the class (the mean of its grid points). */
  classExposure: Float64Array;
  /** Probability that a new client of the segment falls in the class (its count share of the grid). */
  classProbability: Float64Array;
  /** Initial number of clients in the class. */
  classInitial: Float64Array;
  /** Class indices from the largest exposure down, for the top-10 and the largest client. */
  classByExposure: Int32Array;
  // —— schedules, index t = 0..steps (t = 0 is the start) ——
  /** LPR of the loans on the book at the start (the shock included: t = 0 is evaluate()'s steady state). */
  lpr0: number;
  /** Change of the FTP curve, the deposit FTP credit and the wholesale rate since the start. */
  ftpShift: Float64Array;
  /** FTP credit for deposits at the start. */
  ftpDepositCredit0: number;
  /** Wholesale rate − FTP credit: the funding gap's premium (moves with neither: both follow the pass-through). */
  fundingPremium: number;
  /** Carry cost of HQLA bought by the treasury rule: wholesale rate − HQLA yield. */
  hqlaCarry: number;
  /** The LCR the treasury holds as the book grows: the bank's LCR at the start, before any deposit run. */
  lcrTarget: number;
  /** HQLA on the balance sheet at t = 0 (after a run); HQLA above it is bought and carried. */
  hqlaStart: number;
  /** The rest of the balance sheet, for the liquidity formulas of segment-economics.ts. */
  bank: BankTerms;
  lpr: Float64Array;
  /** depositRate[s·(steps+1) + t]. */
  depositRate: Float64Array;
  /** Stress shift of the factor in σ. */
  factorShift: Float64Array;
  /** Target total of performing corporate loans: L·(1+g)^(t/stepsPerYear). */
  targetTotal: Float64Array;
  /** Glide-path share glide[s·(steps+1) + t]. */
  glide: Float64Array;
  /** Fixed headcount per step, or null when headcount follows the book (levers.managerHeadcount null). */
  headcount: Float64Array | null;
  /** The part of a deposit run's hole in HQLA not yet rebuilt at step t: run·(1 − rebuild)^t, a quarter of it rebuilt each quarter. */
  runHole: Float64Array;
  nplRiskWeight: number;
  /** Conditional per-step PD on a z grid, table per (segment, vintage): index s·2 + v (ensurePdTables). */
  pdTables: Float64Array[];
}

/** The z grid of the conditional-PD tables: [−Z_MAX, Z_MAX] every 1/Z_RES; exact outside. */
export const Z_MAX = 8;
export const Z_RES = 128;
const TABLE_N = 2 * Z_MAX * Z_RES + 1;

function buildPdTable(pdStep: number, rho: number): Float64Array {
  const t = new Float64Array(TABLE_N);
  for (let i = 0; i < TABLE_N; i++) t[i] = conditionalDefaultProbability(pdStep, rho, -Z_MAX + i / Z_RES);
  return t;
}

/**
 * Per-step default probability conditional on the factor z, p(z) = Φ((Φ⁻¹(p) − √ρ·z)/√(1−ρ))
 * (vasicek.ts), read from the table by linear interpolation (relative error of order 1e-5 at the
 * grid step 1/128, far below the Monte Carlo error); exact outside the grid.
 */
export function conditionalPd(prep: Prepared, s: number, v: number, z: number): number {
  const x = (z + Z_MAX) * Z_RES;
  if (x >= 0 && x < TABLE_N - 1) {
    const i = Math.floor(x);
    const f = x - i;
    const t = prep.pdTables[s * 2 + v];
    return t[i] + f * (t[i + 1] - t[i]);
  }
  const seg = prep.segments[s];
  return conditionalDefaultProbability(seg.pdStep[v], seg.correlation, z);
}

const PREPARED_CACHE_SIZE = 4;
const preparedCache = new Map<string, Prepared>();

/**
 * The key of a scenario's preparation: its JSON without the seed and the number of paths, which
 * the preparation never reads, so a run with a new seed reuses the tables of the last one.
 */
function preparationKey(scenario: Scenario): string {
  const { seed: _seed, paths: _paths, ...timeGrid } = scenario.simulation;
  return JSON.stringify({ ...scenario, simulation: timeGrid });
}

/**
 * prepareSimulation, memoised on the scenario without its seed and path count (a worker gets a
 * fresh copy of the same scenario with every chunk of paths; building the tables each time would
 * cost more than a small chunk). The Prepared is never written after its tables are built, so
 * sharing it is safe; its `scenario` keeps the seed of the run that built it, which nothing reads.
 */
export function preparedFor(scenario: Scenario, book?: SimulationBook | null): Prepared {
  const scenarioKey = preparationKey(scenario);
  const key = book ? `${simulationBookKey(book)}|${scenarioKey}` : scenarioKey;
  const hit = preparedCache.get(key);
  if (hit) return hit;
  const prep = prepareSimulation(scenario, book);
  if (preparedCache.size >= PREPARED_CACHE_SIZE) preparedCache.delete(preparedCache.keys().next().value as string);
  preparedCache.set(key, prep);
  return prep;
}

/**
 * Builds the path-independent part of a run. Pure: reads the scenario, never writes it. With a
 * `book` (book-input.ts) the run starts from the book's obligors and totals instead of the book
 * the scenario's inputs generate; `Prepared.scenario` is then the scenario as the book has it.
 */
export function prepareSimulation(input: Scenario, book?: SimulationBook | null): Prepared {
  const fromBook = book ? bookSegments(book, input.segments.length) : null;
  const scenario = fromBook ? scenarioForBook(input, fromBook) : input;
  const { bank, stress, levers, market } = scenario;
  const dynamics = resolveDynamics(scenario);
  const stepsPerYear = Math.max(1, Math.round(scenario.simulation.stepsPerYear));
  const steps = Math.max(1, Math.round(scenario.simulation.horizonYears * stepsPerYear));
  const stepYears = 1 / stepsPerYear;
  const L = bank.corporateLoans;
  const rates = marketRates(scenario);
  const targets = targetShares(scenario);
  // t = 0 is evaluate()'s steady state; the new vintage carries the terms of the target mix.
  const now = scenario.segments.map((_, s) => segmentTerms(scenario, s, rates));
  const atTarget = scenario.segments.map((_, s) => segmentTerms(scenario, s, rates, { share: targets[s] }));

  const classSegment: number[] = [];
  const classExposure: number[] = [];
  const classProbability: number[] = [];
  const classInitial: number[] = [];

  // The grid of each segment: the initial book (a real book's obligors, largest first), or for a
  // segment that starts empty the book at its target share.
  const grids = scenario.segments.map((seg, s) => {
    const real = fromBook?.[s];
    if (real && real.exposures.length > 0) return { loans0: real.loans, clients0: real.exposures.length, grid: real.exposures };
    const loans0 = now[s].loans;
    const clients0 = now[s].clients;
    const gridN = clients0 > 0 ? clients0 : atTarget[s].clients;
    const gridTotal = clients0 > 0 ? loans0 : gridN * seg.avgExposure;
    const w = gridN > 0 ? segmentWeights(gridN, seg.sizeSigma) : new Float64Array(0);
    const grid = new Float64Array(gridN);
    for (let i = 0; i < gridN; i++) grid[i] = w[i] * gridTotal;
    return { loans0, clients0, grid };
  });
  // Single names: the largest grid points of the whole book.
  const candidates: { s: number; i: number; e: number }[] = [];
  grids.forEach((g, s) => {
    for (let i = 0; i < Math.min(SINGLE_NAMES, g.grid.length); i++) candidates.push({ s, i, e: g.grid[i] });
  });
  candidates.sort((x, y) => y.e - x.e || x.s - y.s || x.i - y.i);
  const singlesOf = grids.map(() => 0);
  for (const c of candidates.slice(0, SINGLE_NAMES)) singlesOf[c.s]++;

  const isIrb = scenario.settings.capitalApproach === 'irb';
  const segments: PreparedSegment[] = scenario.segments.map((seg, s) => {
    const { loans0, clients0, grid } = grids[s];
    const gridN = grid.length;
    const gridClass = new Int32Array(gridN);
    const classStart = classSegment.length;
    const addClass = (from: number, to: number) => {
      let sum = 0;
      for (let i = from; i < to; i++) {
        sum += grid[i];
        gridClass[i] = classSegment.length;
      }
      classSegment.push(s);
      classExposure.push(sum / (to - from));
      classProbability.push((to - from) / gridN);
      classInitial.push(clients0 > 0 ? to - from : 0);
    };
    const singles = singlesOf[s];
    for (let i = 0; i < singles; i++) addClass(i, i + 1);
    // Bands of consecutive sizes, each about 1/BANDS of the rest of the segment's loans.
    let rest = 0;
    for (let i = singles; i < gridN; i++) rest += grid[i];
    let from = singles;
    let cum = 0;
    let band = 1;
    for (let i = singles; i < gridN; i++) {
      cum += grid[i];
      if (i === gridN - 1 || (cum >= (band * rest) / BANDS_PER_SEGMENT && band < BANDS_PER_SEGMENT)) {
        addClass(from, i + 1);
        from = i + 1;
        while (band < BANDS_PER_SEGMENT && cum >= (band * rest) / BANDS_PER_SEGMENT) band++;
      }
    }
    const classEnd = classSegment.length;

    const t0 = now[s];
    const t1 = atTarget[s];
    let meanNewExposure = 0;
    for (let i = 0; i < gridN; i++) meanNewExposure += grid[i];
    meanNewExposure = gridN > 0 ? meanNewExposure / gridN : 0;
    return {
      key: seg.key,
      name: seg.name,
      share0: seg.share,
      loans0,
      clients0,
      lgd: seg.lgd,
      spread: [t0.spreadBp / 1e4, t1.spreadBp / 1e4],
      ftp: t0.ftpRate,
      depositsPerLoan: t0.depositsPerLoan,
      outflowPerLoan: t0.depositsPerLoan * t0.depositOutflow + t0.undrawnPerLoan * LCR_FACTORS.undrawnCreditFacility,
      asfPerLoan: t0.depositsPerLoan * t0.depositAsf,
      rsfPerLoan: t0.loanRsf + t0.undrawnPerLoan * NSFR_FACTORS.undrawnCommitments,
      loanDue30d: t0.loanDue30d,
      feePerClient: t0.feePerClient,
      servicingCostPerClient: t0.servicingCostPerClient,
      clientsPerManager: t0.clientsPerManager,
      acquisitionCostPerClient: t0.acquisitionCostPerClient,
      riskWeightStandardized: t0.riskWeightStandardized,
      riskWeight: isIrb ? [t0.riskWeightIrb, t1.riskWeightIrb] : [t0.riskWeightStandardized, t1.riskWeightStandardized],
      pdYear: [t0.pd, t1.pd],
      pdStep: [perStep(t0.pd, stepsPerYear), perStep(t1.pd, stepsPerYear)],
      correlation: t0.correlation,
      maturing: maturingFraction(seg.tenor, stepYears),
      attrition: perStep(t0.attrition, stepsPerYear),
      demand: t0.pricing.demandKept,
      meanNewExposure,
      grid,
      gridClass,
      classStart,
      classEnd,
    };
  });

  const S = segments.length;
  const n1 = steps + 1;
  const lpr = new Float64Array(n1);
  const ftpShift = new Float64Array(n1);
  const depositRate = new Float64Array(S * n1);
  const factorShift = new Float64Array(n1);
  const targetTotal = new Float64Array(n1);
  const glide = new Float64Array(S * n1);
  const headcount = levers.managerHeadcount === null ? null : new Float64Array(n1);
  const lag = dynamics.depositRepricingQuarters * (stepsPerYear / 4); // in steps
  const runAmount = now.reduce((acc, t) => acc + t.runOffPerLoan * t.loans, 0);
  const rebuild = 1 - Math.pow(1 - HQLA_REBUILD_PER_QUARTER, 4 / stepsPerYear);
  let depositShift = 0;
  const runHole = new Float64Array(n1);
  lpr[0] = rates.lpr;
  for (let t = 0; t <= steps; t++) {
    if (t > 0) {
      lpr[t] = lprAtStep(scenario, t, stepsPerYear);
      ftpShift[t] = market.ftpPassThrough * (lpr[t] - lpr[0]);
      // Deposit rates follow the LPR path partly (pass-through) and slowly (exponential lag).
      depositShift += (dynamics.depositPassThrough * (lpr[t] - lpr[0]) - depositShift) * (lag > 1 ? 1 / lag : 1);
      factorShift[t] = stress.factorShift[Math.floor((t - 1) / stepsPerYear)] ?? 0;
    }
    runHole[t] = runAmount * Math.pow(1 - rebuild, t);
    targetTotal[t] = L * Math.pow(1 + bank.corporateLoanGrowth, t / stepsPerYear);
    for (let s = 0; s < S; s++) {
      depositRate[s * n1 + t] = Math.max(0, now[s].depositRate + depositShift);
      // The glide path's volume, scaled by the demand the price keeps: demand lost to the price stays lost.
      glide[s * n1 + t] = glideShare(scenario.segments[s].share, targets[s], levers.paceQuarters, stepYears, t) * segments[s].demand;
    }
    if (headcount) headcount[t] = (levers.managerHeadcount ?? 0) * Math.pow(1 + levers.managerGrowth, Math.max(0, t - 1) / stepsPerYear);
  }

  const classCount = classSegment.length;
  const classExposureArr = Float64Array.from(classExposure);
  const order = Array.from({ length: classCount }, (_, i) => i).sort((x, y) => classExposureArr[y] - classExposureArr[x] || x - y);
  const noRun = stress.depositRunOff > 0 ? { ...scenario, stress: { ...stress, depositRunOff: 0 } } : scenario;

  return {
    scenario,
    dynamics,
    stepsPerYear,
    steps,
    stepYears,
    segments,
    classCount,
    classSegment: Int32Array.from(classSegment),
    classExposure: classExposureArr,
    classProbability: Float64Array.from(classProbability),
    classInitial: Float64Array.from(classInitial),
    classByExposure: Int32Array.from(order),
    lpr0: rates.lpr,
    lpr,
    ftpShift,
    ftpDepositCredit0: rates.ftpDepositCredit,
    fundingPremium: rates.wholesaleRate - rates.ftpDepositCredit,
    hqlaCarry: rates.wholesaleRate - market.hqlaYield,
    lcrTarget: evaluate(noRun).liquidity.lcr,
    hqlaStart: Math.max(0, bank.hqla - runAmount),
    runHole,
    bank: bankTerms(scenario),
    depositRate,
    factorShift,
    targetTotal,
    glide,
    headcount,
    // Defaulted exposures net of the specific provision: 100% under the standardized approach
    // (Basel II ¶75, provisions ≥ 20%); under IRB the provision covers them (capital.ts).
    nplRiskWeight: isIrb ? 0 : 1,
    pdTables: [],
  };
}

/** Builds the conditional-PD tables once (the fast engine needs them; the summary does not). */
export function ensurePdTables(prep: Prepared): void {
  if (prep.pdTables.length > 0) return;
  for (const g of prep.segments) {
    const old = buildPdTable(g.pdStep[0], g.correlation);
    prep.pdTables.push(old, g.pdStep[1] === g.pdStep[0] ? old : buildPdTable(g.pdStep[1], g.correlation));
  }
}
