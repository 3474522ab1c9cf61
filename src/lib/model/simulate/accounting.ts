/**
 * The accounting of one step: the book's state in, the figures of model.md §3, §4 and §6 out.
 * The formulas and factors are evaluate()'s (the same LCR_FACTORS, NSFR_FACTORS and LIMITS, the
 * same order of terms), so a book that does not move reproduces evaluate() at every step
 * (test/model/simulate.test.ts checks it). Shared by the fast engine, the per-client reference
 * and the t = 0 snapshot.
 */
import { LCR_FACTORS, LIMITS, NSFR_FACTORS } from '../evaluate';
import type { Prepared } from './setup';
import { LIMIT_DIRECTIONS, LIMIT_KEYS, LIMIT_SERIES, SERIES_KEYS, type SeriesKey } from './types';

/** Column of each series in a row. */
export const SERIES_INDEX = Object.fromEntries(SERIES_KEYS.map((k, i) => [k, i])) as Record<SeriesKey, number>;
export const SERIES_COUNT = SERIES_KEYS.length;

/** NSFR required stable funding of NPLs: 100% (BCBS 295; reference-values.md). */
const NPL_RSF = 1;

const LIMIT_COLUMN = Int32Array.from(LIMIT_KEYS.map((k) => SERIES_INDEX[LIMIT_SERIES[k]]));
const LIMIT_VALUE = Float64Array.from(LIMIT_KEYS.map((k) => LIMITS[k]));
const LIMIT_IS_MAX = Uint8Array.from(LIMIT_KEYS.map((k) => (LIMIT_DIRECTIONS[k] === 'max' ? 1 : 0)));

/** The book at the end of a step, as the engines hand it to the accounting. */
export interface StepAggregates {
  /** Per segment: performing loans, their RWA, performing clients, interest income of the step. */
  loans: Float64Array;
  rwa: Float64Array;
  clients: Float64Array;
  interest: Float64Array;
  /** Credit loss charged to profit in the step (realised; expected in the closed-form snapshot). */
  lossCharge: number;
  expectedLoss: number;
  realisedLoss: number;
  /** NPLs on the book: gross, and net of the specific provision (gross·(1 − LGD)). */
  nplGross: number;
  nplNet: number;
  largestClient: number;
  top10: number;
  /** Client managers on the payroll; NaN when staffing follows the book (cost = managers needed). */
  headcount: number;
  factor: number;
  hqla: number;
  /** Clients who joined in the step. */
  newClients: number;
}

export function createAggregates(segmentCount: number): StepAggregates {
  return {
    loans: new Float64Array(segmentCount),
    rwa: new Float64Array(segmentCount),
    clients: new Float64Array(segmentCount),
    interest: new Float64Array(segmentCount),
    lossCharge: 0,
    expectedLoss: 0,
    realisedLoss: 0,
    nplGross: 0,
    nplNet: 0,
    largestClient: 0,
    top10: 0,
    headcount: NaN,
    factor: 0,
    hqla: 0,
    newClients: 0,
  };
}

/** Regulatory capital, moved by retained profit and losses. */
export interface CapitalState {
  net: number;
  tier1: number;
  cet1: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b; // as evaluate(): 0 where the denominator is 0
}

/**
 * Accounts one step and writes its row; returns the breach mask (bit i: LIMIT_KEYS[i]).
 * `flowScale` turns yearly rates into the step's flows (1/stepsPerYear; 1 for the yearly view).
 * When `isStep`, the capital state takes the step's retained profit (or its whole loss) before
 * the ratios are computed; the yearly snapshot leaves capital as it is and taxes like evaluate().
 */
