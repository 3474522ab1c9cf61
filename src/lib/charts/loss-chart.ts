/**
 * Geometry of the loss-distribution and risk-contribution charts: scales, log-scale
 * ticks, curve paths, marker positions with non-overlapping label rows, and stacked bars. d3
 * computes, the Svelte components draw. Pure and DOM-free, so it is tested table-driven.
 */
import { max } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';
import { line } from 'd3-shape';
import { labelWidth } from './legible';

export type LossChartMode = 'density' | 'tail';

/** One curve: losses (yuan) with the density (per yuan) and the exceedance probability P(L > x) there. */
export interface LossSeries {
  id: string;
  loss: ArrayLike<number>;
  density: ArrayLike<number>;
  exceedance: ArrayLike<number>;
}

/** A vertical marker at a loss (EL, VaR, ES …), yuan. */
export interface LossMarker {
  id: string;
  value: number;
  label: string;
}

export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** Density is shown per 亿元 (1e8 yuan): "probability per 亿元 of loss" reads better than per yuan. */
export const DENSITY_UNIT = 1e8;
/** The log axis never reaches below this exceedance probability (one in ten million years). */
export const MIN_TAIL_PROBABILITY = 1e-7;

export interface LossScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  xTicks: number[];
  yTicks: number[];
  isLog: boolean;
}

/**
 * Powers of ten from `lo` up to `hi` (both > 0), inclusive where exact: the only ticks of the log
 * axis, so every label is a round probability (10%, 1%, 0.1% …).
 * @example logTicks(1e-6, 1) // [1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1]
 */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(Number(`1e${e}`));
  return out;
}

/**
 * The x range of the chart, yuan: in the density view up to a little beyond the furthest marker
 * (the density is invisible further out); in the tail view the whole computed range.
 */
export function lossXDomain(series: readonly LossSeries[], markers: readonly LossMarker[], mode: LossChartMode): [number, number] {
  const lastLoss = max(series, (s) => (s.loss.length ? s.loss[s.loss.length - 1] : 0)) ?? 0;
  const furthest = max(markers, (m) => m.value) ?? 0;
  const hi = mode === 'tail' ? Math.max(lastLoss, furthest * 1.05) : Math.max(furthest * 1.15, Math.min(lastLoss, furthest * 1.15));
  return [0, hi > 0 ? hi : 1];
}

/** Scales and ticks for `mode`: linear density per 亿元, or the exceedance probability on a log axis. */
export function lossScales(series: readonly LossSeries[], markers: readonly LossMarker[], mode: LossChartMode, frame: ChartFrame): LossScales {
  const { width, height, margin } = frame;
  const [x0, x1] = lossXDomain(series, markers, mode);
  const x = scaleLinear()
    .domain([x0, x1])
    .range([margin.left, width - margin.right]);
  const xTicks = x.ticks(6);
  if (mode === 'tail') {
    // The floor: the power of ten below the smallest exceedance drawn, not below MIN_TAIL_PROBABILITY.
    let smallest = 1;
    for (const s of series) for (let i = 0; i < s.loss.length; i++) if (s.loss[i] <= x1 && s.exceedance[i] > 0) smallest = Math.min(smallest, s.exceedance[i]);
    const floor = Math.max(MIN_TAIL_PROBABILITY, 10 ** Math.floor(Math.log10(smallest) - 1e-9));
    const y = scaleLog()
      .domain([floor, 1])
      .range([height - margin.bottom, margin.top])
      .clamp(true);
    return { x, y, xTicks, yTicks: logTicks(floor, 1), isLog: true };
  }
  let top = 0;
  for (const s of series) for (let i = 0; i < s.loss.length; i++) if (s.loss[i] <= x1) top = Math.max(top, s.density[i] * DENSITY_UNIT);
  const y = scaleLinear()
    .domain([0, top > 0 ? top * 1.08 : 1])
    .range([height - margin.bottom, margin.top])
    .nice();
  return { x, y, xTicks, yTicks: y.ticks(4), isLog: false };
}

/** The SVG path of one series in `mode` (points off the x range or, on the log axis, at zero are left out). */
export function lossPath(s: LossSeries, scales: LossScales): string {
  const [, x1] = scales.x.domain();
  const idx: number[] = [];
  for (let i = 0; i < s.loss.length; i++) if (s.loss[i] <= x1 * 1.0001) idx.push(i);
  const value = (i: number) => (scales.isLog ? s.exceedance[i] : s.density[i] * DENSITY_UNIT);
  return (
    line<number>()
      .defined((i) => Number.isFinite(value(i)) && (!scales.isLog || value(i) > 0))
      .x((i) => scales.x(s.loss[i]))
      .y((i) => scales.y(value(i)))(idx) ?? ''
  );
}

