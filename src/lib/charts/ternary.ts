/**
 * Geometry of a ternary (three-segment) mix diagram: shares ↔ x/y, snapping to a grid of whole
 * percentage points, keyboard moves, the hexagonal cell of each grid mix and contour lines of a
 * value over the grid. Pure functions (no DOM), used by TernaryMixChart.svelte and the
 * workshop's MixTernary.svelte, and tested alone.
 *
 * The triangle: segment 0 at the top corner, segment 1 bottom-left, segment 2 bottom-right, side
 * `side`, so a mix is the share-weighted average of the three corners (barycentric coordinates).
 * For the demo bank: large clients on top, mid-sized bottom-left, small bottom-right.
 */
import { contours } from 'd3-contour';

export type Shares3 = [number, number, number];
type Point = [number, number];

export interface TernaryFrame {
  side: number;
  height: number;
  /** Corners of segments 0, 1, 2. */
  corners: [Point, Point, Point];
}

/** The triangle of side `side` with its top corner at (side/2, 0). */
export function ternaryFrame(side: number): TernaryFrame {
  const height = (side * Math.sqrt(3)) / 2;
  return {
    side,
    height,
    corners: [
      [side / 2, 0],
      [0, height],
      [side, height],
    ],
  };
}

/** A mix's point: Σ shareᵢ·cornerᵢ (shares are normalised to sum 1 first). */
export function sharesToXY(shares: readonly number[], frame: TernaryFrame): Point {
  const total = shares[0] + shares[1] + shares[2] || 1;
  let x = 0;
  let y = 0;
  for (let i = 0; i < 3; i++) {
    x += (shares[i] / total) * frame.corners[i][0];
    y += (shares[i] / total) * frame.corners[i][1];
  }
  return [x, y];
}

/** The barycentric coordinates of any point (outside the triangle one of them is negative). */
export function xyToShares(x: number, y: number, frame: TernaryFrame): Shares3 {
  const a = 1 - y / frame.height; // the top corner's share falls linearly with depth
  const c = x / frame.side - a / 2; // x = a·side/2 + c·side
  return [a, 1 - a - c, c];
}

/**
 * Nearest point of the simplex (shares ≥ 0 summing to 1), Euclidean. For the equilateral
 * triangle it is also the nearest point of the triangle in x/y, so a drag outside slides along
 * the edge. Sort-based projection (Held, Wolfe and Crowder 1974; Duchi et al. 2008).
 */
export function projectToSimplex(v: readonly number[]): number[] {
  const u = [...v].sort((p, q) => q - p);
  let cumulative = 0;
  let theta = 0;
  for (let i = 0; i < u.length; i++) {
    cumulative += u[i];
    const t = (cumulative - 1) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  return v.map((x) => Math.max(0, x - theta));
}

/**
 * Whole grid units (summing to `divisions`) nearest to the shares, by largest remainder, so
 * 0.654/0.251/0.095 at 100 divisions is 65/25/10 and the units always sum to 100.
 */
export function sharesToUnits(shares: readonly number[], divisions: number): number[] {
  const total = shares.reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const exact = shares.map((s) => (Math.max(0, s) / total) * divisions);
  const units = exact.map(Math.floor);
  let left = divisions - units.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) units[order[j][1]]++;
  return units;
}

/** Shares snapped to the grid (multiples of 1/divisions, summing to exactly 1 in units). */
export function snapShares(shares: readonly number[], divisions: number): number[] {
  return sharesToUnits(shares, divisions).map((u) => u / divisions);
}

/** Keys that move the mix point. */
export type MixKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'PageUp' | 'PageDown';

export function isMixKey(key: string): key is MixKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'PageUp' || key === 'PageDown';
}

/**
 * One keyboard move of the mix, by `step` grid units (1 pp at 100 divisions):
 * ↑ / ↓ the top segment to the next whole step up / down, the other two rebalanced in exact
 * proportion (the point moves straight toward / away from the top corner, as the dashboard's
 * linked sliders do; rounding the others would drift the point along an edge instead);
 * ← / → `step` moved from the bottom-right segment to the bottom-left one or back (the point
 * moves along a horizontal line, the top segment unchanged); Page Up / Page Down: ↑ / ↓ by
 * 10 steps. At an edge the move stops there. Returns shares summing to 1.
 */
