/**
 * The accounting of one step: the book's state in, the figures of docs/reference-model.md §3, §4 and §6 out.
 * The terms come from segment-economics.ts and the liquidity and capital formulas are its own
 * (bankLiquidity, corporateRwa), so a book that does not move reproduces evaluate() at every step
 * (test/model/simulate.test.ts checks it). Shared by the fast engine and the per-client reference.
 */
import { LIMITS } from '../regulation';
import { bankLiquidityInto, corporateRwa, createBankLiquidity, managersNeeded, ratio, type BookLiquidityTotals } from '../segment-economics';
import type { Prepared } from './setup';
import { LIMIT_DIRECTIONS, LIMIT_KEYS, LIMIT_SERIES, SERIES_KEYS, type SeriesKey } from './types';

/** Column of each series in a row. */
export const SERIES_INDEX = Object.fromEntries(SERIES_KEYS.map((k, i) => [k, i])) as Record<SeriesKey, number>;
export const SERIES_COUNT = SERIES_KEYS.length;

const LIMIT_COLUMN = Int32Array.from(LIMIT_KEYS.map((k) => SERIES_INDEX[LIMIT_SERIES[k]]));
const LIMIT_VALUE = Float64Array.from(LIMIT_KEYS.map((k) => LIMITS[k]));
const LIMIT_IS_MAX = Uint8Array.from(LIMIT_KEYS.map((k) => (LIMIT_DIRECTIONS[k] === 'max' ? 1 : 0)));

/** The book at the end of a step, as the engines hand it to the accounting. */
export interface StepAggregates {
  /** Per segment: performing loans, their RWA under the approach and standardized, performing clients, interest income of the step. */
  loans: Float64Array;
  rwa: Float64Array;
  rwaStandardized: Float64Array;
  clients: Float64Array;
  interest: Float64Array;
  /** FTP charged on the loans in the step: each loan's FTP moves with its LPR at its reset (matched funding). */
  ftpCharge: Float64Array;
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
  /** Clients who joined in the step. */
  newClients: number;
  /** What winning them cost: Σ new clients × acquisition cost. */
  acquisitionCost: number;
}

export function createAggregates(segmentCount: number): StepAggregates {
  return {
    loans: new Float64Array(segmentCount),
    rwa: new Float64Array(segmentCount),
    rwaStandardized: new Float64Array(segmentCount),
    clients: new Float64Array(segmentCount),
    interest: new Float64Array(segmentCount),
    ftpCharge: new Float64Array(segmentCount),
    lossCharge: 0,
    expectedLoss: 0,
    realisedLoss: 0,
    nplGross: 0,
    nplNet: 0,
    largestClient: 0,
    top10: 0,
    headcount: NaN,
    factor: 0,
    newClients: 0,
    acquisitionCost: 0,
  };
}

/** The state a path carries from step to step besides its book: regulatory capital, moved by retained profit and losses, and the HQLA stock. */
export interface CapitalState {
  net: number;
  tier1: number;
  cet1: number;
  hqla: number;
}

/**
 * The state of a path at t = 0, written into `into` when given (the fast engine reuses one object for every path).
 * @example const capital = initialCapitalState(prep); initialCapitalState(prep, capital); // reset for the next path
 */
export function initialCapitalState(prep: Prepared, into: CapitalState = { net: 0, tier1: 0, cet1: 0, hqla: 0 }): CapitalState {
  const { bank } = prep.scenario;
  into.net = bank.netCapital;
  into.tier1 = bank.tier1Capital;
  into.cet1 = bank.cet1Capital;
  into.hqla = prep.hqlaStart;
  return into;
}

/** Scratch of accountStep (one step at a time per thread): no object is allocated per step. */
const book: BookLiquidityTotals = { loans: 0, deposits: 0, outflows30d: 0, loansDue30d: 0, availableStableFunding: 0, requiredStableFunding: 0, nplNet: 0 };
const liq = createBankLiquidity();

/** Fixed-point rounds of the treasury rule (HQLA bought adds wholesale funding, a tenth of it due in 30 days). */
const TREASURY_ROUNDS = 4;

/**
 * Accounts one step and writes its row; returns the breach mask (bit i: LIMIT_KEYS[i]).
 * Yearly rates become the step's flows at 1/stepsPerYear. The capital state takes
 * the step's retained profit (or its whole loss) before the ratios are computed.
 * The treasury rule: the treasury holds the LCR the bank started with (before any deposit run) as
 * the book moves, rebuilds the hole a run left at a quarter of it each quarter, and never sells;
 * HQLA above the t = 0 stock is bought with wholesale funding and carried at (wholesale rate − HQLA yield).
 */
