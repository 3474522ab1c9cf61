/**
 * The economics of a client segment: the one home of every formula that turns a scenario's inputs
 * into a segment's price, volume, credit risk, capital, funding and liquidity terms (docs/model.md
 * §1, §3, §4, §6). `evaluate()`, the mix-design grid, the simulation, the book of exposures, the
 * glass box and the lessons all call these functions; none keeps a formula of its own.
 *
 * The one-year view is the steady state of the bank the simulation runs: the price a segment asks
 * decides how much of its demand it keeps and which borrowers it attracts; the volume it holds
 * against its franchise decides the quality and price of the marginal loan; its clients leave at
 * the rate their products imply and must be replaced at a cost.
 */
import { CHINA_STANDARDIZED_WEIGHTS, baselCorrelation, flooredRwa, irbRiskWeight, turnoverEurMillions } from './capital';
import { normalCdf } from './normal';
import { EC_CONFIDENCE, LCR_FACTORS, NSFR_FACTORS } from './regulation';
import { TENOR_BUCKETS, TENOR_MIDPOINT_YEARS, type Bank, type Scenario, type Segment, type TenorProfile } from './scenario';
import { resolveDynamics } from './simulate/dynamics';
import { vasicekLossQuantile } from './vasicek';

/** PD floor of the Basel correlation and IRB formulas: 0.05% (Basel III, China 2023). */
export const PD_FLOOR = 0.0005;

// ———————————————————————————————————————————— market rates ————————————————————————————————————————————

/** The rates in force after an LPR change, every one moved by its pass-through. */
export interface MarketRates {
  /** 1-year LPR, decimal. */
  lpr: number;
  /** Loan FTP by tenor bucket. */
  ftpLoans: TenorProfile;
  /** FTP credit for deposits. */
  ftpDepositCredit: number;
  /** Interbank / NCD rate that fills the funding gap. */
  wholesaleRate: number;
  /** Change of every deposit rate: depositPassThrough × the LPR change. */
  depositRateShift: number;
}

/**
 * Market rates after the LPR moves by `lprChange` (default: the scenario's stress shock). Loans
 * reprice one for one on their LPR reset; transfer prices and the wholesale rate follow by
 * `market.ftpPassThrough`, deposit rates by `simulation.depositPassThrough` (since 2019 deposit
 * rates fell by about half as much as the LPR [A]).
 * @example marketRates(demoScenario, -0.005).lpr // 0.025
 */
export function marketRates(scenario: Scenario, lprChange = scenario.stress.lprShock): MarketRates {
  const m = scenario.market;
  const moved = m.ftpPassThrough * lprChange;
  const ftpLoans = { ...m.ftpLoans };
  for (const b of TENOR_BUCKETS) ftpLoans[b] = Math.max(0, m.ftpLoans[b] + moved);
  return {
    lpr: m.lpr1y + lprChange,
    ftpLoans,
    ftpDepositCredit: Math.max(0, m.ftpDepositCredit + moved),
    wholesaleRate: Math.max(0, m.wholesaleRate + moved),
    depositRateShift: resolveDynamics(scenario).depositPassThrough * lprChange,
  };
}

/** Tenor-weighted average of a per-bucket table. */
export function tenorWeighted(profile: TenorProfile, rates: TenorProfile): number {
  let total = 0;
  for (const b of TENOR_BUCKETS) total += profile[b] * rates[b];
  return total;
}

/** Effective maturity M of a segment for IRB: tenor-weighted bucket mid-points, in [1, 5] years (Basel II ¶320). */
export function effectiveMaturity(segment: Segment): number {
  return Math.min(5, Math.max(1, tenorWeighted(segment.tenor, TENOR_MIDPOINT_YEARS)));
}

// ———————————————————————————————————————————— pricing ————————————————————————————————————————————

/**
 * Loan rate of a spread over LPR: LPR + spread/10⁴ (加点, the pricing convention since the 2019 LPR reform).
 * @example loanRate(0.03, 60) // 0.036
 */