export function moveMix(shares: readonly number[], key: MixKey, divisions = 100, step = 1): Shares3 {
  const total = Math.max(0, shares[0]) + Math.max(0, shares[1]) + Math.max(0, shares[2]) || 1;
  const [a, b, c] = [0, 1, 2].map((i) => Math.max(0, shares[i]) / total);
  const unit = step / divisions;
  const clean = (x: number) => Math.round(x * 1e12) / 1e12; // no 0.09000000000000001
  switch (key) {
    case 'ArrowLeft': {
      const d = Math.min(unit, c);
      return [a, clean(b + d), clean(c - d)];
    }
    case 'ArrowRight': {
      const d = Math.min(unit, b);
      return [a, clean(b - d), clean(c + d)];
    }
    default: {
      const steps = key === 'ArrowUp' ? 1 : key === 'ArrowDown' ? -1 : key === 'PageUp' ? 10 : -10;
      const top = Math.min(divisions, Math.max(0, Math.round(a * divisions) + steps * step)) / divisions;
      const rest = 1 - top;
      // The others keep their proportion (an even split when both are zero).
      if (b + c === 0) return [top, rest / 2, rest / 2];
      return [top, clean((b * rest) / (b + c)), clean((c * rest) / (b + c))];
    }
  }
}

/** Row of the grid mix (a, b, ·) in a design's lexicographic order, for a quick lookup by units. */
export function gridRowLookup(units: Uint16Array, divisions: number): Int32Array {
  const n = divisions + 1;
  const lookup = new Int32Array(n * n).fill(-1);
  for (let i = 0; i * 3 < units.length; i++) lookup[units[i * 3] * n + units[i * 3 + 1]] = i;
  return lookup;
}

/** Row of the grid mix nearest to the shares (−1 when the lookup has no such mix). */
export function nearestRow(shares: readonly number[], divisions: number, lookup: Int32Array): number {
  const [a, b] = sharesToUnits(shares, divisions);
  return lookup[a * (divisions + 1) + b] ?? -1;
}

/**
 * One path of the hexagonal cells of the chosen grid mixes: the cell of a mix is its Voronoi
 * hexagon in the triangular lattice, so the cells tile the triangle (clip it to the triangle).
 */
export function cellsPath(units: Uint16Array, divisions: number, frame: TernaryFrame, include: (row: number) => boolean): string {
  const s = frame.side / divisions; // lattice spacing: neighbours one unit apart
  const r = s / Math.sqrt(3); // circumradius of the hexagon
  const h = (s / 2).toFixed(2);
  const rr = r.toFixed(2);
  const r2 = (r / 2).toFixed(2);
  const hex = `l${h},${r2}v${rr}l-${h},${r2}l-${h},-${r2}v-${rr}z`;
  const parts: string[] = [];
  for (let i = 0; i * 3 < units.length; i++) {
    if (!include(i)) continue;
    const [x, y] = sharesToXY([units[i * 3], units[i * 3 + 1], units[i * 3 + 2]], frame);
    parts.push(`M${x.toFixed(2)},${(y - r).toFixed(2)}${hex}`);
  }
  return parts.join('');
}

/**
 * Contour lines of a value over the grid, as SVG path data in the frame (one per threshold),
 * with d3-contour's marching squares on the (top units × left units) square; the half outside
 * the triangle repeats the nearest edge value, so draw them clipped to the triangle.
 */
export function contourPaths(
  units: Uint16Array,
  values: ArrayLike<number>,
  divisions: number,
  frame: TernaryFrame,
  thresholds: readonly number[],
): { threshold: number; d: string }[] {
  const n = divisions + 1;
  const lookup = gridRowLookup(units, divisions);
  const square = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const row = lookup[a * n + Math.min(b, divisions - a)];
      square[a * n + b] = row >= 0 ? values[row] : NaN;
    }
  }
  // d3-contour puts sample (col, row) at (col + ½, row + ½): col = left units, row = top units.
  const toXY = ([col, row]: number[]): string => {
    const a = (row - 0.5) / divisions;
    const b = (col - 0.5) / divisions;
    const [x, y] = sharesToXY([a, b, 1 - a - b], frame);
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  };
  return contours()
    .size([n, n])
    .thresholds([...thresholds])(Array.from(square))
    .map((mp) => ({
      threshold: mp.value,
      d: mp.coordinates.map((polygon) => polygon.map((ring) => `M${ring.map(toXY).join('L')}Z`).join('')).join(''),
    }));
}

/** Lines of constant share (every `every` of the whole) for the three axes, as path data. */
export function gridLinesPath(frame: TernaryFrame, every = 0.2): string {
  const parts: string[] = [];
  for (let t = every; t < 1 - 1e-9; t += every) {
    const lines: [Shares3, Shares3][] = [
      [
        [t, 1 - t, 0],
        [t, 0, 1 - t],
      ],
      [
        [1 - t, t, 0],
        [0, t, 1 - t],
      ],
      [
        [1 - t, 0, t],
        [0, 1 - t, t],
      ],
    ];
    for (const [p, q] of lines) {
      const [x1, y1] = sharesToXY(p, frame);
      const [x2, y2] = sharesToXY(q, frame);
      parts.push(`M${x1.toFixed(2)},${y1.toFixed(2)}L${x2.toFixed(2)},${y2.toFixed(2)}`);
    }
  }
  return parts.join('');
}
