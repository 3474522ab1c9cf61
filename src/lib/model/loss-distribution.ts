/**
 * The credit loss distribution of a lumpy book (docs/reference-model.md §5).
 *
 * Model: the one-factor Gaussian copula (Vasicek 1987/2002; the Basel ASRF model). Client i
 * defaults when √ρᵢ·Z + √(1−ρᵢ)·εᵢ < Φ⁻¹(PDᵢ), Z and εᵢ independent N(0,1). Given Z = z the
 * clients are independent with p_i(z) = Φ((Φ⁻¹(PDᵢ) − √ρᵢ·z)/√(1−ρᵢ)), and a default costs
 * EADᵢ·LGDᵢ yuan (LGD deterministic, as in the IRB formula).
 *
 * Method, semi-analytic (the conditional-independence approach of Gordy 2000 and Andersen,
 * Sidenius & Basu 2003, "All your hedges in one basket", Risk):
 *
 * 1. Loss lattice. Every default loss is put on a lattice of step Δ yuan. A loss of u = ℓ/Δ
 *    units that is not an integer is split between ⌊u⌋ and ⌊u⌋+1 with probabilities that keep its
 *    mean (a two-point loss given default), so expected loss is exact on the lattice. Δ is chosen
 *    so the largest name (or, for a small book whose losses are commensurable, every name) sits
 *    exactly on the lattice: one name is then exact. A large band of identical clients is split
 *    as a whole (its binomial number of defaults times u, one rounding per band) so that the
 *    rounding does not add noise per client: the granular limit stays Vasicek's.
 * 2. Groups. Identical clients (a band with `count` > 1, or rows with the same segment, PD,
 *    correlation and lattice cell) form one group of iid members: its conditional loss is
 *    compound-binomial, exact. The 20 largest single names always stay their own group.
 * 3. Conditioning on Z. A trapezoid rule in a smoothly mapped variable z = g(u): exponentially
 *    convergent for the smooth integrands of EL and variance, with extra nodes where the granular
 *    part of the book moves faster across z than its own conditional spread (otherwise the mixture
 *    over z would ripple). The far bad tail of Z whose conditional loss would not fit the lattice
 *    is kept as one exact off-lattice atom (mass ≤ 1e-4·(1−q), above every reported quantile).
 * 4. Conditional distribution at each node: single names and small groups by exact recursion on
 *    the lattice (Bernoulli convolutions, support tracked), large groups as (1−p+p·b(t))ⁿ in
 *    Fourier space (or their binomial deposit, FFT'd); the node's spectrum is mixed over z with
 *    the quadrature weights and one inverse FFT gives the unconditional distribution.
 * 5. Risk contributions (Euler allocation of expected shortfall; Tasche 1999, "Risk contributions
 *    and performance measurement"; Acerbi & Tasche 2002 for the discrete weighting at VaR):
 *    E[Xⱼ·h(L)] with h = 1 above VaR, θ at VaR, 0 below, so E[h] = 1−q. For a member of group j,
 *    E[Y·h(L) | z] = p·Σᵥ v·b(v)·E[h(L⁽⁻¹⁾+v) | z], where L⁽⁻¹⁾ is the book without that member:
 *    its distribution is the node's distribution deconvolved by one member (a stable forward
 *    recursion when p(z) < ½; Fourier division otherwise; for a band split as a whole, the rest of
 *    the book's own spectrum). The contributions to ES sum to ES; to
 *    economic capital they are scaled, EC_c = (ES_c − EL_c)·EC/Σ(ES_c − EL_c), so they sum
 *    exactly to EC = VaR − EL.
 *
 * Pure: no DOM, no state between calls (FFT plans are memoised), inputs are never mutated.
 */
import { normalCdf, normalPdf, normalQuantile } from './normal';

/** One row of a credit book: a single name (count 1) or a band of `count` identical clients. */
export interface CreditExposure {
  /** Exposure at default of one client, yuan. */
  ead: number;
  /** 1-year probability of default, decimal. */
  pd: number;
  /** Loss given default, decimal (loss per yuan of EAD when the client defaults). */
  lgd: number;
  /** Asset correlation with the systematic factor, in [0, 1). */
  rho: number;
  /** Number of identical clients in the band; 1 (default) is a single name. */
  count?: number;
  /** Client (or band) identifier, used to label the largest names. */
  id?: string;
  /** Segment key (`large`, `mid`, `small` …); rows without one form the segment ''. */
  segment?: string;
  /** Group of connected clients (集团客户), for the group concentration limit; ignored by the distribution. */
  group?: string;
}

export interface LossDistributionOptions {
  /** Confidence levels of VaR and ES, e.g. [0.99, 0.999]. Default [0.99, 0.995, 0.999] (docs/reference-model.md §5). */
  quantiles?: number[];
  /** Confidence level of economic capital EC = VaR − EL and of the contributions. Default 0.999 (docs/reference-model.md §3). */
  ecConfidence?: number;
  /** How many of the largest single names get their own contribution. Default 20. */
  topNames?: number;
  /** Lattice resolution: about this many lattice steps below the estimated VaR. Default 400. */
  stepsPerVaR?: number;
  /** Force the number of lattice points (a power of two, 256…2¹⁸). Default: from `stepsPerVaR`. */
  latticePoints?: number;
  /** Base quadrature density, nodes per unit of Z. Default: 2 (more for high correlations). */
  nodesPerUnit?: number;
  /**
   * Nodes per conditional standard deviation (in Z) of the granular part: the ripple criterion, see
   * docs/loss-distribution.md. Default 0.35; 0 disables the refinement.
   */
  ripplePrecision?: number;
  /**
   * Relative tolerance within which rows of a segment with slightly different PD, correlation or
   * (above 1/tolerance lattice steps) size are merged into one group of iid members. Members in
   * the same lattice cell always share a group. Default 1/128; 0 merges only exact matches.
   */
  mergeTolerance?: number;
  /** Points of the downsampled density for charts. Default 240. */
  plotPoints?: number;
  /** Byte budget for keeping each node's spectrum between the two passes (else recomputed). Default 16 MB. */
  spectrumCacheBytes?: number;
}

/** A part of the book (a segment or one name) and its share of risk. */
export interface RiskContribution {
  /** Segment key, or the client's id. */
  key: string;
  /** Segment of the part. */
  segment: string;
  /** Number of clients. */
  clients: number;
  /** Exposure at default, yuan. */
  ead: number;
  /** Expected loss, yuan. */
  expectedLoss: number;
  /** E[loss of the part · h(L)]/(1−q): the part's share of expected shortfall at `ecConfidence`, yuan. */
  expectedShortfallContribution: number;
  /** Euler contribution to economic capital, yuan (segments sum exactly to EC). */
  economicCapital: number;
  /** economicCapital / total EC. */
  shareOfEconomicCapital: number;
}

/** The infinitely granular (Vasicek/ASRF) closed form of one segment. */
export interface GranularSegment {
  segment: string;
  ead: number;
  expectedLoss: number;
  /** Σ EAD·LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(q))/√(1−ρ)) at q = ecConfidence, yuan. */
  valueAtRisk: number;
  /** valueAtRisk − expectedLoss, yuan. */
  economicCapital: number;
}

export interface LossDistribution {
  /** Σ count·EAD·PD·LGD, yuan (exact). */
  expectedLoss: number;
  /** Standard deviation of the loss, yuan (exact up to the quadrature, not the lattice). */
  standardDeviation: number;
  /** The confidence levels asked for, in the order given. */
  quantileLevels: number[];
  /** VaR at each level (left-continuous quantile of the lattice distribution), yuan. */
  quantiles: number[];
  /** Expected shortfall at each level (Acerbi–Tasche, exact for discrete distributions), yuan. */
  expectedShortfalls: number[];
  /** The level of EC and contributions. */
  ecConfidence: number;
  /** VaR at ecConfidence, yuan. */
  valueAtRisk: number;
  /** ES at ecConfidence, yuan. */
  expectedShortfall: number;
  /** EC = VaR − EL at ecConfidence, yuan. */
  economicCapital: number;
  /** Economic capital minus its granular closed form: the price of lumpiness, yuan. */
  granularityAddOn: number;
  /** The loss distribution on the lattice: P(L = k·lossStep) for k = 0…, plus the far-tail atom. */
  grid: {
    lossStep: number;
    probabilities: Float64Array;
    /** Mass of the far bad tail of Z kept off the lattice (above every lattice point). */
    beyondGridProbability: number;
    /** Its mean loss, yuan. */
    beyondGridMeanLoss: number;
  };
  /** Downsampled distribution for charts; density per yuan, exceedance P(L > x). */
  plot: {
    loss: Float64Array;
    density: Float64Array;
    exceedance: Float64Array;
    /** The infinitely granular book (same PDs, correlations, LGDs and EADs) at the same losses. */
    granularDensity: Float64Array;
    granularExceedance: Float64Array;
  };
  /** Euler contributions at ecConfidence. */
  contributions: {
    bySegment: RiskContribution[];
    /** The largest single names (count 1) by EAD, largest first. */
    topNames: RiskContribution[];
  };
  /** The infinitely granular closed form, per segment and in total (docs/reference-model.md §5, ASRF). */
  granular: {
    expectedLoss: number;
    /** VaR at each requested level: Σ EAD·LGD·p(Φ⁻¹(1−q)), yuan. */
    quantiles: number[];
    /** ES at each requested level, yuan. */
    expectedShortfalls: number[];
    valueAtRisk: number;
    economicCapital: number;
    bySegment: GranularSegment[];
  };
  /** How the figures were computed, for the glass-box view and the error budget. */
  diagnostics: {
    latticePoints: number;
    quadratureNodes: number;
    /** Nodes whose conditional distribution went into the far-tail atom. */
    atomNodes: number;
    groups: number;
    fourierGroups: number;
    /** Mean of the lattice distribution (plus the atom): equals expectedLoss up to rounding. */
    latticeMean: number;
    /** |Σ contributions − E[L·h(L)]| / E[L·h(L)]: the two computations agree. */
    contributionResidual: number;
    /** Nodes of the contribution pass that needed the Fourier fallback (p(z) ≥ ½). */
    fourierFallbacks: number;
  };
}