export function loanRate(lpr: number, spreadBp: number): number {
  return lpr + spreadBp / 1e4;
}

/**
 * The 2007 source's convention: a float over the benchmark (上浮/下浮), here spread / LPR.
 * @example equivalentFloat(60, 0.03) // 0.2, 上浮20%
 */
export function equivalentFloat(spreadBp: number, lpr: number): number {
  return lpr > 0 ? spreadBp / 1e4 / lpr : 0;
}

/**
 * Share of a segment's demand kept at a spread `gapBp` above the market's: exp(−ε·max(0, Δbp)/10)
 * (docs/reference-model.md §1); nothing is gained below the market (the mix, not the price, sets the volume).
 * @example demandKept(0.05, 40) // ≈ 0.819
 */
export function demandKept(elasticity: number, gapBp: number): number {
  return Math.exp((-elasticity * Math.max(0, gapBp)) / 10);
}

/**
 * PD multiplier of borrowers who accept a price `gapBp` above the market (adverse selection):
 * 1 + slope·max(0, Δbp)/10 (docs/reference-model.md §1).
 * @example adverseSelection(0.02, 40) // 1.08
 */
export function adverseSelection(slope: number, gapBp: number): number {
  return 1 + (slope * Math.max(0, gapBp)) / 10;
}

/** The response of a segment's clients to its price. */
export interface PricingResponse {
  /** Spread above the market's, bp (negative: below the market). */
  gapBp: number;
  demandKept: number;
  pdMultiplier: number;
}

/** The pricing response of a segment, or none when the book is held fixed. */
export function pricingResponse(segment: Segment, isBookHeldFixed = false): PricingResponse {
  const gapBp = segment.spreadBp - segment.marketSpreadBp;
  if (isBookHeldFixed) return { gapBp, demandKept: 1, pdMultiplier: 1 };
  return { gapBp, demandKept: demandKept(segment.demandElasticity, gapBp), pdMultiplier: adverseSelection(segment.adverseSelectionSlope, gapBp) };
}

// ———————————————————————————————————————————— franchise ————————————————————————————————————————————

/** What a segment's volume beyond its franchise costs, averaged over the segment's loans. */
export interface FranchiseEffect {
  /** Volume beyond the franchise, as a share of the corporate book. */
  excess: number;
  /** Average PD multiplier of the segment's loans. */
  pdMultiplier: number;
  /** Average spread given up, bp. */
  spreadConcessionBp: number;
}

/**
 * The franchise of a segment (its natural share f of the corporate book): the marginal loan at a
 * volume v > f carries PD × (1 + a·(v − f)/f) and a spread lower by b·(v − f)/f bp, so averaged over
 * a segment holding x > f the multiplier is 1 + a·(x − f)²/(2·f·x) and the concession b·(x − f)²/(2·f·x).
 * Why: a bank growing a client tier far beyond its natural market reaches borrowers the
 * incumbents turned down, or takes them from competitors on price (docs/model.md, "What drives each trade-off").
 * @example franchiseEffect({ franchiseShare: 0.3, franchisePdSlope: 2, franchiseSpreadSlopeBp: 30 }, 0.45).pdMultiplier // ≈ 1.167
 */
export function franchiseEffect(
  segment: Pick<Segment, 'franchiseShare' | 'franchisePdSlope' | 'franchiseSpreadSlopeBp'>,
  shareOfBook: number,
): FranchiseEffect {
  const f = Math.max(0.01, segment.franchiseShare);
  const excess = Math.max(0, shareOfBook - f);
  if (excess <= 0 || shareOfBook <= 0) return { excess: 0, pdMultiplier: 1, spreadConcessionBp: 0 };
  const average = (excess * excess) / (2 * f * shareOfBook);
  return { excess, pdMultiplier: 1 + segment.franchisePdSlope * average, spreadConcessionBp: segment.franchiseSpreadSlopeBp * average };
}