export function accountStep(
  prep: Prepared,
  a: StepAggregates,
  capital: CapitalState,
  t: number,
  flowScale: number,
  isStep: boolean,
  out: Float64Array,
  o: number,
): number {
  const { scenario, segments } = prep;
  const { market, bank, levers } = scenario;
  const n1 = prep.steps + 1;
  let nii = 0;
  let depositMargin = 0;
  let fees = 0;
  let servicing = 0;
  let loans = 0;
  let deposits = 0;
  let rwaLoans = 0;
  let clients = 0;
  let needed = 0;
  let outflows = prep.retailOutflow;
  let asf = prep.retailAsf;
  let rsf = prep.fixedRsf;
  let loansDue30d = 0;
  const S = segments.length;
  const segBase = o + SERIES_COUNT;
  for (let s = 0; s < S; s++) {
    const g = segments[s];
    const L = a.loans[s];
    const n = a.clients[s];
    const D = g.depositsPerLoan * L;
    // model.md §3: NII_s = L_s·(r_s − FTP_s); deposits D_s earn FTPdep − rdep_s; fees and costs per client.
    nii += a.interest[s] - L * g.ftp * flowScale;
    depositMargin += D * (market.ftpDepositCredit - prep.depositRate[s * n1 + t]) * flowScale;
    fees += n * g.feePerClient * flowScale;
    servicing += n * g.servicingCostPerClient * flowScale;
    needed += Math.ceil(n / g.clientsPerManager);
    outflows += D * g.depositOutflow;
    asf += D * g.depositAsf;
    rsf += L * g.loanRsf;
    loansDue30d += L * g.loanDue30d;
    loans += L;
    deposits += D;
    rwaLoans += a.rwa[s];
    clients += n;
    out[segBase + 2 * s] = L;
    out[segBase + 2 * s + 1] = n;
  }
  // Staffing that follows the book pays for the managers it needs (as evaluate()); a fixed team is paid in full.
  const managers = Number.isNaN(a.headcount) ? needed : a.headcount;
  const managerCost = managers * levers.managerCost * flowScale;
  const preTax = nii + depositMargin + fees - servicing - managerCost - a.lossCharge;
  // Within the run tax is proportional (a loss earns a tax credit); the yearly view taxes like evaluate().
  const netProfit = isStep ? preTax * (1 - market.taxRate) : preTax - Math.max(0, preTax) * market.taxRate;
  if (isStep) {
    const retained = netProfit > 0 ? netProfit * prep.dynamics.profitRetention : netProfit;
    capital.net += retained;
    capital.tier1 += retained;
    capital.cet1 += retained;
  }
  const rwa = rwaLoans + a.nplNet * prep.nplRiskWeight + bank.otherRwa;
  // The funding gap is filled with wholesale funding (model.md §6), as in evaluate().
  const totalAssets = loans + a.nplNet + bank.retailLoans + a.hqla + bank.otherAssets;
  const wholesale = Math.max(0, totalAssets - deposits - bank.retailDeposits - bank.otherLiabilities - capital.net);
  outflows += wholesale * bank.wholesaleShareUnder30d * LCR_FACTORS.wholesaleDue;
  asf += capital.net * NSFR_FACTORS.capital + wholesale * prep.wholesaleAsfFactor;
  rsf += a.hqla * NSFR_FACTORS.hqla + a.nplNet * NPL_RSF;
  const inflows = Math.min(loansDue30d * LCR_FACTORS.loanInflow, outflows * LCR_FACTORS.inflowCap);

  out[o + SERIES_INDEX.netProfit] = netProfit;
  out[o + SERIES_INDEX.netInterestIncome] = nii;
  out[o + SERIES_INDEX.nim] = ratio(nii / flowScale, loans);
  out[o + SERIES_INDEX.expectedLoss] = a.expectedLoss;
  out[o + SERIES_INDEX.realisedLoss] = a.realisedLoss;
  out[o + SERIES_INDEX.nplRatio] = ratio(a.nplGross, loans + a.nplGross);
  out[o + SERIES_INDEX.capitalAdequacyRatio] = ratio(capital.net, rwa);
  out[o + SERIES_INDEX.tier1Ratio] = ratio(capital.tier1, rwa);
  out[o + SERIES_INDEX.cet1Ratio] = ratio(capital.cet1, rwa);
  out[o + SERIES_INDEX.lcr] = ratio(a.hqla, outflows - inflows);
  out[o + SERIES_INDEX.nsfr] = ratio(asf, rsf);
  out[o + SERIES_INDEX.totalLoans] = loans;
  out[o + SERIES_INDEX.corporateDeposits] = deposits;
  out[o + SERIES_INDEX.clients] = clients;
  out[o + SERIES_INDEX.managersNeeded] = needed;
  out[o + SERIES_INDEX.newClients] = a.newClients;
  out[o + SERIES_INDEX.largestClientToCapital] = ratio(a.largestClient, capital.net);
  out[o + SERIES_INDEX.top10ToCapital] = ratio(a.top10, capital.net);
  out[o + SERIES_INDEX.factor] = a.factor;

  let mask = 0;
  for (let i = 0; i < LIMIT_COLUMN.length; i++) {
    const v = out[o + LIMIT_COLUMN[i]];
    if (LIMIT_IS_MAX[i] ? v > LIMIT_VALUE[i] : v < LIMIT_VALUE[i]) mask |= 1 << i;
  }
  return mask;
}