/** Default confidence levels (docs/reference-model.md §5: VaR and ES at 99%, 99.5% and 99.9%). */
export const DEFAULT_LOSS_QUANTILES: readonly number[] = [0.99, 0.995, 0.999];

const DEFAULTS = {
  ecConfidence: 0.999, // docs/reference-model.md §3: EC = VaR₉₉.₉ − EL
  topNames: 20,
  stepsPerVaR: 400,
  ripplePrecision: 0.35,
  mergeTolerance: 1 / 128,
  plotPoints: 240,
  spectrumCacheBytes: 16 * 2 ** 20,
} as const;

/** Z beyond ±Z_RANGE carries mass < 2e-19: the trapezoid sum is truncated there. */
const Z_RANGE = 9;
/** Probabilities below this are dropped from the ends of a conditional distribution. */
const NEGLIGIBLE = 1e-25;
/** ln(1e16): the Bennett bound of the lattice span is taken at probability 1e-16 per node. */
const SPAN_LOG_EPS = 36.84;
const MIN_POINTS = 256;
const MAX_POINTS = 2 ** 18;

// ————————————————————————————————————————————————————————————— FFT

interface FftPlan {
  n: number;
  cos: Float64Array;
  sin: Float64Array;
  rev: Uint32Array;
  /** Twiddles of the real transform of length 2n: cos, sin of πk/n, k = 0…n. */
  rcos: Float64Array;
  rsin: Float64Array;
}

const plans = new Map<number, FftPlan>();

/** Radix-2 plan for complex transforms of length n (and real ones of length 2n), memoised. */
function fftPlan(n: number): FftPlan {
  const hit = plans.get(n);
  if (hit) return hit;
  const half = n >> 1;
  const cos = new Float64Array(Math.max(1, half));
  const sin = new Float64Array(Math.max(1, half));
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = Math.sin((2 * Math.PI * k) / n);
  }
  const rev = new Uint32Array(n);
  let bits = 0;
  while (1 << bits < n) bits++;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    rev[i] = r;
  }
  const rcos = new Float64Array(n + 1);
  const rsin = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    rcos[k] = Math.cos((Math.PI * k) / n);
    rsin[k] = Math.sin((Math.PI * k) / n);
  }
  const plan = { n, cos, sin, rev, rcos, rsin };
  if (plans.size > 16) plans.clear();
  plans.set(n, plan);
  return plan;
}

/** In-place complex FFT, X[k] = Σ x[j]·e^(∓2πijk/n) (sign − forward, + inverse; unnormalised). */
function fftComplex(plan: FftPlan, re: Float64Array, im: Float64Array, inverse: boolean): void {
  const { n, cos, sin, rev } = plan;
  for (let i = 0; i < n; i++) {
    const j = rev[i];
    if (j > i) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const halfSize = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0, tw = 0; k < halfSize; k++, tw += step) {
        const wr = cos[tw];
        const wi = sign * sin[tw];
        const a = start + k;
        const b = a + halfSize;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/**
 * Real FFT of x (length M = 2n) into the half spectrum X[0…n] (X[k] = Σ x[j]·e^(−2πijk/M)), by one
 * complex FFT of length n on z[j] = x[2j] + i·x[2j+1] and the even/odd split.
 */
function realFft(plan: FftPlan, x: Float64Array, outRe: Float64Array, outIm: Float64Array, wr: Float64Array, wi: Float64Array): void {
  const n = plan.n;
  for (let j = 0; j < n; j++) {
    wr[j] = x[2 * j];
    wi[j] = x[2 * j + 1];
  }
  fftComplex(plan, wr, wi, false);
  const { rcos, rsin } = plan;
  for (let k = 0; k <= n; k++) {
    const ka = k === n ? 0 : k;
    const kb = k === 0 ? 0 : n - k;
    const ar = wr[ka];
    const ai = wi[ka];
    const br = wr[kb];
    const bi = wi[kb];
    // E = (Z[k] + conj Z[n−k])/2, O = −i·(Z[k] − conj Z[n−k])/2, X = E + e^(−iπk/n)·O
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai - bi);
    const or = 0.5 * (ai + bi);
    const oi = -0.5 * (ar - br);
    const c = rcos[k];
    const s = rsin[k];
    outRe[k] = er + c * or + s * oi;
    outIm[k] = ei + c * oi - s * or;
  }
}

/** Inverse of realFft: x[j] = (1/M)·Σ X[k]·e^(2πijk/M) from the half spectrum. */
function realIfft(plan: FftPlan, inRe: Float64Array, inIm: Float64Array, x: Float64Array, wr: Float64Array, wi: Float64Array): void {
  const n = plan.n;
  const { rcos, rsin } = plan;
  for (let k = 0; k < n; k++) {
    const ar = inRe[k];
    const ai = inIm[k];
    const br = inRe[n - k];
    const bi = -inIm[n - k];
    // E = (X[k] + conj X[n−k])/2, O = e^(iπk/n)·(X[k] − conj X[n−k])/2, Z = E + i·O
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai + bi);
    const dr = 0.5 * (ar - br);
    const di = 0.5 * (ai - bi);
    const c = rcos[k];
    const s = rsin[k];
    const or = c * dr - s * di;
    const oi = c * di + s * dr;
    wr[k] = er - oi;
    wi[k] = ei + or;
  }
  fftComplex(plan, wr, wi, true);
  const scale = 1 / n;
  for (let j = 0; j < n; j++) {
    x[2 * j] = wr[j] * scale;
    x[2 * j + 1] = wi[j] * scale;
  }
}

// ————————————————————————————————————————————————————————————— book preparation

/** Default probability as a function of Z: clients of one PD and correlation share it. */
interface Curve {
  pd: number;
  rho: number;
  /** Φ⁻¹(PD). */
  threshold: number;
  sqrtRho: number;
  sqrtOneMinusRho: number;
}

/** Clients of one segment, PD and correlation (within the merge tolerance); each top name is its own class. */
interface RiskClass {
  curve: number;
  segment: number;
  count: number;
  /** Σ count·ℓ and Σ count·ℓ², ℓ = EAD·LGD, yuan. */
  lossSum: number;
  lossSquareSum: number;
  maxLoss: number;
  /** Accumulators of Σ count·ℓ·PD and Σ count·ℓ·ρ while the class is built. */
  pdWeight: number;
  rhoWeight: number;
}

/** A group of iid members: each defaults with p(z) of its curve and then loses (lo + i)·Δ with probability weights[i]. */
interface Group {
  curve: number;
  segment: number;
  /** Index into the top names, or −1. */
  name: number;
  count: number;
  lossSum: number;
  lossSquareSum: number;
  lo: number;
  weights: Float64Array;
  /** Mean lattice units of a member's loss given default. */
  meanUnits: number;
  fourier: boolean;
  /**
   * Members all of the same loss, `units` lattice steps, not an integer: the group's loss D·units
   * (D ~ Binomial(count, p)) is split onto the lattice once, not member by member.
   */
  aggregate: boolean;
  units: number;
}

interface Book {
  segmentKeys: string[];
  segmentClients: number[];
  segmentEad: number[];
  segmentExpectedLoss: number[];
  expectedLoss: number;
  curves: Curve[];
  classes: RiskClass[];
  /** Class of each row, −1 for rows without risk (no loss or PD 0). */
  rowClass: Int32Array;
  /** Rows of the top names (count 1), largest EAD first, and their index by row. */
  topRows: number[];
  nameOfRow: Map<number, number>;
  /** Σ of every client's loss given default, yuan: the largest possible loss. */
  maxLoss: number;
  largestLoss: number;
  /** The distinct member losses, when there are at most 64 (else null). */
  distinctLosses: number[] | null;
}

function checkRow(e: CreditExposure, i: number): void {
  let problem = '';
  if (!Number.isFinite(e.ead) || e.ead < 0) problem = 'ead must be a finite number ≥ 0';
  else if (!Number.isFinite(e.pd) || e.pd < 0 || e.pd > 1) problem = 'pd must be in [0, 1]';
  else if (!Number.isFinite(e.lgd) || e.lgd < 0) problem = 'lgd must be a finite number ≥ 0';
  else if (!Number.isFinite(e.rho) || e.rho < 0 || e.rho >= 1) problem = 'rho must be in [0, 1)';
  else if (e.count !== undefined && (!Number.isFinite(e.count) || e.count < 0)) problem = 'count must be a finite number ≥ 0';
  if (problem) throw new RangeError(`lossDistribution: exposure ${i} (${e.id ?? ''}): ${problem}`);
}

function rowCount(e: CreditExposure): number {
  return Math.round(e.count ?? 1);
}

