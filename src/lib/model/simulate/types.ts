/**
 * Types of the multi-year Monte Carlo (docs/reference-model.md §7): the options, the compact per-path part a
 * worker returns, and the summarised bands the charts read.
 */
import { LIMITS } from '../evaluate';
import type { SimulationBook } from './book-input';

/** Figures recorded per path and per step, in this column order (segment columns follow). */
export const SERIES_KEYS = [
  'netProfit', // net profit of the corporate book in the step (yuan per step, realised loss charged)
  'netInterestIncome', // loan interest less FTP in the step (yuan per step)
  'nim', // net interest margin over FTP, annualised, on performing corporate loans
  'expectedLoss', // expected credit loss of the step on the book at its start (through-the-cycle PD)
  'realisedLoss', // realised credit loss of the step: defaulted exposure × LGD
  'nplRatio', // NPLs / (performing + NPL) corporate loans
  'capitalAdequacyRatio',
  'tier1Ratio',
  'cet1Ratio',
  'lcr',
  'nsfr',
  'totalLoans', // performing corporate loans
  'corporateDeposits',
  'clients', // performing corporate clients
  'managersNeeded', // Σ ceil(clients / clients per manager)
  'newClients', // clients who joined in the step
  'largestClientToCapital',
  'top10ToCapital',
  'factor', // the systematic factor Z of the step (σ units; low is bad)
] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** Per segment, two columns after the series: loans, clients. */
export const SEGMENT_COLUMNS = ['loans', 'clients'] as const;

export type LimitKey = keyof typeof LIMITS;

/** The limits of evaluate.ts, in the order of its `limits` list; bit i of a breach mask is LIMIT_KEYS[i]. */
export const LIMIT_KEYS: readonly LimitKey[] = ['singleClientToCapital', 'top10ToCapital', 'capitalAdequacyRatio', 'tier1Ratio', 'cet1Ratio', 'lcr', 'nsfr'];

/** 'max': breached when the value exceeds the limit; 'min': when it falls below. */
export const LIMIT_DIRECTIONS: Record<LimitKey, 'max' | 'min'> = {
  singleClientToCapital: 'max',
  top10ToCapital: 'max',
  capitalAdequacyRatio: 'min',
  tier1Ratio: 'min',
  cet1Ratio: 'min',
  lcr: 'min',
  nsfr: 'min',
};

/** The series each limit reads. */
export const LIMIT_SERIES: Record<LimitKey, SeriesKey> = {
  singleClientToCapital: 'largestClientToCapital',
  top10ToCapital: 'top10ToCapital',
  capitalAdequacyRatio: 'capitalAdequacyRatio',
  tier1Ratio: 'tier1Ratio',
  cet1Ratio: 'cet1Ratio',
  lcr: 'lcr',
  nsfr: 'nsfr',
};

export interface RunControl {
  /** Called with the fraction done, 0..1, about every 32 paths and at the end. */
  onProgress?: (fraction: number) => void;
  /** Checked every 32 paths; when it returns true the run throws a CancelledError. */
  isCancelled?: () => boolean;
}

export interface SimulatePathsOptions extends RunControl {
  seed: number;
  /** First global path index of this part (paths are numbered 0..paths−1 across all parts). */
  pathStart: number;
  /** Number of paths in this part. */
  pathCount: number;
  /** Start from this loan book instead of the generated one (book-input.ts). */
  book?: SimulationBook | null;
}

export interface SimulateOptions extends RunControl {
  /** Number of paths (default: scenario.simulation.paths). */
  paths?: number;
  /** Seed (default: scenario.simulation.seed). */
  seed?: number;
  /** Only simulate paths pathStart..pathStart+pathCount−1 (default: all). */
  pathStart?: number;
  pathCount?: number;
  /** Start from this loan book instead of the generated one (book-input.ts). */
  book?: SimulationBook | null;
}

/**
 * The raw result of a range of paths: plain data with transferable typed arrays, so a worker can
 * post it back with `Comlink.transfer(part, partTransferables(part))`.
 */
export interface SimulationPart {
  seed: number;
  pathStart: number;
  pathCount: number;
  steps: number;
  segmentCount: number;
  /** Columns per step: SERIES_KEYS then (loans, clients) per segment. */
  columns: number;
  /**
   * values[(step·pathCount + path)·columns + column], path relative to pathStart: step-major, so
   * the summary reads each step's rows in one sweep.
   */
  values: Float64Array;
  /** breaches[path·steps + step]: bit i set when LIMIT_KEYS[i] is breached at that step. */
  breaches: Uint8Array;
}

/** Percentile bands of one figure over the paths, one entry per step. */
export interface Band {
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
  mean: number[];
}

export interface SegmentBands {
  key: string;
  name: { zh: string; en: string };
  loans: Band;
  clients: Band;
  /** Share of performing corporate loans. */
  share: Band;
}

export interface BreachProbability {
  key: LimitKey;
  limit: number;
  direction: 'max' | 'min';
  /** Share of paths that breach the limit at one step or more. */
  probability: number;
  /** Share of paths in breach at each step. */
  byStep: number[];
}

export interface CumulativeProfit {
  mean: number;
  std: number;
  /** Share of paths whose cumulative net profit is negative. */
  probabilityOfLoss: number;
  percentiles: { p1: number; p5: number; p25: number; p50: number; p75: number; p95: number; p99: number };
  /** 40 equal bins from the smallest to the largest path; edges has counts.length + 1 entries. */
  histogram: { edges: number[]; counts: number[] };
}

/** The book at t = 0 in the closed-form view of evaluate(): yearly flows, expected loss charged. */
export type InitialSnapshot = Record<SeriesKey, number> & { segments: { key: string; loans: number; clients: number }[] };

export interface SimulationResult {
  seed: number;
  paths: number;
  steps: number;
  stepsPerYear: number;
  horizonYears: number;
  /** Time in years at the end of each step. */
  time: number[];
  initial: InitialSnapshot;
  bands: Record<SeriesKey, Band>;
  segments: SegmentBands[];
  /** Net profit summed over the horizon, per path. */
  cumulativeProfit: CumulativeProfit;
  /** Realised credit loss per year of the horizon: mean over paths and its standard error. */
  lossByYear: { mean: number; standardError: number }[];
  breaches: BreachProbability[];
  /** Share of paths that breach any limit at any step. */
  probabilityOfAnyBreach: number;
}
