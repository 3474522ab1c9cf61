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

function fillBand(band: Band, t: number, sample: Float64Array): void {
  bandStatistics(sample, scratch);
  band.p5[t] = scratch[0];
  band.p25[t] = scratch[1];
  band.p50[t] = scratch[2];
  band.p75[t] = scratch[3];
  band.p95[t] = scratch[4];
  band.mean[t] = scratch[5];
}

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

/**
 * Merges parts into the bands the charts read. The parts must be consecutive ranges of paths of
 * one run (any order; they are sorted by pathStart).
 * @example summarizeSimulation(scenario, [simulatePaths(scenario, { seed, pathStart: 0, pathCount: 500 }), …])
 */
export function summarizeSimulation(scenario: Scenario, parts: readonly SimulationPart[], book?: SimulationBook | null): SimulationResult {
  const ordered = orderParts(parts);
  const prep = preparedFor(scenario, book);
  const T = ordered[0].steps;
  const P = prep.stepsPerYear;
  if (T !== prep.steps || ordered[0].segmentCount !== prep.segments.length) {
    throw new RangeError('the parts were not simulated from this scenario (steps or segments differ)');
  }
  const columns = ordered[0].columns;
  const S = prep.segments.length;
  const paths = ordered.reduce((a, p) => a + p.pathCount, 0);
  if (paths === 0) throw new RangeError('summarizeSimulation needs at least one path');
  // One sample per column, filled step by step from each path's contiguous row (cache-friendly).
  const samples = Array.from({ length: columns }, () => new Float64Array(paths));
  const shareSample = new Float64Array(paths);
  const bands = Object.fromEntries(SERIES_KEYS.map((k) => [k, emptyBand(T)])) as Record<SeriesKey, Band>;
  const segmentBands = prep.segments.map((g) => ({ key: g.key, name: g.name, loans: emptyBand(T), clients: emptyBand(T), share: emptyBand(T) }));
  const totalCol = SERIES_INDEX.totalLoans;
  for (let t = 0; t < T; t++) {
    let i = 0;
    for (const part of ordered) {
      const v = part.values;
      for (let k = 0, row = t * part.pathCount * columns; k < part.pathCount; k++, i++, row += columns) {
        for (let c = 0; c < columns; c++) samples[c][i] = v[row + c];
      }
    }
    for (let s = 0; s < S; s++) {
      const loans = samples[SERIES_COUNT + 2 * s];
      const total = samples[totalCol];
      for (let k = 0; k < paths; k++) shareSample[k] = total[k] > 0 ? loans[k] / total[k] : 0;
      fillBand(segmentBands[s].share, t, shareSample);
      fillBand(segmentBands[s].loans, t, loans);
      fillBand(segmentBands[s].clients, t, samples[SERIES_COUNT + 2 * s + 1]);
    }
    for (let j = 0; j < SERIES_KEYS.length; j++) fillBand(bands[SERIES_KEYS[j]], t, samples[j]); // reorders the samples: last
  }

  // Cumulative net profit and realised loss per year, per path.
  const profitCol = SERIES_INDEX.netProfit;
  const lossCol = SERIES_INDEX.realisedLoss;
  const years = Math.ceil(T / P);
  const cumulative = new Float64Array(paths);
  const yearLoss = Array.from({ length: years }, () => new Float64Array(paths));
  for (let t = 0; t < T; t++) {
    const loss = yearLoss[Math.floor(t / P)];
    let i = 0;
    for (const part of ordered) {
      const v = part.values;
      for (let k = 0, row = t * part.pathCount * columns; k < part.pathCount; k++, i++, row += columns) {
        cumulative[i] += v[row + profitCol];
        loss[i] += v[row + lossCol];
      }
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
  for (const part of ordered) {
    const b = part.breaches;
    for (let k = 0; k < part.pathCount; k++) {
      let pathMask = 0;
      for (let t = 0; t < T; t++) {
        const m = b[k * T + t];
        pathMask |= m;
        if (m) for (let l = 0; l < L; l++) if (m & (1 << l)) stepCount[l][t]++;
      }
      for (let l = 0; l < L; l++) if (pathMask & (1 << l)) anyCount[l]++;
      if (pathMask) anyBreach++;
    }
  }
  const breaches: BreachProbability[] = LIMIT_KEYS.map((key, l) => ({
    key,
    limit: LIMITS[key],
    direction: LIMIT_DIRECTIONS[key],
    probability: anyCount[l] / paths,
    byStep: stepCount[l].map((c) => c / paths),
  }));

  return {
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
}
