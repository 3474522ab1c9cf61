/**
 * Merges the parts of a run (in path order) into percentile bands, the distribution of
 * cumulative profit and the probabilities of breaching each limit. Percentiles are the linear
 * interpolation of the sorted sample (Hyndman & Fan type 7, as numpy and d3-array's quantileSorted).
 * Means are summed in path order, so the result does not depend on how the paths were split.
 */
import { LIMITS } from '../evaluate';
import type { Scenario } from '../scenario';
import { quantileSorted, sampleQuantiles } from '../quantiles';
import { SERIES_COUNT, SERIES_INDEX } from './accounting';
import { initialSnapshot } from './engine';
import { preparedFor } from './setup';
import type { SimulationBook } from './book-input';
import {
  LIMIT_DIRECTIONS,
  LIMIT_KEYS,
  SERIES_KEYS,
  type Band,
  type BreachProbability,
  type SeriesKey,
  type SimulationPart,
  type SimulationResult,
} from './types';

const HISTOGRAM_BINS = 40;

function emptyBand(steps: number): Band {
  return {
    p5: new Array<number>(steps),
    p25: new Array<number>(steps),
    p50: new Array<number>(steps),
    p75: new Array<number>(steps),
    p95: new Array<number>(steps),
    mean: new Array<number>(steps),
  };
}

const BAND_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95];

/** The mean and the type-7 quantiles of `sample` at BAND_PROBABILITIES (out: p5 … p95, mean), in linear time (quantiles.ts). */
function bandStatistics(sample: Float64Array, out: number[]): void {
  out[5] = sampleQuantiles(sample, BAND_PROBABILITIES, out) / sample.length;
}

const scratch = [0, 0, 0, 0, 0, 0];

/** Checks that the parts fit together and returns them in path order. */
function orderParts(parts: readonly SimulationPart[]): SimulationPart[] {
  if (parts.length === 0) throw new RangeError('summarizeSimulation needs at least one part');
  const sorted = [...parts].sort((a, b) => a.pathStart - b.pathStart);
  const first = sorted[0];
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k];
    if (p.seed !== first.seed || p.steps !== first.steps || p.columns !== first.columns || p.segmentCount !== first.segmentCount) {
      throw new RangeError('parts come from different runs (seed, steps or segments differ)');
    }
    if (p.values.length !== p.pathCount * p.steps * p.columns || p.breaches.length !== p.pathCount * p.steps) {
      throw new RangeError('a part has arrays of the wrong length');
    }
    if (k > 0 && p.pathStart !== sorted[k - 1].pathStart + sorted[k - 1].pathCount) {
      throw new RangeError(
        `parts must cover consecutive paths: a part starts at ${p.pathStart}, expected ${sorted[k - 1].pathStart + sorted[k - 1].pathCount}`,
      );
    }
  }
  return sorted;
}

/** Numbers per band and step in StepBands.stats: p5, p25, p50, p75, p95, mean. */
const STATS = 6;

/**
 * A part's rows of steps [from, to) (the rows are step-major, so a step range is one stretch of
 * `values`): what the summary of those steps reads. `copy` gives it its own buffer, to transfer to another worker.
 */
export interface SimulationStepSlice {
  pathStart: number;
  pathCount: number;
  columns: number;
  segmentCount: number;
  from: number;
  to: number;
  /** values[((t − from)·pathCount + path)·columns + column]. */
  values: Float64Array;
}

/**
 * The rows of steps [from, to) of a part; a view of its buffer, or a copy when `copy` (for a transfer).
 * @example stepSlice(part, 10, 20, true) // steps 11–20 of every path of the part
 */
export function stepSlice(part: SimulationPart, from: number, to: number, copy = false): SimulationStepSlice {
  const row = part.pathCount * part.columns;
  const values = copy ? part.values.slice(from * row, to * row) : part.values.subarray(from * row, to * row);
  return { pathStart: part.pathStart, pathCount: part.pathCount, columns: part.columns, segmentCount: part.segmentCount, from, to, values };
}