// ———————————————————————————————————————————— retention ————————————————————————————————————————————

/**
 * Yearly attrition of a client holding `products` products: the curve (entry k for k+1 products)
 * interpolated linearly, flat beyond its ends. The source's figures: one product ≈ 1/2 leave within
 * a year, two ≈ 1/3, three or more ≈ 10% (a consultancy finding it cites).
 * @example attritionRate([0.5, 1/3, 0.1], 1.5) // 0.41667
 */
export function attritionRate(curve: readonly number[], products: number): number {
  if (curve.length === 0) return 0;
  const x = products - 1;
  if (x <= 0) return curve[0];
  if (x >= curve.length - 1) return curve[curve.length - 1];
  const i = Math.floor(x);
  return curve[i] + (x - i) * (curve[i + 1] - curve[i]);
}

/**
 * Clients a segment of `loans` holds: loans / average exposure, at least one when it lends at all.
 * @example clientsFor(120e8, 6e6) // 2000
 */
export function clientsFor(loans: number, avgExposure: number): number {
  if (loans <= 0 || avgExposure <= 0) return 0;
  return Math.max(1, Math.round(loans / avgExposure));
}

/**
 * Client managers a segment needs: ceil(clients / clients per manager).
 * @example managersNeeded(2000, 80) // 25
 */
export function managersNeeded(clients: number, clientsPerManager: number): number {
  return clients > 0 ? Math.ceil(clients / Math.max(1, clientsPerManager) - 1e-9) : 0;
}

// ———————————————————————————————————————————— capital ————————————————————————————————————————————

/**
 * Share of a segment's loans held by obligors above `cap`, for lognormal sizes with mean E and
 * sigma σ: the loan-weighted tail Φ((μ + σ² − ln cap)/σ), μ = ln E − σ²/2.
 * @example shareAboveCap(6e6, 0.6, 1e7) // ≈ 0.29
 */
export function shareAboveCap(avgExposure: number, sigma: number, cap: number | null): number {
  if (cap === null || avgExposure <= 0) return 0;
  if (sigma <= 0) return avgExposure > cap ? 1 : 0;
  const mu = Math.log(avgExposure) - (sigma * sigma) / 2;
  return normalCdf((mu + sigma * sigma - Math.log(cap)) / sigma);
}

/**
 * Standardized weight of a segment: its weight, except that loans to obligors above the
 * small-and-micro cap (1,000万 under NFRA 2023) take the SME weight of 85%.
 */
export function standardizedWeight(segment: Segment): number {
  const above = shareAboveCap(segment.avgExposure, segment.sizeSigma, segment.smallMicroCap);
  return (1 - above) * segment.riskWeight + above * Math.max(segment.riskWeight, CHINA_STANDARDIZED_WEIGHTS.sme);
}

/** The segment's asset correlation at PD `pd`: its override, or the Basel formula with its turnover. */
export function segmentCorrelation(segment: Segment, pd: number): number {
  return segment.correlation ?? baselCorrelation(Math.max(pd, PD_FLOOR), turnoverEurMillions(segment.turnover));
}

// ———————————————————————————————————————————— the terms of a segment ————————————————————————————————————————————