/** Reads the rows once: segment totals, exact EL, risk classes, the largest names. */
function prepareBook(exposures: readonly CreditExposure[], topCount: number, tolerance: number): Book {
  const R = exposures.length;
  const segmentKeys: string[] = [];
  const segmentIndex = new Map<string, number>();
  const segmentClients: number[] = [];
  const segmentEad: number[] = [];
  const segmentExpectedLoss: number[] = [];
  const rowSegment = new Int32Array(R);
  let expectedLoss = 0;
  // The largest single names by EAD, kept sorted while scanning (topCount is small).
  const topRows: number[] = [];
  for (let row = 0; row < R; row++) {
    const e = exposures[row];
    checkRow(e, row);
    const key = e.segment ?? '';
    let s = segmentIndex.get(key);
    if (s === undefined) {
      s = segmentKeys.length;
      segmentIndex.set(key, s);
      segmentKeys.push(key);
      segmentClients.push(0);
      segmentEad.push(0);
      segmentExpectedLoss.push(0);
    }
    rowSegment[row] = s;
    const count = rowCount(e);
    segmentClients[s] += count;
    segmentEad[s] += count * e.ead;
    const el = count * e.ead * e.lgd * e.pd; // EL = Σ EAD·PD·LGD (docs/reference-model.md §3)
    segmentExpectedLoss[s] += el;
    expectedLoss += el;
    if (count === 1 && topCount > 0 && (topRows.length < topCount || e.ead > exposures[topRows[topRows.length - 1]].ead)) {
      let at = topRows.length;
      while (at > 0 && exposures[topRows[at - 1]].ead < e.ead) at--;
      topRows.splice(at, 0, row);
      if (topRows.length > topCount) topRows.pop();
    }
  }
  const nameOfRow = new Map(topRows.map((row, i) => [row, i] as const));

  // Classes keyed segment → PD bucket → ρ bucket (numeric keys: no string per row).
  const pdKey = (pd: number) => (tolerance > 0 ? Math.round(Math.log(pd) / Math.log1p(tolerance)) : pd);
  const rhoKey = (rho: number) => (tolerance > 0 ? Math.round(rho / (0.1 * tolerance)) : rho);
  const classIndex = new Map<number, Map<number, Map<number, number>>>();
  const classes: RiskClass[] = [];
  const rowClass = new Int32Array(R).fill(-1);
  const newClass = (segment: number): number => {
    classes.push({ curve: -1, segment, count: 0, lossSum: 0, lossSquareSum: 0, maxLoss: 0, pdWeight: 0, rhoWeight: 0 });
    return classes.length - 1;
  };
  const distinct = new Set<number>();
  let manyDistinct = false;
  let maxLoss = 0;
  let largestLoss = 0;
  for (let row = 0; row < R; row++) {
    const e = exposures[row];
    const count = rowCount(e);
    const loss = e.ead * e.lgd;
    if (count <= 0 || loss <= 0 || e.pd <= 0) continue;
    const s = rowSegment[row];
    let c: number;
    if (nameOfRow.has(row)) c = newClass(s);
    else {
      let bySegment = classIndex.get(s);
      if (!bySegment) classIndex.set(s, (bySegment = new Map()));
      const pk = pdKey(e.pd);
      let byPd = bySegment.get(pk);
      if (!byPd) bySegment.set(pk, (byPd = new Map()));
      const rk = rhoKey(e.rho);
      let found = byPd.get(rk);
      if (found === undefined) byPd.set(rk, (found = newClass(s)));
      c = found;
    }
    const k = classes[c];
    // A merged class takes the PD weighted by expected loss and ρ weighted by loss, so EL stays exact.
    k.pdWeight += count * loss * e.pd;
    k.rhoWeight += count * loss * e.rho;
    k.count += count;
    k.lossSum += count * loss;
    k.lossSquareSum += count * loss * loss;
    k.maxLoss = Math.max(k.maxLoss, loss);
    rowClass[row] = c;
    maxLoss += count * loss;
    largestLoss = Math.max(largestLoss, loss);
    if (!manyDistinct) {
      distinct.add(loss);
      if (distinct.size > 64) manyDistinct = true;
    }
  }
  const curves: Curve[] = [];
  const curveIndex = new Map<string, number>();
  for (const k of classes) {
    const pd = k.pdWeight / k.lossSum;
    const rho = k.rhoWeight / k.lossSum;
    const key = `${pd}|${rho}`;
    let u = curveIndex.get(key);
    if (u === undefined) {
      u = curves.length;
      curveIndex.set(key, u);
      curves.push({ pd, rho, threshold: normalQuantile(pd), sqrtRho: Math.sqrt(rho), sqrtOneMinusRho: Math.sqrt(1 - rho) });
    }
    k.curve = u;
  }
  return {
    segmentKeys,
    segmentClients,
    segmentEad,
    segmentExpectedLoss,
    expectedLoss,
    curves,
    classes,
    rowClass,
    topRows,
    nameOfRow,
    maxLoss,
    largestLoss,
    distinctLosses: manyDistinct ? null : [...distinct],
  };
}

/** Conditional default probability at z, p(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)) (docs/reference-model.md §5). */
function conditionalPd(c: Curve, z: number): number {
  if (c.pd <= 0) return 0;
  if (c.pd >= 1) return 1;
  return normalCdf((c.threshold - c.sqrtRho * z) / c.sqrtOneMinusRho);
}

/** dp/dz = −φ(·)·√ρ/√(1−ρ): the magnitude. */
function conditionalPdSlope(c: Curve, z: number): number {
  if (c.pd <= 0 || c.pd >= 1) return 0;
  return normalPdf((c.threshold - c.sqrtRho * z) / c.sqrtOneMinusRho) * (c.sqrtRho / c.sqrtOneMinusRho);
}

/** Conditional mean and variance of the loss given z, and the largest loss that can occur (classes as iid members). */
function classMoments(book: Book, z: number): { mean: number; variance: number; bound: number } {
  let mean = 0;
  let variance = 0;
  let bound = 0;
  for (const k of book.classes) {
    const p = conditionalPd(book.curves[k.curve], z);
    mean += p * k.lossSum;
    variance += p * k.lossSquareSum - (p * p * k.lossSum * k.lossSum) / k.count;
    if (p > 0) bound = Math.max(bound, k.maxLoss);
  }
  return { mean, variance: Math.max(0, variance), bound };
}

/**
 * Bennett's inequality, P(L − μ ≥ x) ≤ exp(−(σ²/b²)·h(b·x/σ²)), h(u) = (1+u)ln(1+u) − u, for a sum of
 * independent terms bounded by b: returns the x at which the bound is e^(−logEps).
 */
function bennettMargin(variance: number, bound: number, logEps: number): number {
  if (variance <= 0 || bound <= 0) return 0;
  const v = variance / (bound * bound);
  const h = (u: number) => (1 + u) * Math.log1p(u) - u;
  let lo = 0;
  let hi = 1;
  while (v * h(hi) < logEps) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (v * h(mid) < logEps) lo = mid;
    else hi = mid;
  }
  return (hi * variance) / bound;
}

/** Loss a node's conditional distribution can reach with probability above 1e-16, capped at the largest possible loss. */
function conditionalReach(book: Book, z: number): number {
  const m = classMoments(book, z);
  return Math.min(book.maxLoss, m.mean + bennettMargin(m.variance, m.bound, SPAN_LOG_EPS));
}

/** Greatest common divisor of positive reals to a relative tolerance, or 0 if there is none. */
function commonUnit(values: number[]): number {
  const max = Math.max(...values);
  const tol = 1e-9 * max;
  let g = values[0];
  for (let i = 1; i < values.length; i++) {
    let a = Math.max(g, values[i]);
    let b = Math.min(g, values[i]);
    while (b > tol) {
      const r = a - Math.floor(a / b) * b;
      a = b;
      b = r;
    }
    g = a;
  }
  for (const v of values) {
    const k = v / g;
    if (Math.abs(k - Math.round(k)) > 1e-7 * Math.max(1, k)) return 0;
  }
  return g;
}

interface Lattice {
  points: number;
  step: number;
}

/**
 * The loss lattice: about `stepsPerVaR` steps below a rough VaR (conditional mean + 2 sd at the
 * tail point of Z), spanning every loss the lattice nodes reach (Bennett, 1e-16), a power of two;
 * the step puts every loss on the lattice when the losses are commensurable (small books), else
 * the largest name.
 */
function chooseLattice(book: Book, zTail: number, zMin: number, options: LossDistributionOptions): Lattice {
  let span = book.largestLoss;
  for (let z = zMin; z <= 1; z += 0.5) span = Math.max(span, conditionalReach(book, z));
  const tail = classMoments(book, zTail);
  const varEstimate = Math.max(tail.mean + 2 * Math.sqrt(tail.variance), 1e-3 * span);
  const stepTarget = varEstimate / (options.stepsPerVaR ?? DEFAULTS.stepsPerVaR);
  let points: number;
  if (options.latticePoints !== undefined) {
    points = 2 ** Math.round(Math.log2(Math.max(MIN_POINTS, Math.min(MAX_POINTS, options.latticePoints))));
  } else {
    points = Math.max(MIN_POINTS, Math.min(2 ** 16, 2 ** Math.round(Math.log2(Math.max(1, span / stepTarget)))));
  }
  const baseStep = span / (points - 1);
  const unit = book.distinctLosses ? commonUnit(book.distinctLosses) : 0;
  if (unit > 0 && unit >= baseStep) return { points, step: unit / Math.floor(unit / baseStep) };
  // A finer lattice that keeps every loss exact, if at most 4× finer than the resolution asked for.
  if (unit > 0 && span / unit + 2 <= 4 * points) return { points: Math.max(MIN_POINTS, 2 ** Math.ceil(Math.log2(span / unit + 2))), step: unit };
  if (book.largestLoss >= baseStep) return { points, step: book.largestLoss / Math.floor(book.largestLoss / baseStep) };
  return { points, step: baseStep };
}

/**
 * Members of a class in the same lattice cell (or, above 1/tolerance steps, the same size bucket of
 * ratio 1 + tolerance) form one group of iid members; a loss of u steps is split between ⌊u⌋ and
 * ⌊u⌋+1 so its mean is kept. Each top name is its own group.
 */