/** The density as a filled area down to the x axis (linear view only). */
export function densityAreaPath(s: LossSeries, scales: LossScales): string {
  const d = lossPath(s, scales);
  if (!d || scales.isLog) return '';
  const [y0] = scales.y.range();
  const [, x1] = scales.x.domain();
  let first = -1;
  let last = -1;
  for (let i = 0; i < s.loss.length; i++) if (s.loss[i] <= x1 * 1.0001) ((first = first < 0 ? i : first), (last = i));
  if (first < 0) return '';
  return `${d}L${scales.x(s.loss[last])},${y0}L${scales.x(s.loss[first])},${y0}Z`;
}

export interface PlacedMarker extends LossMarker {
  /** x of the marker line, px. */
  px: number;
  /** Label row, 0 at the top: labels that would overlap go one row down. */
  row: number;
  anchor: 'start' | 'end';
}

// Label widths are measured where every chart measures them (legible.ts).
export { labelWidth };

/**
 * Markers at their x, labels in rows so no two overlap. A label reads to the right of its line,
 * or to the left when it would run off the plot.
 */
export function placeMarkers(markers: readonly LossMarker[], x: ScaleLinear<number, number>, gap = 6): PlacedMarker[] {
  const [, right] = x.range();
  const rowsEnd: number[] = [];
  const sorted = [...markers].sort((a, b) => a.value - b.value);
  return sorted.map((m) => {
    const px = x(m.value);
    const w = labelWidth(m.label);
    const anchor: 'start' | 'end' = px + 4 + w > right ? 'end' : 'start';
    const from = anchor === 'start' ? px + 3 : px - 3 - w;
    const to = anchor === 'start' ? px + 3 + w : px - 3;
    let row = rowsEnd.findIndex((end) => end + gap <= from);
    if (row < 0) row = rowsEnd.length;
    rowsEnd[row] = to;
    return { ...m, px, row, anchor };
  });
}

/** Tick text of a probability on the log axis: 10%, 1%, 0.1%, 0.01%, 0.001% … */
export function probabilityTick(p: number): string {
  const pct = p * 100;
  const digits = Math.max(0, -Math.floor(Math.log10(pct) + 1e-9));
  return `${pct.toFixed(digits)}%`;
}

// —— risk contributions ————————————————————————————————————————————————

export interface BarInput {
  key: string;
  value: number;
}

export interface Bar extends BarInput {
  /** Start and end of the bar on its own row, px (from the zero line). */
  x0: number;
  x1: number;
  /** Start and end in the stacked total bar, px: consecutive, so the stack spans the total. */
  stack0: number;
  stack1: number;
}

/**
 * Bars of contributions on one scale from `left` to `right` px: each on its own row from zero,
 * and stacked end to end in a total bar, whose length is therefore the sum (the Euler allocation
 * adds up to EC). Negative contributions extend left of zero. `scaleTo` 'total' fits the sum to
 * the width (segments), 'largest' the largest bar (the top names).
 */
export function contributionBars(
  items: readonly BarInput[],
  left: number,
  right: number,
  scaleTo: 'total' | 'largest' = 'total',
): { bars: Bar[]; scale: ScaleLinear<number, number>; total: number } {
  const total = items.reduce((acc, b) => acc + b.value, 0);
  const positive = items.reduce((acc, b) => acc + Math.max(0, b.value), 0);
  const negative = items.reduce((acc, b) => acc + Math.min(0, b.value), 0);
  // 'largest': twenty names each ~2% of EC would be slivers on the total's scale.
  const hi = scaleTo === 'total' ? Math.max(positive, total) : (max(items, (b) => b.value) ?? 0);
  const lo = scaleTo === 'total' ? negative : Math.min(0, ...items.map((b) => b.value));
  const scale = scaleLinear()
    .domain([Math.min(0, lo), Math.max(hi, 1e-12)])
    .range([left, right]);
  let at = scale(0);
  const bars = items.map((it) => {
    const x0 = scale(Math.min(0, it.value));
    const x1 = scale(Math.max(0, it.value));
    const w = scale(Math.abs(it.value)) - scale(0);
    const stack0 = it.value >= 0 ? at : at - w;
    const stack1 = it.value >= 0 ? at + w : at;
    at = it.value >= 0 ? stack1 : stack0;
    return { ...it, x0, x1, stack0, stack1 };
  });
  return { bars, scale, total };
}

/**
 * P(L > x) at a loss between plot points, interpolated linearly in log-probability (the tail is
 * close to exponential between points); the end values outside the plotted range.
 */
export function exceedanceAt(loss: ArrayLike<number>, exceedance: ArrayLike<number>, x: number): number {
  const n = loss.length;
  if (n === 0) return NaN;
  if (x <= loss[0]) return exceedance[0];
  for (let i = 1; i < n; i++) {
    if (x <= loss[i]) {
      const a = exceedance[i - 1];
      const b = exceedance[i];
      const t = (x - loss[i - 1]) / (loss[i] - loss[i - 1]);
      return a > 0 && b > 0 ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
    }
  }
  return exceedance[n - 1];
}