/** Per-yuan and per-client terms of one segment at its steady-state volume. */
export interface SegmentTerms {
  key: string;
  name: { zh: string; en: string };
  /** Share as set (the mix lever). */
  share: number;
  pricing: PricingResponse;
  franchise: FranchiseEffect;
  /** Loans booked at steady state: share·L·demand kept. */
  loans: number;
  clients: number;
  /** PD under the stress's multiplier only. */
  stressedPd: number;
  /** PD of the segment's loans: stressed × adverse selection × franchise. */
  pd: number;
  lgd: number;
  correlation: number;
  /** Spread earned after the franchise concession, bp. */
  spreadBp: number;
  rate: number;
  ftpRate: number;
  depositsPerLoan: number;
  /** Deposits the run takes per yuan of loans (paid out of HQLA). */
  runOffPerLoan: number;
  depositRate: number;
  /** FTP credit − deposit rate. */
  depositMarginRate: number;
  /** Wholesale rate − FTP credit: what a yuan of the funding gap costs beyond its transfer price. */
  fundingPremium: number;
  feePerClient: number;
  servicingCostPerClient: number;
  clientsPerManager: number;
  attrition: number;
  acquisitionCostPerClient: number;
  riskWeightStandardized: number;
  /** IRB weight at the segment's PD (0 under the standardized approach, where it is not used). */
  riskWeightIrb: number;
  /** EC per yuan of an infinitely granular segment: Vasicek VaR₉₉.₉ − PD·LGD. */
  ecRate: number;
  /** LCR 30-day run-off of the segment's deposits. */
  depositOutflow: number;
  /** NSFR ASF factor of the segment's deposits. */
  depositAsf: number;
  /** NSFR RSF factor of the segment's performing loans. */
  loanRsf: number;
  /** Loans due within 30 days per yuan (before the 50% inflow factor). */
  loanDue30d: number;
  undrawnPerLoan: number;
}

export interface SegmentTermsOptions {
  /** The share of the segment as set (default: the scenario's): the design grid moves it. */
  share?: number;
  /** Price without a client response (demand and PD unchanged): the glass box's comparison. */
  isBookHeldFixed?: boolean;
}

/**
 * The terms of segment `index` of a scenario at its steady state (docs/reference-model.md §3).
 * @example segmentTerms(demoScenario, 2).rate // 0.036: LPR 3.00% + 60 bp
 */
export function segmentTerms(scenario: Scenario, index: number, rates: MarketRates = marketRates(scenario), options: SegmentTermsOptions = {}): SegmentTerms {
  const seg = scenario.segments[index];
  const { bank, stress, settings } = scenario;
  const share = options.share ?? seg.share;
  const L = bank.corporateLoans;
  const pricing = pricingResponse(seg, options.isBookHeldFixed);
  const loans = share * L * pricing.demandKept;
  // The franchise is measured on the share the bank reaches for, not on what its price keeps:
  // reaching further into a tier finds marginal borrowers however many of them accept the price
  // (otherwise pricing clients away would be a free way back inside the franchise).
  const franchise = franchiseEffect(seg, share);
  const stressedPd = Math.min(1, seg.pd * (stress.pdMultiplier[seg.key] ?? 1));
  const pd = Math.min(1, stressedPd * pricing.pdMultiplier * franchise.pdMultiplier);
  const correlation = segmentCorrelation(seg, pd);
  const spreadBp = seg.spreadBp - franchise.spreadConcessionBp;
  const depositRate = Math.max(0, seg.depositRate + rates.depositRateShift);
  const isSmallBusiness = seg.depositClass === 'smallBusiness';
  const under1y = seg.tenor.upTo3m + seg.tenor.m3to12;
  const riskWeightStandardized = standardizedWeight(seg);
  const longRsf = riskWeightStandardized <= 0.35 ? NSFR_FACTORS.loanOver1yLowRw : NSFR_FACTORS.loanOver1yOther;
  return {
    key: seg.key,
    name: seg.name,
    share,
    pricing,
    franchise,
    loans,
    clients: clientsFor(loans, seg.avgExposure),
    stressedPd,
    pd,
    lgd: seg.lgd,
    correlation,
    spreadBp,
    rate: loanRate(rates.lpr, spreadBp),
    ftpRate: tenorWeighted(seg.tenor, rates.ftpLoans),
    depositsPerLoan: seg.depositsPerLoan * (1 - stress.depositRunOff),
    runOffPerLoan: seg.depositsPerLoan * stress.depositRunOff,
    depositRate,
    depositMarginRate: rates.ftpDepositCredit - depositRate,
    fundingPremium: rates.wholesaleRate - rates.ftpDepositCredit,
    feePerClient: seg.feePerClient,
    servicingCostPerClient: seg.servicingCostPerClient,
    clientsPerManager: seg.clientsPerManager,
    attrition: attritionRate(resolveDynamics(scenario).attritionCurve, seg.productsPerClient),
    acquisitionCostPerClient: seg.acquisitionCostPerClient,
    riskWeightStandardized,
    riskWeightIrb:
      settings.capitalApproach === 'irb'
        ? irbRiskWeight({
            pd,
            lgd: seg.lgd,
            maturityYears: effectiveMaturity(seg),
            turnoverEurMillions: turnoverEurMillions(seg.turnover),
            scalingFactor: settings.irbScalingFactor,
          })
        : 0,
    ecRate: vasicekLossQuantile({ pd, rho: correlation, lgd: seg.lgd, q: EC_CONFIDENCE }) - pd * seg.lgd,
    depositOutflow: isSmallBusiness
      ? LCR_FACTORS.smallBusiness
      : seg.operationalShare * LCR_FACTORS.operational + (1 - seg.operationalShare) * LCR_FACTORS.nonOperationalCorporate,
    depositAsf: isSmallBusiness ? NSFR_FACTORS.smallBusiness : NSFR_FACTORS.corporate,
    loanRsf: under1y * NSFR_FACTORS.loanUnder1y + (1 - under1y) * longRsf,
    loanDue30d: seg.tenor.upTo3m * LCR_FACTORS.dueWithin30dOfUpTo3m,
    undrawnPerLoan: seg.undrawnPerLoan,
  };
}