function buildGroups(book: Book, exposures: readonly CreditExposure[], step: number, points: number, tolerance: number): Group[] {
  const unitCap = tolerance > 0 ? 1 / tolerance : Infinity;
  const bucketOf = (u: number) => (u < unitCap ? Math.floor(u) : unitCap + Math.floor(Math.log(u / unitCap) / Math.log1p(tolerance)));
  const byClass = new Map<number, Map<number, number>>();
  const acc: { cls: number; name: number; count: number; lossSum: number; lossSquareSum: number; w: Map<number, number>; loss: number; uniform: boolean }[] = [];
  for (let row = 0; row < exposures.length; row++) {
    const c = book.rowClass[row];
    if (c < 0) continue;
    const e = exposures[row];
    const count = rowCount(e);
    const loss = e.ead * e.lgd;
    const u = loss / step;
    const nearest = Math.round(u);
    const exact = Math.abs(u - nearest) <= 1e-9 * Math.max(1, u);
    const fl = exact ? nearest : Math.floor(u);
    const frac = exact ? 0 : u - fl;
    const name = book.nameOfRow.get(row) ?? -1;
    let g = -1;
    if (name < 0) {
      let buckets = byClass.get(c);
      if (!buckets) byClass.set(c, (buckets = new Map()));
      const bucket = bucketOf(u);
      g = buckets.get(bucket) ?? -1;
      if (g < 0) buckets.set(bucket, acc.length);
    }
    if (g < 0) {
      g = acc.length;
      acc.push({ cls: c, name, count: 0, lossSum: 0, lossSquareSum: 0, w: new Map(), loss, uniform: true });
    }
    const a = acc[g];
    if (loss !== a.loss) a.uniform = false;
    a.count += count;
    a.lossSum += count * loss;
    a.lossSquareSum += count * loss * loss;
    a.w.set(fl, (a.w.get(fl) ?? 0) + count * (1 - frac));
    if (frac > 0) a.w.set(fl + 1, (a.w.get(fl + 1) ?? 0) + count * frac);
  }
  return acc.map((a) => {
    const offsets = [...a.w.keys()].filter((v) => (a.w.get(v) ?? 0) > 0);
    const lo = Math.min(...offsets);
    const hi = Math.min(points - 1, Math.max(...offsets));
    const weights = new Float64Array(hi - lo + 1);
    let meanUnits = 0;
    for (const [v, w] of a.w) {
      const at = Math.min(v, hi) - lo;
      weights[at] += w / a.count;
      meanUnits += (Math.min(v, hi) * w) / a.count;
    }
    // Recursion costs ~count·(taps+1) per lattice point; the Fourier power ~3·(2·log₂count + taps + 2) per frequency (half as many).
    const realCost = 2 * a.count * (weights.length + 1);
    const fourierCost = 3 * (2 * Math.log2(Math.max(1, a.count)) + weights.length + 2);
    const k = book.classes[a.cls];
    const units = a.loss / step;
    const fourier = realCost > fourierCost;
    return {
      curve: k.curve,
      segment: k.segment,
      name: a.name,
      count: a.count,
      lossSum: a.lossSum,
      lossSquareSum: a.lossSquareSum,
      lo,
      weights,
      meanUnits,
      fourier,
      aggregate: fourier && a.uniform && Math.abs(units - Math.round(units)) > 1e-9 * Math.max(1, units),
      units,
    };
  });
}

// ————————————————————————————————————————————————————————————— quadrature over Z

interface Quadrature {
  z: Float64Array;
  w: Float64Array;
}

/** log cosh x without overflow. */
function logCosh(x: number): number {
  const a = Math.abs(x);
  return a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}

/**
 * Nodes and weights for E[f(Z)], Z ~ N(0,1): the trapezoid rule in u (nodes u = 0, 1, 2, …) with
 * an explicit analytic map z = g(u) whose step g′(u) = h_c + (h_f − h_c)·½[tanh((u−α)/σ) −
 * tanh((u−β)/σ)] goes smoothly from the coarse step h_c to the fine step h_f over [a, b] and back.
 * The integrand f(g(u))·φ(g(u))·g′(u) is analytic in the strip |Im u| < πσ/2, so the rule keeps the
 * exponential convergence of the trapezoid rule on ℝ (Trefethen & Weideman 2014, SIAM Review
 * 56(3), §5): with σ = 3 the error from the map is ~exp(−2π·πσ/2) ≈ 1e-13 of the integrand.
 */
function mappedTrapezoid(coarse: number, fine: number, a: number, b: number): Quadrature {
  const sigma = 3;
  const alpha = (a + Z_RANGE) / coarse;
  const beta = alpha + Math.max(0, b - a) / fine;
  const lift = (u: number) => 0.5 * sigma * (logCosh((u - alpha) / sigma) - logCosh((u - beta) / sigma));
  const lift0 = lift(0);
  const g = (u: number) => -Z_RANGE + coarse * u + (fine - coarse) * (lift(u) - lift0);
  const slope = (u: number) => coarse + 0.5 * (fine - coarse) * (Math.tanh((u - alpha) / sigma) - Math.tanh((u - beta) / sigma));
  const zs: number[] = [];
  const ws: number[] = [];
  let total = 0;
  for (let u = 0; ; u++) {
    const z = g(u);
    if (z > Z_RANGE) break;
    const w = normalPdf(z) * slope(u);
    zs.push(z);
    ws.push(w);
    total += w;
  }
  return { z: Float64Array.from(zs), w: Float64Array.from(ws, (w) => w / total) };
}

/**
 * The quadrature for this book. Base step h_c ≤ 0.7/√(1+b²), b = max √ρ/√(1−ρ): the trapezoid
 * error for Φ(c − b·z)·φ(z) is then ~exp(−2π²/(h²(1+b²))) < 1e-15. Where the granular part of the
 * book (what is left after peeling the lumps: members whose loss exceeds half the conditional
 * standard deviation of the rest) moves its conditional mean by more than `ripplePrecision` of its
 * own spread per node, the step is refined (the ripple criterion, docs/loss-distribution.md).
 */
function buildQuadrature(book: Book, groups: Group[], zMin: number, zTail: number, options: LossDistributionOptions): Quadrature {
  let maxSlope = 0;
  for (const c of book.curves) maxSlope = Math.max(maxSlope, c.sqrtRho / c.sqrtOneMinusRho);
  if (maxSlope === 0) return { z: Float64Array.of(0), w: Float64Array.of(1) }; // no correlation: nothing depends on Z
  const d0 = options.nodesPerUnit ?? Math.max(2, 1.43 * Math.sqrt(1 + maxSlope * maxSlope));
  const precision = options.ripplePrecision ?? DEFAULTS.ripplePrecision;
  if (!(precision > 0) || groups.length === 0) return mappedTrapezoid(1 / d0, 1 / d0, 0, 0);
  const variance = (g: Group, z: number) => {
    const p = conditionalPd(book.curves[g.curve], z);
    return Math.max(0, p * g.lossSquareSum - (p * p * g.lossSum * g.lossSum) / g.count);
  };
  const order = groups.map((_, i) => i).sort((x, y) => groups[y].lossSum / groups[y].count - groups[x].lossSum / groups[x].count);
  let remaining = 0;
  for (const i of order) remaining += variance(groups[i], zTail);
  let first = 0;
  while (first < order.length) {
    const g = groups[order[first]];
    if (g.lossSum / g.count <= 0.5 * Math.sqrt(Math.max(remaining, 0))) break;
    remaining -= variance(g, zTail);
    first++;
  }
  const smooth = order.slice(first).map((i) => groups[i]);
  let zLo = Infinity;
  let zHi = -Infinity;
  let need = 0;
  for (let z = zMin; z <= 6 && smooth.length > 0; z += 0.125) {
    let v = 0;
    let slope = 0;
    for (const g of smooth) {
      v += variance(g, z);
      slope += g.lossSum * conditionalPdSlope(book.curves[g.curve], z);
    }
    if (slope <= 0) continue;
    const density = Math.min(48, precision / Math.max(Math.sqrt(v) / slope, 1e-12));
    if (density > d0) {
      zLo = Math.min(zLo, z);
      zHi = Math.max(zHi, z);
      need = Math.max(need, density);
    }
  }
  return need > d0 ? mappedTrapezoid(1 / d0, 1 / need, zLo - 0.5, zHi + 0.5) : mappedTrapezoid(1 / d0, 1 / d0, 0, 0);
}

// ————————————————————————————————————————————————————————————— conditional distributions

/**
 * f ← f ⊛ a in place for one member, a = a₀·δ₀ + p·Σᵢ wᵢ·δ_(lo+i) (taps from `firstTap`, offsets ≥ 1),
 * over the support [lo, hi] growing to newHi. Descending k reads only entries not yet updated.
 */
function convolveMember(f: Float64Array, lo: number, hi: number, newHi: number, a0: number, p: number, offset: number, weights: Float64Array, firstTap: number): void {
  const taps = weights.length - firstTap;
  const o1 = offset + firstTap;
  if (taps === 1) {
    const t1 = p * weights[firstTap];
    const stop = Math.max(lo, lo + o1 - 1);
    for (let k = newHi; k > stop; k--) f[k] = a0 * (k <= hi ? f[k] : 0) + t1 * f[k - o1];
    for (let k = Math.min(stop, newHi); k >= lo; k--) f[k] = a0 * f[k] + (k - o1 >= lo ? t1 * f[k - o1] : 0);
  } else if (taps === 2) {
    const t1 = p * weights[firstTap];
    const t2 = p * weights[firstTap + 1];
    const stop = lo + o1;
    for (let k = newHi; k > stop; k--) f[k] = a0 * (k <= hi ? f[k] : 0) + t1 * f[k - o1] + t2 * f[k - o1 - 1];
    for (let k = Math.min(stop, newHi); k >= lo; k--) {
      let s = a0 * f[k];
      if (k - o1 >= lo) s += t1 * f[k - o1];
      if (k - o1 - 1 >= lo) s += t2 * f[k - o1 - 1];
      f[k] = s;
    }
  } else {
    for (let k = newHi; k >= lo; k--) {
      let s = a0 * (k <= hi ? f[k] : 0);
      for (let i = firstTap; i < weights.length; i++) {
        const j = k - offset - i;
        if (j < lo) break;
        s += p * weights[i] * f[j];
      }
      f[k] = s;
    }
  }
}

/**
 * The conditional distribution at node n of the real-space groups, by exact recursion (one member
 * at a time), with the support tracked and probabilities below 1e-25 dropped at both ends; the
 * support goes into `support` as [lo, hi].
 */
