/** Public types of the loss distribution and its defaults. See index.ts for the method. */

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

export const DEFAULTS = {
  ecConfidence: 0.999, // docs/reference-model.md §3: EC = VaR₉₉.₉ − EL
  topNames: 20,
  stepsPerVaR: 400,
  ripplePrecision: 0.35,
  mergeTolerance: 1 / 128,
  plotPoints: 240,
  spectrumCacheBytes: 16 * 2 ** 20,
} as const;
