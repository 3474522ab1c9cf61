/**
 * Geometry of a fan chart, pure (no DOM): the scales, the 5–95 % and 25–75 % band paths, the
 * median line, an optional overlay line and the reference (limit) line's y. FanChart.svelte
 * renders what this returns; tests check it table-driven.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

export interface FanBands {
  p5: readonly number[];
  p25: readonly number[];
  p50: readonly number[];
  p75: readonly number[];
  p95: readonly number[];
}

export interface FanFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface FanGeometry {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** The plot area in SVG units. */
  plot: { left: number; right: number; top: number; bottom: number };
  outer: string;
  inner: string;
  median: string;
  overlay: string | null;
  /** y of the reference line in SVG units; null when there is none or it lies outside the plot. */
  referenceY: number | null;
  xTicks: number[];
  yTicks: number[];
}

export const FAN_FRAME: FanFrame = { width: 250, height: 160, margin: { top: 8, right: 10, bottom: 30, left: 42 } };

/**
 * The y domain that holds every band value and the reference line, padded by 5 % of the span so
 * the limit is never drawn on the frame (a flat series gets a span of its own size, or 1).
 */
export function fanDomain(bands: FanBands, reference: number | null = null, overlay: readonly number[] | null = null): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of [bands.p5, bands.p95, bands.p50, overlay ?? []]) {
    for (const v of s) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (reference !== null && Number.isFinite(reference)) {
    lo = Math.min(lo, reference);
    hi = Math.max(hi, reference);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - 0.05 * span, hi + 0.05 * span];
}

/**
 * Scales and shapes of a fan chart. `x` holds the time of each point (years); the x scale runs
 * from 0 to the last time, the y scale over `yDomain` (niced), inverted for SVG.
 */
export function fanGeometry(
  xs: readonly number[],
  bands: FanBands,
  yDomain: [number, number],
  { reference = null, overlay = null, frame = FAN_FRAME }: { reference?: number | null; overlay?: readonly number[] | null; frame?: FanFrame } = {},
): FanGeometry {
  const { width: W, height: H, margin: M } = frame;
  const plot = { left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom };
  const x = scaleLinear()
    .domain([0, xs[xs.length - 1] || 1])
    .range([plot.left, plot.right]);
  const y = scaleLinear().domain(yDomain).range([plot.bottom, plot.top]).nice();
  const index = Array.from({ length: xs.length }, (_, i) => i);
  const band = (lo: readonly number[], hi: readonly number[]) =>
    area<number>()
      .x((i) => x(xs[i]))
      .y0((i) => y(lo[i]))
      .y1((i) => y(hi[i]))(index) ?? '';
  const through = (vs: readonly number[]) =>
    line<number>()
      .x((i) => x(xs[i]))
      .y((i) => y(vs[i]))(index) ?? '';
  let referenceY: number | null = null;
  if (reference !== null && Number.isFinite(reference)) {
    const ry = y(reference);
    if (ry >= plot.top - 1e-9 && ry <= plot.bottom + 1e-9) referenceY = ry;
  }
  return {
    x,
    y,
    plot,
    outer: band(bands.p5, bands.p95),
    inner: band(bands.p25, bands.p75),
    median: through(bands.p50),
    overlay: overlay ? through(overlay) : null,
    referenceY,
    xTicks: x.ticks(5),
    yTicks: y.ticks(4),
  };
}

/** Every (x, y) point of an SVG path made of M/L commands (d3's linear curves), for checks. */
export function pathPoints(d: string): [number, number][] {
  const nums = d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)?.map(Number) ?? [];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}