function realSpaceDistribution(f: Float64Array, groups: Group[], order: Int32Array, pz: Float64Array, curves: number, n: number, support: Int32Array): void {
  const M = f.length;
  f.fill(0);
  f[0] = 1;
  let lo = 0;
  let hi = 0;
  for (let r = 0; r < order.length; r++) {
    const g = groups[order[r]];
    const p = pz[n * curves + g.curve];
    if (p <= 0) continue;
    const w = g.weights;
    let a0 = 1 - p;
    let firstTap = 0;
    if (g.lo === 0) {
      a0 += p * w[0];
      firstTap = 1;
    }
    if (firstTap === w.length) continue; // every default lands on 0: nothing moves
    const reach = g.lo + w.length - 1;
    for (let rep = 0; rep < g.count; rep++) {
      const newHi = Math.min(M - 1, hi + reach);
      convolveMember(f, lo, hi, newHi, a0, p, g.lo, w, firstTap);
      hi = newHi;
      while (hi > lo && f[hi] < NEGLIGIBLE) f[hi--] = 0;
      while (lo < hi && f[lo] < NEGLIGIBLE) f[lo++] = 0;
    }
  }
  support[0] = lo;
  support[1] = hi;
}

/** ln k!: exact sums below 256, Stirling's series above (relative error < 1e-15). */
const LOG_FACTORIAL_TABLE = (() => {
  const t = new Float64Array(256);
  for (let k = 2; k < 256; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k];
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/**
 * Adds the loss of a band, D·units lattice steps with D ~ Binomial(count, p), to `out`, each mass
 * split between the two lattice points around d·units so the mean is kept (one split for the
 * band, not one per client). The pmf is walked out from the mode (ln k! at the mode) until it falls
 * below 1e-22 of its peak. Writes the touched range into `range`.
 */
function depositBinomial(count: number, p: number, units: number, out: Float64Array, range: Int32Array): void {
  const last = out.length - 1;
  const put = (d: number, mass: number) => {
    const x = d * units;
    const k = Math.floor(x);
    const frac = x - k;
    if (k > last) return;
    out[k] += mass * (1 - frac);
    if (frac > 0 && k < last) out[k + 1] += mass * frac;
  };
  if (p >= 1) {
    put(count, 1);
    range[0] = Math.min(last, Math.floor(count * units));
    range[1] = Math.min(last, range[0] + 1);
    return;
  }
  const q = 1 - p;
  const mode = Math.min(count, Math.floor((count + 1) * p));
  const peak = Math.exp(logFactorial(count) - logFactorial(mode) - logFactorial(count - mode) + mode * Math.log(p) + (count - mode) * Math.log(q));
  const floor = peak * 1e-22;
  put(mode, peak);
  let d = mode;
  let mass = peak;
  while (d < count) {
    mass *= ((count - d) / (d + 1)) * (p / q);
    d++;
    if (mass < floor) break;
    put(d, mass);
  }
  const hi = d;
  d = mode;
  mass = peak;
  while (d > 0) {
    mass *= (d / (count - d + 1)) * (q / p);
    d--;
    if (mass < floor) break;
    put(d, mass);
  }
  range[0] = Math.min(last, Math.floor(d * units));
  range[1] = Math.min(last, Math.ceil(hi * units));
}

/** The member loss transform b(t) = Σᵢ wᵢ·e^(−2πi·t·(lo+i)/M), t = 0…M/2, into (re, im). */
function memberTransform(g: Group, twCos: Float64Array, twSin: Float64Array, re: Float64Array, im: Float64Array): void {
  const mask = twCos.length - 1;
  const w = g.weights;
  for (let t = 0; t < re.length; t++) {
    let br = 0;
    let bi = 0;
    let idx = (t * g.lo) & mask;
    for (let i = 0; i < w.length; i++) {
      br += w[i] * twCos[idx];
      bi += w[i] * twSin[idx];
      idx = (idx + t) & mask;
    }
    re[t] = br;
    im[t] = bi;
  }
}

/** (re, im) ← (re, im)·(1 − p + p·b(t))^count by repeated squaring, 0 where |·|^count underflows. */
function multiplyGroupPower(re: Float64Array, im: Float64Array, bRe: Float64Array, bIm: Float64Array, p: number, count: number): void {
  const floor2 = Math.exp(-1400 / count);
  for (let t = 0; t < re.length; t++) {
    let ar = 1 - p + p * bRe[t];
    let ai = p * bIm[t];
    let rr = 1;
    let ri = 0;
    if (ar * ar + ai * ai < floor2) {
      rr = 0;
    } else {
      let e = count;
      for (;;) {
        if (e & 1) {
          const x = rr * ar - ri * ai;
          ri = rr * ai + ri * ar;
          rr = x;
        }
        e >>>= 1;
        if (e === 0) break;
        const x = ar * ar - ai * ai;
        ai = 2 * ar * ai;
        ar = x;
      }
    }
    const xr = re[t];
    const xi = im[t];
    re[t] = xr * rr - xi * ri;
    im[t] = xr * ri + xi * rr;
  }
}

/** Everything a node's conditional distribution needs; one per call of lossDistribution. */
class ConditionalBook {
  readonly M: number;
  readonly half: number;
  readonly plan: FftPlan;
  readonly twCos: Float64Array;
  readonly twSin: Float64Array;
  readonly work: Float64Array;
  readonly support = new Int32Array(2);
  readonly scratchRe: Float64Array;
  readonly scratchIm: Float64Array;
  readonly realOrder: Int32Array;
  readonly fourierOrder: Int32Array;
  /** The bands split as a whole (a subset of the Fourier groups). */
  readonly bandOrder: Int32Array;
  /** Member transforms of the Fourier groups (re and im per group), or null when they would not fit 32 MB. */
  readonly transforms: Float64Array | null;
  readonly bRe: Float64Array;
  readonly bIm: Float64Array;
  /** Deposit array of a band split as a whole, and its touched range. */
  readonly band: Float64Array;
  readonly bandRange = new Int32Array(2);

  constructor(
    readonly groups: Group[],
    readonly pz: Float64Array,
    readonly curves: number,
    points: number,
  ) {
    this.M = points;
    this.half = points >> 1;
    this.plan = fftPlan(this.half);
    this.twCos = new Float64Array(points);
    this.twSin = new Float64Array(points);
    for (let m = 0; m < points; m++) {
      this.twCos[m] = Math.cos((2 * Math.PI * m) / points);
      this.twSin[m] = -Math.sin((2 * Math.PI * m) / points);
    }
    this.work = new Float64Array(points);
    this.scratchRe = new Float64Array(this.half);
    this.scratchIm = new Float64Array(this.half);
    const real = groups.map((_, i) => i).filter((i) => !groups[i].fourier);
    real.sort((a, b) => groups[a].lo + groups[a].weights.length - (groups[b].lo + groups[b].weights.length)); // small steps first: the support grows slowest
    this.realOrder = Int32Array.from(real);
    this.fourierOrder = Int32Array.from(groups.map((_, i) => i).filter((i) => groups[i].fourier));
    this.bandOrder = Int32Array.from(groups.map((_, i) => i).filter((i) => groups[i].aggregate));
    this.band = new Float64Array(points);
    const F = this.fourierOrder.length;
    this.bRe = new Float64Array(this.half + 1);
    this.bIm = new Float64Array(this.half + 1);
    this.transforms = F * (this.half + 1) * 16 <= 32 * 2 ** 20 ? new Float64Array(F * 2 * (this.half + 1)) : null;
    if (this.transforms) {
      for (let f = 0; f < F; f++) {
        if (groups[this.fourierOrder[f]].aggregate) continue; // deposited as a whole, never transformed member-wise
        memberTransform(groups[this.fourierOrder[f]], this.twCos, this.twSin, this.bRe, this.bIm);
        this.transforms.set(this.bRe, 2 * f * (this.half + 1));
        this.transforms.set(this.bIm, (2 * f + 1) * (this.half + 1));
      }
    }
  }

  get usesFourier(): boolean {
    return this.fourierOrder.length > 0;
  }

  /** Real-space part of node n into `work`; support in `support`. */
  realSpace(n: number): Float64Array {
    realSpaceDistribution(this.work, this.groups, this.realOrder, this.pz, this.curves, n, this.support);
    return this.work;
  }

  /** The lattice distribution of aggregate group gi at node n, in `band` (zero outside `bandRange`). */
  bandDistribution(n: number, gi: number): Float64Array {
    const g = this.groups[gi];
    this.band.fill(0, this.bandRange[0], this.bandRange[1] + 1);
    depositBinomial(g.count, this.pz[n * this.curves + g.curve], g.units, this.band, this.bandRange);
    return this.band;
  }

  /** Doubles per node of `parts`: the base spectrum and each band's, re and im, M/2 + 1 each. */
  get partsLength(): number {
    return (1 + this.bandOrder.length) * 2 * (this.half + 1);
  }

  /**
   * The spectra of node n in `out`: first the base (real-space groups × the Fourier groups taken
   * member by member), then each band split as a whole. Their product is the node's spectrum;
   * leaving one band out gives the rest of the book for that band's contribution.
   */
  parts(n: number, out: Float64Array): void {
    const h1 = this.half + 1;
    const re = out.subarray(0, h1);
    const im = out.subarray(h1, 2 * h1);
    this.realSpace(n);
    if (this.support[0] === 0 && this.support[1] === 0) {
      re.fill(this.work[0]); // a point mass at 0 has a flat spectrum
      im.fill(0);
    } else realFft(this.plan, this.work, re, im, this.scratchRe, this.scratchIm);
    for (let f = 0; f < this.fourierOrder.length; f++) {
      const g = this.groups[this.fourierOrder[f]];
      const p = this.pz[n * this.curves + g.curve];
      if (p <= 0 || g.aggregate) continue;
      let bRe = this.bRe;
      let bIm = this.bIm;
      if (this.transforms) {
        bRe = this.transforms.subarray(2 * f * h1, (2 * f + 1) * h1);
        bIm = this.transforms.subarray((2 * f + 1) * h1, (2 * f + 2) * h1);
      } else memberTransform(g, this.twCos, this.twSin, bRe, bIm);
      multiplyGroupPower(re, im, bRe, bIm, p, g.count);
    }
    for (let b = 0; b < this.bandOrder.length; b++) {
      const bandRe = out.subarray((2 + 2 * b) * h1, (3 + 2 * b) * h1);
      const bandIm = out.subarray((3 + 2 * b) * h1, (4 + 2 * b) * h1);
      this.bandDistribution(n, this.bandOrder[b]);
      realFft(this.plan, this.band, bandRe, bandIm, this.scratchRe, this.scratchIm);
    }
  }

  /** The product of a node's parts, leaving out band number `skip` (−1: none), into (re, im). */
  combine(parts: Float64Array, skip: number, re: Float64Array, im: Float64Array): void {
    const h1 = this.half + 1;
    re.set(parts.subarray(0, h1));
    im.set(parts.subarray(h1, 2 * h1));
    for (let b = 0; b < this.bandOrder.length; b++) {
      if (b === skip) continue;
      const o = (2 + 2 * b) * h1;
      for (let t = 0; t < h1; t++) {
        const xr = re[t];
        const xi = im[t];
        const br = parts[o + t];
        const bi = parts[o + h1 + t];
        re[t] = xr * br - xi * bi;
        im[t] = xr * bi + xi * br;
      }
    }
  }
}

// ————————————————————————————————————————————————————————————— contributions

/**
 * Σ_u u·b(u)·E[h(L⁽⁻¹⁾ + u)] at one node for one member of a group, with L⁽⁻¹⁾ the book without
 * that member: its distribution g from f by the forward deconvolution g[k] = (f[k] − Σ_(m≥1) a[m]·g[k−m])/a₀,
 * stable when (1 − a₀)/a₀ < 1 (errors shrink geometrically). E[h(L⁽⁻¹⁾ + u)] = total − G(v−u) + θ·g[v−u].
 */
function deconvolvedExpectation(f: Float64Array, g: Float64Array, total: number, v: number, theta: number, grp: Group, p: number, a0: number): number {
  const w = grp.weights;
  const len = w.length;
  const kMax = v - grp.lo;
  if (kMax < 0) return grp.meanUnits; // every default lands above VaR
  const firstTap = grp.lo === 0 ? 1 : 0;
  for (let k = 0; k <= kMax; k++) {
    let s = f[k];
    for (let i = firstTap; i < len; i++) {
      const j = k - grp.lo - i;
      if (j < 0) break;
      s -= p * w[i] * g[j];
    }
    g[k] = s / a0;
  }
  let expectation = 0;
  let cumulative = 0;
  let next = 0;
  for (let i = len - 1; i >= 0; i--) {
    const u = grp.lo + i;
    if (w[i] === 0 || u === 0) continue;
    const x = v - u;
    let eh: number;
    if (x < 0) eh = total;
    else {
      while (next <= x) cumulative += g[next++];
      eh = total - cumulative + theta * g[x];
    }
    expectation += u * w[i] * eh;
  }
  return expectation;
}

/**
 * Σ_k k·P(X = k)·E[h(R + k)] for a band X deposited on [range[0], range[1]] and the rest of the book R
 * (lattice units): E[h(R + k)] = total − CDF_R(v − k) + θ·P(R = v − k).
 */
function bandTailExpectation(band: Float64Array, range: Int32Array, rest: Float64Array, v: number, theta: number): number {
  let total = 0;
  for (let k = 0; k < rest.length; k++) total += rest[k];
  // CDF of R at v − k for k from range[1] down to range[0]: increasing arguments, one pass.
  let expectation = 0;
  let cumulative = 0;
  let next = 0;
  for (let k = range[1]; k >= range[0]; k--) {
    const mass = band[k];
    if (mass === 0 || k === 0) continue;
    const x = v - k;
    let eh: number;
    if (x < 0) eh = total;
    else {
      while (next <= x) cumulative += rest[next++];
      eh = total - cumulative + theta * rest[x];
    }
    expectation += k * mass * eh;
  }
  return expectation;
}

/**
 * The same expectation in Fourier space, for p(z) ≥ ½ where the recursion is unstable:
 * Σ_k m[k]·h[k] = (1/M)·Σ_t M(t)·conj H(t), M(t) = F(t)·b̃(t)/a(t), b̃(t) = Σ u·b(u)·e^(−2πitu/M).
 */
function fourierExpectation(book: ConditionalBook, specRe: Float64Array, specIm: Float64Array, hRe: Float64Array, hIm: Float64Array, grp: Group, p: number): number {
  const { twCos, twSin, half, M } = book;
  const mask = M - 1;
  const w = grp.weights;
  let sum = 0;
  for (let t = 0; t <= half; t++) {
    let br = 0;
    let bi = 0;
    let dr = 0;
    let di = 0;
    let idx = (t * grp.lo) & mask;
    for (let i = 0; i < w.length; i++) {
      const u = grp.lo + i;
      br += w[i] * twCos[idx];
      bi += w[i] * twSin[idx];
      dr += u * w[i] * twCos[idx];
      di += u * w[i] * twSin[idx];
      idx = (idx + t) & mask;
    }
    const ar = 1 - p + p * br;
    const ai = p * bi;
    const den = ar * ar + ai * ai;
    if (den < 1e-300) continue;
    const qr = (dr * ar + di * ai) / den;
    const qi = (di * ar - dr * ai) / den;
    const mr = specRe[t] * qr - specIm[t] * qi;
    const mi = specRe[t] * qi + specIm[t] * qr;
    const term = mr * hRe[t] + mi * hIm[t];
    sum += t === 0 || t === half ? term : 2 * term;
  }
  return sum / M;
}

/**
 * Chernoff's bound on ln P(L ≥ v·Δ | node n): min over θ ≥ 0 of K(θ) − θ·v, K the conditional
 * cumulant generating function of the lattice loss (bisection on K′(θ) = v).
 */
function logTailBound(groups: Group[], pz: Float64Array, curves: number, n: number, v: number): number {
  const derivative = (theta: number) => {
    let value = 0;
    for (const g of groups) {
      const p = pz[n * curves + g.curve];
      if (p <= 0) continue;
      const top = theta * (g.lo + g.weights.length - 1);
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < g.weights.length; i++) {
        const e = g.weights[i] * Math.exp(theta * (g.lo + i) - top);
        s0 += e;
        s1 += (g.lo + i) * e;
      }
      value += (g.count * p * s1) / ((1 - p) * Math.exp(-top) + p * s0);
    }
    return value;
  };
  const cgf = (theta: number) => {
    let value = 0;
    for (const g of groups) {
      const p = pz[n * curves + g.curve];
      if (p <= 0) continue;
      const top = theta * (g.lo + g.weights.length - 1);
      let s0 = 0;
      for (let i = 0; i < g.weights.length; i++) s0 += g.weights[i] * Math.exp(theta * (g.lo + i) - top);
      value += g.count * (Math.log((1 - p) * Math.exp(-top) + p * s0) + top);
    }
    return value;
  };
  let reach = 0;
  for (const g of groups) if (pz[n * curves + g.curve] > 0) reach += g.count * (g.lo + g.weights.length - 1);
  if (reach < v) return -Infinity;
  if (derivative(0) >= v) return 0;
  let lo = 0;
  let hi = 1 / Math.max(1, v);
  while (derivative(hi) < v && hi < 1e6) hi *= 2;
  for (let it = 0; it < 40; it++) {
    const mid = 0.5 * (lo + hi);
    if (derivative(mid) < v) lo = mid;
    else hi = mid;
  }
  return Math.min(0, cgf(hi) - hi * v);
}

// ————————————————————————————————————————————————————————————— the engine

/**
 * The loss distribution of a credit book in the one-factor Gaussian copula, semi-analytically
 * (docs/reference-model.md §5; method in the module comment and docs/loss-distribution.md).
 *
 * Units: EAD and losses in yuan; PD, LGD, ρ and confidence levels as decimals.
 *
 * @example
 * const d = lossDistribution(
 *   [
 *     { ead: 2e9, pd: 0.006, lgd: 0.45, rho: 0.22, id: 'A', segment: 'large' },
 *     { ead: 6e6, pd: 0.03, lgd: 0.35, rho: 0.1, count: 2000, segment: 'small' },
 *   ],
 *   { quantiles: [0.99, 0.999] },
 * );
 * d.quantiles[1]; // VaR 99.9%, yuan
 * d.contributions.bySegment; // Euler contributions to EC, summing to d.economicCapital
 */
export function lossDistribution(exposures: readonly CreditExposure[], options: LossDistributionOptions = {}): LossDistribution {
  const levels = [...(options.quantiles ?? DEFAULT_LOSS_QUANTILES)];
  for (const q of levels) if (!(q > 0 && q < 1)) throw new RangeError(`lossDistribution: quantile ${q} must be in (0, 1)`);
  const ecConfidence = options.ecConfidence ?? DEFAULTS.ecConfidence;
  if (!(ecConfidence > 0 && ecConfidence < 1)) throw new RangeError('lossDistribution: ecConfidence must be in (0, 1)');
  const topCount = Math.max(0, Math.floor(options.topNames ?? DEFAULTS.topNames));
  const tolerance = Math.max(0, options.mergeTolerance ?? DEFAULTS.mergeTolerance);
  const qMax = Math.max(ecConfidence, ...levels);

  const book = prepareBook(exposures, topCount, tolerance);
  const empty = book.classes.length === 0;
  const zTail = normalQuantile(1 - qMax);
  // Below zMin the conditional losses may leave the lattice; nodes there that do not fit form an
  // atom above every lattice point, of mass ≤ 1e-4·(1−q).
  const zMin = Math.min(-3, Math.max(-8.5, normalQuantile(1e-4 * (1 - qMax))));
  const lattice = empty ? { points: MIN_POINTS, step: 1 } : chooseLattice(book, zTail, zMin, options);
  const M = lattice.points;
  const step = lattice.step;
  const latticeSpan = (M - 1) * step;
  const groups = empty ? [] : buildGroups(book, exposures, step, M, tolerance);
  // Bands split as a whole cost an FFT per node each: the 8 largest only, the rest member by member.
  groups
    .filter((g) => g.aggregate)
    .sort((a, b) => b.count - a.count)
    .slice(8)
    .forEach((g) => (g.aggregate = false));
  const quadrature = empty ? mappedTrapezoid(0.5, 0.5, 0, 0) : buildQuadrature(book, groups, zMin, zTail, options);
  const K = quadrature.z.length;
  const U = book.curves.length;
  const pz = new Float64Array(K * U);
  for (let n = 0; n < K; n++) for (let u = 0; u < U; u++) pz[n * U + u] = conditionalPd(book.curves[u], quadrature.z[n]);

  // —— pass 1: mix the conditional distributions over Z ——
  const engine = new ConditionalBook(groups, pz, U, M);
  const half = engine.half;
  const latticeNodes: number[] = [];
  const G = groups.length;
  let atomMass = 0;
  let atomLoss = 0;
  const atomGroup = new Float64Array(G); // E[group loss; atom]
  for (let n = 0; n < K && !empty; n++) {
    if (quadrature.z[n] >= zMin || conditionalReach(book, quadrature.z[n]) <= latticeSpan * (1 + 1e-12)) {
      latticeNodes.push(n);
      continue;
    }
    const w = quadrature.w[n];
    atomMass += w;
    for (let gi = 0; gi < G; gi++) {
      const x = w * pz[n * U + groups[gi].curve] * groups[gi].lossSum;
      atomGroup[gi] += x;
      atomLoss += x;
    }
  }
  const cacheBudget = options.spectrumCacheBytes ?? DEFAULTS.spectrumCacheBytes;
  const stride = engine.usesFourier ? engine.partsLength : M;
  const cache = !empty && latticeNodes.length * stride * 8 <= cacheBudget ? new Float64Array(latticeNodes.length * stride) : null;
  const pmf = new Float64Array(M);
  const specRe = new Float64Array(half + 1);
  const specIm = new Float64Array(half + 1);
  const scratchParts = engine.usesFourier && !cache ? new Float64Array(stride) : null;
  /** The spectra of the i-th lattice node (from the cache, or computed now). */
  const partsOf = (i: number): Float64Array => {
    if (cache) return cache.subarray(i * stride, (i + 1) * stride);
    engine.parts(latticeNodes[i], scratchParts as Float64Array);
    return scratchParts as Float64Array;
  };
  if (!empty) mixNodes(engine, quadrature, latticeNodes, cache, stride, pmf, specRe, specIm);

  /** The conditional distribution at the i-th lattice node, in real space, into f. */
  const nodeDistribution = (i: number, f: Float64Array) => {
    if (engine.usesFourier) {
      engine.combine(partsOf(i), -1, specRe, specIm);
      realIfft(engine.plan, specRe, specIm, f, engine.scratchRe, engine.scratchIm);
    } else if (cache) f.set(cache.subarray(i * stride, (i + 1) * stride));
    else f.set(engine.realSpace(latticeNodes[i]));
  };

  // —— quantiles and expected shortfall ——
  const cdf = new Float64Array(M);
  const upperLoss = new Float64Array(M + 1); // E[L·1{L ≥ kΔ}] on the lattice, summed from the top
  const upperMass = new Float64Array(M + 1);
  let latticeMean = atomLoss;
  {
    let running = 0;
    for (let k = 0; k < M; k++) {
      running += pmf[k];
      cdf[k] = running;
      latticeMean += k * step * pmf[k];
    }
    for (let k = M - 1; k >= 0; k--) {
      upperLoss[k] = upperLoss[k + 1] + k * step * pmf[k];
      upperMass[k] = upperMass[k + 1] + pmf[k];
    }
  }
  const quantileIndex = (q: number) => {
    if (cdf[M - 1] < q) return M - 1; // only if the atom held more than 1 − q (never by construction)
    let lo = 0;
    let hi = M - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] >= q) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // The atom sits above every lattice point: P(L ≤ kΔ) = cdf[k]. Acerbi & Tasche (2002):
  // ES_q = (E[L·1{L > VaR}] + VaR·(P(L ≤ VaR) − q))/(1 − q); h = 1 above VaR, θ at VaR.
  const tailAt = (q: number) => {
    if (empty) return { index: 0, valueAtRisk: 0, expectedShortfall: 0, theta: 0, atVar: 0 };
    const v = quantileIndex(q);
    const atVar = Math.max(0, 1 - q - (upperMass[v + 1] + atomMass));
    const es = (upperLoss[v + 1] + atomLoss + v * step * atVar) / (1 - q);
    return { index: v, valueAtRisk: v * step, expectedShortfall: es, theta: pmf[v] > 0 ? atVar / pmf[v] : 0, atVar };
  };
  const tails = levels.map(tailAt);
  const ec = tailAt(ecConfidence);
  const expectedLoss = book.expectedLoss;
  const economicCapital = ec.valueAtRisk - expectedLoss;

  // —— standard deviation: E[Var(L|Z)] + Var(E[L|Z]) with the quadrature and exact losses ——
  let secondMoment = 0;
  for (let n = 0; n < K && !empty; n++) {
    let mean = 0;
    let variance = 0;
    for (const g of groups) {
      const p = pz[n * U + g.curve];
      mean += p * g.lossSum;
      variance += p * g.lossSquareSum - (p * p * g.lossSum * g.lossSum) / g.count;
    }
    secondMoment += quadrature.w[n] * (variance + mean * mean);
  }
  const standardDeviation = Math.sqrt(Math.max(0, secondMoment - expectedLoss * expectedLoss));

  // —— pass 2: Euler contributions to ES at ecConfidence ——
  const groupTail = Float64Array.from(atomGroup); // E[X_g·h(L)], the atom entirely in the tail
  let fourierFallbacks = 0;
  const totalTail = empty ? 0 : upperLoss[ec.index + 1] + ec.index * step * ec.atVar + atomLoss; // E[L·h(L)]
  if (!empty) {
    const v = ec.index;
    const f = new Float64Array(M);
    const g = new Float64Array(M);
    const rest = new Float64Array(M);
    const restRe = new Float64Array(half + 1);
    const restIm = new Float64Array(half + 1);
    let hRe: Float64Array | null = null;
    let hIm: Float64Array | null = null;
    // A node is skipped when its whole tail could move the contributions by < 1e-12 of ES·(1−q).
    const threshold = 1e-12 * (1 - ecConfidence) * Math.max(ec.valueAtRisk, step);
    // P(L ≥ VaR | z) falls as z rises: the last relevant node is found by bisection on Chernoff's bound.
    const logThreshold = Math.log(threshold / (latticeSpan * Math.max(...quadrature.w)));
    const negligible = (i: number) => quadrature.z[latticeNodes[i]] > zTail && logTailBound(groups, pz, U, latticeNodes[i], v) < logThreshold;
    let end = latticeNodes.length;
    {
      let lo = 0;
      let hi = latticeNodes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (negligible(mid)) hi = mid;
        else lo = mid + 1;
      }
      end = lo;
    }
    for (let i = 0; i < end; i++) {
      const n = latticeNodes[i];
      const w = quadrature.w[n];
      nodeDistribution(i, f);
      let total = 0;
      let tail = 0;
      for (let k = 0; k < M; k++) {
        total += f[k];
        if (k >= v) tail += f[k];
      }
      if (w * tail * latticeSpan < threshold) continue;
      if (total - tail + f[v] < 1e-13 * total) {
        // The whole node lies above VaR (h = 1): each group contributes its mean.
        for (let gi = 0; gi < G; gi++) groupTail[gi] += w * pz[n * U + groups[gi].curve] * groups[gi].count * groups[gi].meanUnits * step;
        continue;
      }
      let spectrumReady = false;
      for (let gi = 0; gi < G; gi++) {
        const grp = groups[gi];
        const p = pz[n * U + grp.curve];
        if (p <= 0) continue;
        if (grp.aggregate) {
          // E[X·h(L)] = Σ_k k·Δ·P(X = k)·E[h(R + k)], R the rest of the book (its spectrum without this band)
          engine.combine(partsOf(i), engine.bandOrder.indexOf(gi), restRe, restIm);
          realIfft(engine.plan, restRe, restIm, rest, engine.scratchRe, engine.scratchIm);
          groupTail[gi] += w * step * bandTailExpectation(engine.bandDistribution(n, gi), engine.bandRange, rest, v, ec.theta);
          continue;
        }
        const a0 = 1 - p + (grp.lo === 0 ? p * grp.weights[0] : 0);
        let expectation: number;
        if (a0 > 0 && (1 - a0) / a0 < 0.98) expectation = deconvolvedExpectation(f, g, total, v, ec.theta, grp, p, a0);
        else {
          fourierFallbacks++;
          if (!hRe || !hIm) {
            hRe = new Float64Array(half + 1);
            hIm = new Float64Array(half + 1);
            const h = new Float64Array(M);
            h[v] = ec.theta;
            for (let k = v + 1; k < M; k++) h[k] = 1;
            realFft(engine.plan, h, hRe, hIm, engine.scratchRe, engine.scratchIm);
          }
          if (!spectrumReady) {
            realFft(engine.plan, f, specRe, specIm, engine.scratchRe, engine.scratchIm);
            spectrumReady = true;
          }
          expectation = fourierExpectation(engine, specRe, specIm, hRe, hIm, grp, p);
        }
        groupTail[gi] += w * grp.count * p * step * expectation;
      }
    }
  }
  let sumTail = 0;
  for (let gi = 0; gi < G; gi++) sumTail += groupTail[gi];
  const contributionResidual = totalTail > 0 ? Math.abs(sumTail - totalTail) / totalTail : 0;

  // —— contributions to ES and EC ——
  const S = book.segmentKeys.length;
  const segmentTail = new Float64Array(S);
  for (let gi = 0; gi < G; gi++) segmentTail[groups[gi].segment] += groupTail[gi];
  // EC_c = (ES_c − EL_c)·EC/Σ(ES_c − EL_c): the segments sum exactly to EC.
  const denominator = sumTail / (1 - ecConfidence) - expectedLoss;
  const scale = denominator > 0 ? economicCapital / denominator : 0;
  const contribution = (key: string, s: number, clients: number, ead: number, el: number, tailValue: number): RiskContribution => {
    const es = tailValue / (1 - ecConfidence);
    const cap = (es - el) * scale;
    return {
      key,
      segment: book.segmentKeys[s] ?? '',
      clients,
      ead,
      expectedLoss: el,
      expectedShortfallContribution: es,
      economicCapital: cap,
      shareOfEconomicCapital: economicCapital !== 0 ? cap / economicCapital : 0,
    };
  };
  const bySegment = book.segmentKeys.map((key, s) => contribution(key, s, book.segmentClients[s], book.segmentEad[s], book.segmentExpectedLoss[s], segmentTail[s]));
  const nameGroup = new Map<number, number>();
  groups.forEach((g, gi) => g.name >= 0 && nameGroup.set(g.name, gi));
  const topNames = book.topRows.map((row, t) => {
    const e = exposures[row];
    const gi = nameGroup.get(t);
    const s = book.segmentKeys.indexOf(e.segment ?? '');
    return contribution(e.id ?? `#${row}`, s, 1, e.ead, e.ead * e.lgd * e.pd, gi === undefined ? 0 : groupTail[gi]);
  });

  const granular = granularClosedForm(book, levels, ecConfidence);
  const plot = plotData(book, pmf, cdf, step, M, latticeSpan, tails.map((t) => t.valueAtRisk).concat(ec.valueAtRisk, granular.valueAtRisk), qMax, options.plotPoints);
  let last = M - 1;
  while (last > 0 && pmf[last] === 0) last--;

  return {
    expectedLoss,
    standardDeviation,
    quantileLevels: levels,
    quantiles: tails.map((t) => t.valueAtRisk),
    expectedShortfalls: tails.map((t) => t.expectedShortfall),
    ecConfidence,
    valueAtRisk: ec.valueAtRisk,
    expectedShortfall: ec.expectedShortfall,
    economicCapital,
    granularityAddOn: economicCapital - granular.economicCapital,
    grid: { lossStep: step, probabilities: pmf.slice(0, last + 1), beyondGridProbability: atomMass, beyondGridMeanLoss: atomMass > 0 ? atomLoss / atomMass : 0 },
    plot,
    contributions: { bySegment, topNames },
    granular,
    diagnostics: {
      latticePoints: M,
      quadratureNodes: K,
      atomNodes: K - latticeNodes.length,
      groups: G,
      fourierGroups: engine.fourierOrder.length,
      latticeMean,
      contributionResidual,
      fourierFallbacks,
    },
  };
}