export function accountStep(prep: Prepared, a: StepAggregates, capital: CapitalState, t: number, out: Float64Array, o: number): number {
  const { scenario, segments } = prep;
  const flowScale = 1 / prep.stepsPerYear;
  const { market, levers } = scenario;
  const n1 = prep.steps + 1;
  const ftpShift = prep.ftpShift[t];
  let nii = 0;
  let depositMargin = 0;
  let fees = 0;
  let servicing = 0;
  let clients = 0;
  let needed = 0;
  let rwaLoans = 0;
  let rwaStandardized = 0;
  book.loans = 0;
  book.deposits = 0;
  book.outflows30d = 0;
  book.loansDue30d = 0;
  book.availableStableFunding = 0;
  book.requiredStableFunding = 0;
  book.nplNet = a.nplNet;
  const S = segments.length;
  const segBase = o + SERIES_COUNT;
  for (let s = 0; s < S; s++) {
    const g = segments[s];
    const L = a.loans[s];
    const n = a.clients[s];
    const D = g.depositsPerLoan * L;
    // docs/reference-model.md §3: NII_s = L_s·(r_s − FTP_s); deposits D_s earn FTPdep − rdep_s; fees and costs per client.
    nii += a.interest[s] - a.ftpCharge[s];
    depositMargin += D * (prep.ftpDepositCredit0 + ftpShift - prep.depositRate[s * n1 + t]) * flowScale;
    fees += n * g.feePerClient * flowScale;
    servicing += n * g.servicingCostPerClient * flowScale;
    needed += managersNeeded(n, g.clientsPerManager);
    book.loans += L;
    book.deposits += D;
    book.outflows30d += L * g.outflowPerLoan;
    book.availableStableFunding += L * g.asfPerLoan;
    book.requiredStableFunding += L * g.rsfPerLoan;
    book.loansDue30d += L * g.loanDue30d;
    rwaLoans += a.rwa[s];
    rwaStandardized += a.rwaStandardized[s];
    clients += n;
    out[segBase + 2 * s] = L;
    out[segBase + 2 * s + 1] = n;
  }
  // Staffing that follows the book pays for the managers it needs (as evaluate()); a fixed team is paid in full.
  const managers = Number.isNaN(a.headcount) ? needed : a.headcount;
  const managerCost = managers * levers.managerCost * flowScale;
  const fundingCost = (book.loans - book.deposits) * prep.fundingPremium * flowScale;

  // The treasury rule (see above): the HQLA the target needs, solved by a few fixed-point rounds.
  let hqlaNeeded = capital.hqla;
  bankLiquidityInto(prep.bank, book, hqlaNeeded, capital.net, liq);
  for (let r = 0; r < TREASURY_ROUNDS && liq.lcr < prep.lcrTarget; r++) {
    hqlaNeeded = Math.max(hqlaNeeded, prep.lcrTarget * liq.netOutflows30d);
    bankLiquidityInto(prep.bank, book, hqlaNeeded, capital.net, liq);
  }
  const hqla = Math.max(capital.hqla, hqlaNeeded - prep.runHole[t]);
  capital.hqla = hqla;
  const carryCost = Math.max(0, hqla - prep.hqlaStart) * prep.hqlaCarry * flowScale;

  const preTax = nii + depositMargin + fees - servicing - managerCost - a.acquisitionCost - fundingCost - carryCost - a.lossCharge;
  // Within the run tax is proportional (a loss earns a tax credit).
  const netProfit = preTax * (1 - market.taxRate);
  const retained = netProfit > 0 ? netProfit * prep.dynamics.profitRetention : netProfit;
  capital.net += retained;
  capital.tier1 += retained;
  capital.cet1 += retained;
  bankLiquidityInto(prep.bank, book, hqla, capital.net, liq); // retained profit funds the book too: less wholesale funding
  const rwa = corporateRwa(prep.bank, rwaLoans, rwaStandardized) + a.nplNet * prep.nplRiskWeight + prep.bank.otherRwa;

  out[o + SERIES_INDEX.netProfit] = netProfit;
  out[o + SERIES_INDEX.netInterestIncome] = nii;
  out[o + SERIES_INDEX.nim] = ratio(nii / flowScale, book.loans);
  out[o + SERIES_INDEX.expectedLoss] = a.expectedLoss;
  out[o + SERIES_INDEX.realisedLoss] = a.realisedLoss;
  out[o + SERIES_INDEX.nplRatio] = ratio(a.nplGross, book.loans + a.nplGross);
  out[o + SERIES_INDEX.capitalAdequacyRatio] = ratio(capital.net, rwa);
  out[o + SERIES_INDEX.tier1Ratio] = ratio(capital.tier1, rwa);
  out[o + SERIES_INDEX.cet1Ratio] = ratio(capital.cet1, rwa);
  out[o + SERIES_INDEX.lcr] = liq.lcr;
  out[o + SERIES_INDEX.nsfr] = liq.nsfr;
  out[o + SERIES_INDEX.totalLoans] = book.loans;
  out[o + SERIES_INDEX.corporateDeposits] = book.deposits;
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