/** The percentile bands of steps [from, to): stats[((t − from)·K + k)·6 + j], k over SERIES_KEYS then (share, loans, clients) per segment. */
export interface StepBands {
  from: number;
  to: number;
  stats: Float64Array;
}

/**
 * The percentile bands of the steps of `slices` (consecutive paths, any order, one step range): the
 * same numbers summarizeSimulation gives those steps, so the steps of a run can be summarised in
 * several workers at once and merged with mergeStepBands.
 * @example summarizeStepBands(parts.map((p) => stepSlice(p, 0, 10)))
 */
export function summarizeStepBands(slices: readonly SimulationStepSlice[]): StepBands {
  if (slices.length === 0) throw new RangeError('summarizeStepBands needs at least one slice');
  const ordered = [...slices].sort((a, b) => a.pathStart - b.pathStart);
  const { from, to, columns, segmentCount: S } = ordered[0];
  for (let k = 0; k < ordered.length; k++) {
    const p = ordered[k];
    if (p.from !== from || p.to !== to || p.columns !== columns || p.values.length !== (to - from) * p.pathCount * columns) {
      throw new RangeError('slices must cover the same steps of one run');
    }
    if (k > 0 && p.pathStart !== ordered[k - 1].pathStart + ordered[k - 1].pathCount) throw new RangeError('slices must cover consecutive paths');
  }
  const paths = ordered.reduce((a, p) => a + p.pathCount, 0);
  const K = SERIES_KEYS.length + 3 * S;
  const stats = new Float64Array((to - from) * K * STATS);
  // One sample per column, filled step by step from each path's contiguous row (cache-friendly).
  const samples = Array.from({ length: columns }, () => new Float64Array(paths));
  const shareSample = new Float64Array(paths);
  const totalCol = SERIES_INDEX.totalLoans;
  const put = (t: number, k: number, sample: Float64Array) => {
    bandStatistics(sample, scratch);
    stats.set(scratch, ((t - from) * K + k) * STATS);
  };
  for (let t = from; t < to; t++) {
    let i = 0;
    for (const part of ordered) {
      gatherRows(part.values, (t - from) * part.pathCount * columns, part.pathCount, samples, i);
      i += part.pathCount;
    }
    for (let s = 0; s < S; s++) {
      const loans = samples[SERIES_COUNT + 2 * s];
      shareOf(loans, samples[totalCol], shareSample);
      put(t, SERIES_KEYS.length + 3 * s, shareSample);
      put(t, SERIES_KEYS.length + 3 * s + 1, loans);
      put(t, SERIES_KEYS.length + 3 * s + 2, samples[SERIES_COUNT + 2 * s + 1]);
    }
    for (let j = 0; j < SERIES_KEYS.length; j++) put(t, j, samples[j]);
  }
  return { from, to, stats };
}

/*
 * The summary's loops live in small functions called many times (per part, per step), not inline
 * in the summary's one call per run: a long loop in a function called once runs on on-stack-replaced
 * code, which V8 throws away when the loop exits, so every run compiled it again (the browser's
 * summary took twice as long as the same code in a benchmark that calls it repeatedly).
 */

/** Copies `count` rows of `columns` values from values[row…] into samples[c][at…] (one sample per column). */
function gatherRows(values: Float64Array, row: number, count: number, samples: Float64Array[], at: number): void {
  const columns = samples.length;
  for (let k = 0; k < count; k++, row += columns) {
    for (let c = 0; c < columns; c++) samples[c][at + k] = values[row + c];
  }
}

/** out[k] = part[k] / total[k], 0 where the total is 0: a segment's share of the book per path. */
function shareOf(part: Float64Array, total: Float64Array, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = total[k] > 0 ? part[k] / total[k] : 0;
}

/** Adds one step's profit and realised loss of a part's paths to their running totals from path `at`. */
function addStepFigures(values: Float64Array, row: number, count: number, columns: number, cumulative: Float64Array, loss: Float64Array, at: number): void {
  for (let k = 0; k < count; k++, row += columns) {
    cumulative[at + k] += values[row + SERIES_INDEX.netProfit];
    loss[at + k] += values[row + SERIES_INDEX.realisedLoss];
  }
}