/** Pass 1: Σ over lattice nodes of w·(conditional distribution), mixed in Fourier space when any group lives there. */
function mixNodes(engine: ConditionalBook, quadrature: Quadrature, nodes: number[], cache: Float64Array | null, stride: number, pmf: Float64Array, specRe: Float64Array, specIm: Float64Array): void {
  const half = engine.half;
  const M = engine.M;
  if (engine.usesFourier) {
    const accRe = new Float64Array(half + 1);
    const accIm = new Float64Array(half + 1);
    const scratch = cache ? null : new Float64Array(stride);
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const parts = cache ? cache.subarray(i * stride, (i + 1) * stride) : (scratch as Float64Array);
      engine.parts(n, parts);
      engine.combine(parts, -1, specRe, specIm);
      const w = quadrature.w[n];
      for (let t = 0; t <= half; t++) {
        accRe[t] += w * specRe[t];
        accIm[t] += w * specIm[t];
      }
    }
    realIfft(engine.plan, accRe, accIm, pmf, engine.scratchRe, engine.scratchIm);
    for (let k = 0; k < M; k++) if (pmf[k] < 0) pmf[k] = 0; // FFT round-off (~1e-17) below zero
  } else {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const f = engine.realSpace(n);
      const w = quadrature.w[n];
      for (let k = engine.support[0]; k <= engine.support[1]; k++) pmf[k] += w * f[k];
      if (cache) cache.set(f, i * M);
    }
  }
}