/** The terms of every segment of a scenario. */
export function scenarioTerms(scenario: Scenario, options: Omit<SegmentTermsOptions, 'share'> = {}): SegmentTerms[] {
  const rates = marketRates(scenario);
  return scenario.segments.map((_, i) => segmentTerms(scenario, i, rates, options));
}

// ———————————————————————————————————————————— a segment's year ————————————————————————————————————————————

/** One year of a segment: its contribution to profit, capital and liquidity (docs/reference-model.md §3). */
export interface SegmentFlows {
  loans: number;
  clients: number;
  deposits: number;
  /** NII = L·(r − FTP). */
  netInterestIncome: number;
  /** D·(FTP credit − deposit rate). */
  depositMargin: number;
  feeIncome: number;
  servicingCost: number;
  managersNeeded: number;
  managerCost: number;
  /** Clients replaced each year: attrition × clients. */
  replacements: number;
  /** replacements × acquisition cost. */
  acquisitionCost: number;
  /** servicing + managers + acquisition. */
  operatingCost: number;
  /** (L − D)·(wholesale rate − FTP credit): the segment's share of the funding gap, at the market's price. */
  fundingCost: number;
  expectedLoss: number;
  preTaxProfit: number;
  rwaStandardized: number;
  rwaIrb: number;
  /** Granular EC: L·(VaR₉₉.₉ per yuan − PD·LGD). */
  economicCapital: number;
  /** 30-day outflows: deposits × run-off + undrawn commitments × 10%. */
  outflows30d: number;
  loansDue30d: number;
  availableStableFunding: number;
  requiredStableFunding: number;
}

/**
 * A segment's year at `loans` and `clients` (docs/reference-model.md §3):
 * Π_s = L·(r − FTP) + D·(FTPdep − rdep) + n·fee − n·cost − managers·c_m − a·n·acq − (L − D)·(w − FTPdep) − L·PD·LGD.
 * @example segmentFlows(segmentTerms(demoScenario, 2), 40e4).preTaxProfit
 */