/** Counts a part's breaches into stepCount[l][t] and anyCount[l]; returns how many of its paths breached any limit. */
function countBreaches(b: Uint8Array, pathCount: number, T: number, anyCount: number[], stepCount: number[][]): number {
  const L = anyCount.length;
  let anyBreach = 0;
  for (let k = 0; k < pathCount; k++) {
    let pathMask = 0;
    for (let t = 0; t < T; t++) {
      const m = b[k * T + t];
      pathMask |= m;
      if (m) for (let l = 0; l < L; l++) if (m & (1 << l)) stepCount[l][t]++;
    }
    for (let l = 0; l < L; l++) if (pathMask & (1 << l)) anyCount[l]++;
    if (pathMask) anyBreach++;
  }
  return anyBreach;
}

/** The buffer of a StepBands, for a zero-copy postMessage. */
export function stepBandsTransferables(b: StepBands): ArrayBuffer[] {
  return [b.stats.buffer as ArrayBuffer];
}

function writeBand(band: Band, t: number, stats: Float64Array, o: number): void {
  band.p5[t] = stats[o];
  band.p25[t] = stats[o + 1];
  band.p50[t] = stats[o + 2];
  band.p75[t] = stats[o + 3];
  band.p95[t] = stats[o + 4];
  band.mean[t] = stats[o + 5];
}

/**
 * Writes the bands of steps [b.from, b.to) into a result (of summarizeSimulation with `bandSteps`, which left them out) and returns it.
 * @example mergeStepBands(summarizeSimulation(s, parts, null, { bandSteps: [0, 10] }), summarizeStepBands(parts.map((p) => stepSlice(p, 10, 20))))
 */
export function mergeStepBands(result: SimulationResult, b: StepBands): SimulationResult {
  const S = result.segments.length;
  const K = SERIES_KEYS.length + 3 * S;
  if (b.from < 0 || b.to > result.steps || b.stats.length !== (b.to - b.from) * K * STATS) throw new RangeError('the bands do not fit this result');
  for (let t = b.from; t < b.to; t++) {
    const o = (t - b.from) * K * STATS;
    for (let j = 0; j < SERIES_KEYS.length; j++) writeBand(result.bands[SERIES_KEYS[j]], t, b.stats, o + j * STATS);
    for (let s = 0; s < S; s++) {
      const k = o + (SERIES_KEYS.length + 3 * s) * STATS;
      writeBand(result.segments[s].share, t, b.stats, k);
      writeBand(result.segments[s].loans, t, b.stats, k + STATS);
      writeBand(result.segments[s].clients, t, b.stats, k + 2 * STATS);
    }
  }
  return result;
}

/**
 * Merges parts into the bands the charts read. The parts must be consecutive ranges of paths of
 * one run (any order; they are sorted by pathStart). With `bandSteps: [from, to]` only those steps'
 * bands are computed (the others, summarised elsewhere with summarizeStepBands, are merged in with mergeStepBands).
 * @example summarizeSimulation(scenario, [simulatePaths(scenario, { seed, pathStart: 0, pathCount: 500 }), …])
 */