/**
 * The infinitely granular book (ASRF, Gordy 2003): its loss is the decreasing function
 * ℓ(z) = Σ Σℓ·p(z) of Z, so VaR_q = ℓ(Φ⁻¹(1−q)) (Vasicek's formula summed over the book) and
 * ES_q = (1/(1−q))·∫_(−∞)^(Φ⁻¹(1−q)) ℓ(z)φ(z)dz (32-point Gauss–Legendre on [−9, Φ⁻¹(1−q)]).
 */
function granularClosedForm(book: Book, levels: number[], ecConfidence: number): LossDistribution['granular'] {
  const S = book.segmentKeys.length;
  const U = book.curves.length;
  const lossBy = new Float64Array(U * (S + 1)); // Σℓ per curve and segment; column S: the book
  for (const k of book.classes) {
    lossBy[k.curve * (S + 1) + k.segment] += k.lossSum;
    lossBy[k.curve * (S + 1) + S] += k.lossSum;
  }
  const lossAt = (z: number, column: number) => {
    let x = 0;
    for (let u = 0; u < U; u++) {
      const l = lossBy[u * (S + 1) + column];
      if (l > 0) x += l * conditionalPd(book.curves[u], z);
    }
    return x;
  };
  const shortfall = (q: number) => {
    const upper = normalQuantile(1 - q);
    const [x, wt] = GAUSS_LEGENDRE_32;
    const mid = 0.5 * (upper - Z_RANGE);
    const radius = 0.5 * (upper + Z_RANGE);
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      const z = mid + radius * x[i];
      sum += wt[i] * lossAt(z, S) * normalPdf(z);
    }
    return (sum * radius) / (1 - q);
  };
  const zEc = normalQuantile(1 - ecConfidence);
  const valueAtRisk = lossAt(zEc, S);
  return {
    expectedLoss: book.expectedLoss,
    quantiles: levels.map((q) => lossAt(normalQuantile(1 - q), S)),
    expectedShortfalls: levels.map((q) => (U === 0 ? 0 : shortfall(q))),
    valueAtRisk,
    economicCapital: valueAtRisk - book.expectedLoss,
    bySegment: book.segmentKeys.map((segment, s) => {
      const v = lossAt(zEc, s);
      return { segment, ead: book.segmentEad[s], expectedLoss: book.segmentExpectedLoss[s], valueAtRisk: v, economicCapital: v - book.segmentExpectedLoss[s] };
    }),
  };
}