export function segmentFlows(t: SegmentTerms, managerCost: number, loans = t.loans, clients = t.clients): SegmentFlows {
  const deposits = t.depositsPerLoan * loans;
  const netInterestIncome = loans * (t.rate - t.ftpRate);
  const depositMargin = deposits * t.depositMarginRate;
  const feeIncome = clients * t.feePerClient;
  const servicingCost = clients * t.servicingCostPerClient;
  const managers = managersNeeded(clients, t.clientsPerManager);
  const managersCost = managers * managerCost;
  const replacements = t.attrition * clients;
  const acquisitionCost = replacements * t.acquisitionCostPerClient;
  const operatingCost = servicingCost + managersCost + acquisitionCost;
  const fundingCost = (loans - deposits) * t.fundingPremium;
  const expectedLoss = loans * t.pd * t.lgd;
  const undrawn = loans * t.undrawnPerLoan;
  return {
    loans,
    clients,
    deposits,
    netInterestIncome,
    depositMargin,
    feeIncome,
    servicingCost,
    managersNeeded: managers,
    managerCost: managersCost,
    replacements,
    acquisitionCost,
    operatingCost,
    fundingCost,
    expectedLoss,
    preTaxProfit: netInterestIncome + depositMargin + feeIncome - operatingCost - fundingCost - expectedLoss,
    rwaStandardized: loans * t.riskWeightStandardized,
    rwaIrb: loans * t.riskWeightIrb,
    economicCapital: loans * t.ecRate,
    outflows30d: deposits * t.depositOutflow + undrawn * LCR_FACTORS.undrawnCreditFacility,
    loansDue30d: loans * t.loanDue30d,
    availableStableFunding: deposits * t.depositAsf,
    requiredStableFunding: loans * t.loanRsf + undrawn * NSFR_FACTORS.undrawnCommitments,
  };
}

// ———————————————————————————————————————————— the bank around the book ————————————————————————————————————————————

/** The rest of the balance sheet, held fixed, as the liquidity and capital formulas need it (HQLA before a run). */
export interface BankTerms extends Pick<
  Bank,
  'netCapital' | 'tier1Capital' | 'cet1Capital' | 'otherRwa' | 'hqla' | 'retailDeposits' | 'retailLoans' | 'otherAssets' | 'otherLiabilities'
> {
  /** Retail deposits' LCR outflow and NSFR ASF. */
  retailOutflow: number;
  retailAsf: number;
  /** RSF of retail loans and other assets. */
  fixedRsf: number;
  /** LCR outflow per yuan of wholesale funding: the share due within 30 days × 100%. */
  wholesaleOutflow: number;
  /** NSFR ASF per yuan of wholesale funding. */
  wholesaleAsf: number;
  approach: 'standardized' | 'irb';
  outputFloor: number;
}

export function bankTerms(scenario: Scenario): BankTerms {
  const { bank, settings } = scenario;
  const stable = bank.retailStableShare;
  return {
    ...bank,
    retailOutflow: bank.retailDeposits * (stable * LCR_FACTORS.retailStable + (1 - stable) * LCR_FACTORS.retailLessStable),
    retailAsf: bank.retailDeposits * (stable * NSFR_FACTORS.retailStable + (1 - stable) * NSFR_FACTORS.retailLessStable),
    fixedRsf: bank.retailLoans * NSFR_FACTORS.retailLoans + bank.otherAssets * NSFR_FACTORS.otherAssets,
    wholesaleOutflow: bank.wholesaleShareUnder30d * LCR_FACTORS.wholesaleDue,
    wholesaleAsf: bank.wholesaleShareOver1y * NSFR_FACTORS.wholesaleOver1y + (1 - bank.wholesaleShareOver1y) * NSFR_FACTORS.wholesaleUnder1y,
    approach: settings.capitalApproach,
    outputFloor: settings.outputFloor,
  };
}

/** The corporate book's totals that the bank-level liquidity needs. */
export interface BookLiquidityTotals {
  loans: number;
  deposits: number;
  /** Σ segments' 30-day outflows (deposits and undrawn commitments). */
  outflows30d: number;
  loansDue30d: number;
  availableStableFunding: number;
  requiredStableFunding: number;
  /** NPLs net of provisions (on the balance sheet, RSF 100%); 0 in the one-year view. */
  nplNet: number;
}