export function summarizeSimulation(
  scenario: Scenario,
  parts: readonly SimulationPart[],
  book?: SimulationBook | null,
  options: { bandSteps?: readonly [number, number] } = {},
): SimulationResult {
  const ordered = orderParts(parts);
  const prep = preparedFor(scenario, book);
  const T = ordered[0].steps;
  const P = prep.stepsPerYear;
  if (T !== prep.steps || ordered[0].segmentCount !== prep.segments.length) {
    throw new RangeError('the parts were not simulated from this scenario (steps or segments differ)');
  }
  const columns = ordered[0].columns;
  const paths = ordered.reduce((a, p) => a + p.pathCount, 0);
  if (paths === 0) throw new RangeError('summarizeSimulation needs at least one path');
  const bands = Object.fromEntries(SERIES_KEYS.map((k) => [k, emptyBand(T)])) as Record<SeriesKey, Band>;
  const segmentBands = prep.segments.map((g) => ({ key: g.key, name: g.name, loans: emptyBand(T), clients: emptyBand(T), share: emptyBand(T) }));
  const [bandsFrom, bandsTo] = options.bandSteps ?? [0, T];
  const stepBands = bandsTo > bandsFrom ? summarizeStepBands(ordered.map((p) => stepSlice(p, bandsFrom, bandsTo))) : null;

  // Cumulative net profit and realised loss per year, per path.
  const years = Math.ceil(T / P);
  const cumulative = new Float64Array(paths);
  const yearLoss = Array.from({ length: years }, () => new Float64Array(paths));
  for (let t = 0; t < T; t++) {
    const loss = yearLoss[Math.floor(t / P)];
    let i = 0;
    for (const part of ordered) {
      addStepFigures(part.values, t * part.pathCount * columns, part.pathCount, columns, cumulative, loss, i);
      i += part.pathCount;
    }
  }
  let sum = 0;
  let losses = 0;
  for (let i = 0; i < paths; i++) {
    sum += cumulative[i];
    if (cumulative[i] < 0) losses++;
  }
  const mean = sum / paths;
  let ss = 0;
  for (let i = 0; i < paths; i++) ss += (cumulative[i] - mean) ** 2;
  const std = paths > 1 ? Math.sqrt(ss / (paths - 1)) : 0;
  const sortedCum = Float64Array.from(cumulative).sort();
  const lo = sortedCum[0];
  const hi = sortedCum[paths - 1];
  const width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 0;
  const counts = new Array<number>(width > 0 ? HISTOGRAM_BINS : 1).fill(0);
  for (let i = 0; i < paths; i++) {
    const b = width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((cumulative[i] - lo) / width)) : 0;
    counts[b]++;
  }
  const edges = width > 0 ? Array.from({ length: HISTOGRAM_BINS + 1 }, (_, b) => (b === HISTOGRAM_BINS ? hi : lo + b * width)) : [lo, hi];

  const lossByYear = yearLoss.map((arr) => {
    let m = 0;
    for (let i = 0; i < paths; i++) m += arr[i];
    m /= paths;
    let v = 0;
    for (let i = 0; i < paths; i++) v += (arr[i] - m) ** 2;
    const sd = paths > 1 ? Math.sqrt(v / (paths - 1)) : 0;
    return { mean: m, standardError: sd / Math.sqrt(paths) };
  });

  // Breaches: at any step, and per step.
  const L = LIMIT_KEYS.length;
  const anyCount = new Array<number>(L).fill(0);
  const stepCount = Array.from({ length: L }, () => new Array<number>(T).fill(0));
  let anyBreach = 0;
  for (const part of ordered) anyBreach += countBreaches(part.breaches, part.pathCount, T, anyCount, stepCount);
  const breaches: BreachProbability[] = LIMIT_KEYS.map((key, l) => ({
    key,
    limit: LIMITS[key],
    direction: LIMIT_DIRECTIONS[key],
    probability: anyCount[l] / paths,
    byStep: stepCount[l].map((c) => c / paths),
  }));

  const result: SimulationResult = {
    seed: ordered[0].seed,
    paths,
    steps: T,
    stepsPerYear: P,
    horizonYears: T / P,
    time: Array.from({ length: T }, (_, t) => (t + 1) / P),
    initial: initialSnapshot(prep),
    bands,
    segments: segmentBands,
    cumulativeProfit: {
      mean,
      std,
      probabilityOfLoss: losses / paths,
      percentiles: {
        p1: quantileSorted(sortedCum, 0.01),
        p5: quantileSorted(sortedCum, 0.05),
        p25: quantileSorted(sortedCum, 0.25),
        p50: quantileSorted(sortedCum, 0.5),
        p75: quantileSorted(sortedCum, 0.75),
        p95: quantileSorted(sortedCum, 0.95),
        p99: quantileSorted(sortedCum, 0.99),
      },
      histogram: { edges, counts },
    },
    lossByYear,
    breaches,
    probabilityOfAnyBreach: anyBreach / paths,
  };
  return stepBands ? mergeStepBands(result, stepBands) : result;
}