/**
 * The distribution downsampled for charts: `plotPoints` bins from 0 to beyond the largest VaR
 * (1.3×) or the 1 − 0.01·(1−q) quantile, density per yuan and P(L > x); the granular book at the
 * same losses, P(L_granular > x) = Φ(z*) with ℓ(z*) = x and density φ(z*)/|ℓ′(z*)|.
 */
function plotData(book: Book, pmf: Float64Array, cdf: Float64Array, step: number, M: number, span: number, vars: number[], qMax: number, points: number = DEFAULTS.plotPoints): LossDistribution['plot'] {
  const n = Math.max(16, Math.floor(points));
  const loss = new Float64Array(n);
  const density = new Float64Array(n);
  const exceedance = new Float64Array(n);
  const granularDensity = new Float64Array(n);
  const granularExceedance = new Float64Array(n);
  if (book.classes.length === 0) return { loss, density, exceedance, granularDensity, granularExceedance };
  const far = (() => {
    const q = Math.min(1 - 1e-5, 1 - 0.01 * (1 - qMax));
    let k = 0;
    while (k < M - 1 && cdf[k] < q) k++;
    return k * step;
  })();
  const xMax = Math.min(span, Math.max(1.3 * Math.max(...vars), far, step * n));
  const cells = Math.max(1, Math.ceil(xMax / step / n));
  // The granular loss curve on a fine grid of z, inverted by interpolation.
  const U = book.curves.length;
  const curveLoss = new Float64Array(U);
  for (const k of book.classes) curveLoss[k.curve] += k.lossSum;
  const zs: number[] = [];
  const ls: number[] = [];
  for (let z = -Z_RANGE; z <= Z_RANGE + 1e-9; z += 0.02) {
    let x = 0;
    for (let u = 0; u < U; u++) x += curveLoss[u] * conditionalPd(book.curves[u], z);
    zs.push(z);
    ls.push(x);
  }
  for (let i = 0; i < n; i++) {
    const k0 = i * cells;
    let mass = 0;
    for (let k = k0; k < Math.min(M, k0 + cells); k++) mass += pmf[k];
    const x = (k0 + 0.5 * (cells - 1)) * step;
    loss[i] = x;
    density[i] = mass / (cells * step);
    exceedance[i] = Math.max(0, 1 - cdf[Math.min(M - 1, k0 + cells - 1)]);
    if (x >= ls[0]) continue; // beyond the granular book's largest loss
    if (x <= ls[ls.length - 1]) {
      granularExceedance[i] = 1;
      continue;
    }
    let lo = 0;
    let hi = ls.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ls[mid] > x) lo = mid;
      else hi = mid;
    }
    const t = (ls[lo] - x) / (ls[lo] - ls[hi]);
    const zStar = zs[lo] + t * (zs[hi] - zs[lo]);
    const slope = (ls[lo] - ls[hi]) / (zs[hi] - zs[lo]);
    granularExceedance[i] = normalCdf(zStar);
    granularDensity[i] = slope > 0 ? normalPdf(zStar) / slope : 0;
  }
  return { loss, density, exceedance, granularDensity, granularExceedance };
}

/** 32-point Gauss–Legendre nodes and weights on [−1, 1] (Newton on P₃₂, once). */
const GAUSS_LEGENDRE_32: [Float64Array, Float64Array] = (() => {
  const n = 32;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return [x, w];
})();