export interface BankLiquidity {
  hqla: number;
  totalAssets: number;
  /** The funding gap filled with wholesale funding (docs/reference-model.md §6). */
  wholesaleFunding: number;
  outflows30d: number;
  inflows30d: number;
  netOutflows30d: number;
  lcr: number;
  availableStableFunding: number;
  requiredStableFunding: number;
  nsfr: number;
}

/** Safe division: 0 where the denominator is 0, so no NaN reaches the screen. */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * The bank's LCR and NSFR with the corporate book in it (docs/reference-model.md §6; BCBS 238 and 295):
 * wholesale W = assets − deposits − other liabilities − capital; LCR = HQLA / (outflows −
 * min(inflows, 75% of outflows)); NSFR = ASF / RSF.
 * @example bankLiquidity(bankTerms(demoScenario), book, hqla, netCapital).lcr
 */
export function bankLiquidity(b: BankTerms, book: BookLiquidityTotals, hqla: number, capital: number): BankLiquidity {
  return bankLiquidityInto(b, book, hqla, capital, createBankLiquidity());
}

/**
 * A zeroed BankLiquidity, the scratch bankLiquidityInto writes into.
 * @example const scratch = createBankLiquidity(); // reuse for every step
 */
export function createBankLiquidity(): BankLiquidity {
  return {
    hqla: 0,
    totalAssets: 0,
    wholesaleFunding: 0,
    outflows30d: 0,
    inflows30d: 0,
    netOutflows30d: 0,
    lcr: 0,
    availableStableFunding: 0,
    requiredStableFunding: 0,
    nsfr: 0,
  };
}

/**
 * bankLiquidity written into `out` (returned), for loops that must not allocate (the Monte
 * Carlo's accounting, a few times per path and step).
 * @example const liq = bankLiquidityInto(bank, book, hqla, capital, scratch); liq === scratch // true
 */
export function bankLiquidityInto(b: BankTerms, book: BookLiquidityTotals, hqla: number, capital: number, out: BankLiquidity): BankLiquidity {
  const totalAssets = book.loans + book.nplNet + b.retailLoans + hqla + b.otherAssets;
  const wholesaleFunding = Math.max(0, totalAssets - book.deposits - b.retailDeposits - b.otherLiabilities - capital);
  const outflows30d = b.retailOutflow + wholesaleFunding * b.wholesaleOutflow + book.outflows30d;
  const inflows30d = Math.min(book.loansDue30d * LCR_FACTORS.loanInflow, outflows30d * LCR_FACTORS.inflowCap);
  const netOutflows30d = outflows30d - inflows30d;
  const availableStableFunding = capital * NSFR_FACTORS.capital + wholesaleFunding * b.wholesaleAsf + b.retailAsf + book.availableStableFunding;
  const requiredStableFunding = b.fixedRsf + hqla * NSFR_FACTORS.hqla + book.nplNet * NSFR_FACTORS.npl + book.requiredStableFunding;
  out.hqla = hqla;
  out.totalAssets = totalAssets;
  out.wholesaleFunding = wholesaleFunding;
  out.outflows30d = outflows30d;
  out.inflows30d = inflows30d;
  out.netOutflows30d = netOutflows30d;
  out.lcr = ratio(hqla, netOutflows30d);
  out.availableStableFunding = availableStableFunding;
  out.requiredStableFunding = requiredStableFunding;
  out.nsfr = ratio(availableStableFunding, requiredStableFunding);
  return out;
}

/** Corporate RWA of the book under the scenario's approach, IRB floored by the output floor. */
export function corporateRwa(b: BankTerms, rwaIrb: number, rwaStandardized: number): number {
  return flooredRwa(b.approach, rwaIrb, rwaStandardized, b.outputFloor);
}
