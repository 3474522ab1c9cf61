// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  cellsPath,
  contourPaths,
  gridRowLookup,
  moveMix,
  nearestRow,
  projectToSimplex,
  sharesToUnits,
  sharesToXY,
  snapShares,
  ternaryFrame,
  xyToShares,
  type MixKey,
} from '../../src/lib/charts/ternary';
import { demoScenario, designMix } from '../../src/lib/model';

const SIDE = 400;
const frame = ternaryFrame(SIDE);
const H = (SIDE * Math.sqrt(3)) / 2;

describe('ternary geometry: shares ↔ x/y', () => {
  const cases: { name: string; shares: [number, number, number]; xy: [number, number] }[] = [
    { name: 'top corner (segment 0 = 100%)', shares: [1, 0, 0], xy: [SIDE / 2, 0] },
    { name: 'bottom-left corner (segment 1)', shares: [0, 1, 0], xy: [0, H] },
    { name: 'bottom-right corner (segment 2)', shares: [0, 0, 1], xy: [SIDE, H] },
    { name: 'centre (1/3 each)', shares: [1 / 3, 1 / 3, 1 / 3], xy: [SIDE / 2, (2 * H) / 3] },
    { name: 'middle of the bottom edge', shares: [0, 0.5, 0.5], xy: [SIDE / 2, H] },
    { name: 'middle of the left edge', shares: [0.5, 0.5, 0], xy: [SIDE / 4, H / 2] },
    { name: 'the inverted pyramid 65/25/10', shares: [0.65, 0.25, 0.1], xy: [0.65 * 200 + 0.1 * 400, 0.35 * H] },
  ];

  it.each(cases)('$name', ({ shares, xy }) => {
    const [x, y] = sharesToXY(shares, frame);
    expect(x).toBeCloseTo(xy[0], 9);
    expect(y).toBeCloseTo(xy[1], 9);
    const back = xyToShares(x, y, frame);
    back.forEach((s, i) => expect(s).toBeCloseTo(shares[i], 12));
  });

  it('round-trips every mix of a 1 pp grid, and does not mutate its input', () => {
    for (let a = 0; a <= 100; a += 7) {
      for (let b = 0; a + b <= 100; b += 3) {
        const shares = [a / 100, b / 100, (100 - a - b) / 100] as const;
        const copy = [...shares];
        const [x, y] = sharesToXY(shares, frame);
        const back = xyToShares(x, y, frame);
        back.forEach((s, i) => expect(s).toBeCloseTo(shares[i], 12));
        expect([...shares]).toEqual(copy);
      }
    }
  });

  it('normalises shares that do not sum to 1', () => {
    expect(sharesToXY([2, 2, 2], frame)).toEqual(sharesToXY([1 / 3, 1 / 3, 1 / 3], frame));
  });

  it.each([
    { name: 'inside stays', v: [0.5, 0.3, 0.2], out: [0.5, 0.3, 0.2] },
    { name: 'below the bottom edge lands on it', v: [-0.1, 0.6, 0.5], out: [0, 0.55, 0.45] },
    { name: 'beyond the top corner lands on it', v: [1.4, -0.2, -0.2], out: [1, 0, 0] },
    { name: 'outside two edges lands on a corner', v: [-0.3, 1.5, -0.2], out: [0, 1, 0] },
  ])('projects onto the triangle: $name', ({ v, out }) => {
    const p = projectToSimplex(v);
    p.forEach((s, i) => expect(s).toBeCloseTo(out[i], 12));
    expect(p.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });

  it.each([
    { shares: [0.654, 0.251, 0.095], units: [65, 25, 10] },
    { shares: [1 / 3, 1 / 3, 1 / 3], units: [34, 33, 33] },
    { shares: [0.005, 0.005, 0.99], units: [1, 0, 99] },
    { shares: [0, 0, 1], units: [0, 0, 100] },
  ])('snaps $shares to whole units $units summing to 100', ({ shares, units }) => {
    expect(sharesToUnits(shares, 100)).toEqual(units);
    expect(snapShares(shares, 100)).toEqual(units.map((u) => u / 100));
  });
});

describe('ternary geometry: keyboard moves of 1 pp', () => {
  const cases: { key: MixKey; from: number[]; to: number[] }[] = [
    { key: 'ArrowUp', from: [0.65, 0.25, 0.1], to: [0.66, (0.25 * 34) / 35, (0.1 * 34) / 35] }, // mid:small stays 25:10
    { key: 'ArrowDown', from: [0.65, 0.25, 0.1], to: [0.64, (0.25 * 36) / 35, (0.1 * 36) / 35] },
    { key: 'ArrowLeft', from: [0.65, 0.25, 0.1], to: [0.65, 0.26, 0.09] },
    { key: 'ArrowRight', from: [0.65, 0.25, 0.1], to: [0.65, 0.24, 0.11] },
    { key: 'PageDown', from: [0.65, 0.25, 0.1], to: [0.55, (0.25 * 45) / 35, (0.1 * 45) / 35] },
    { key: 'PageUp', from: [0.95, 0.05, 0], to: [1, 0, 0] },
    { key: 'ArrowUp', from: [0.654, 0.246, 0.1], to: [0.66, (0.246 * 34) / 34.6, (0.1 * 34) / 34.6] }, // to the next whole pp
    { key: 'ArrowUp', from: [1, 0, 0], to: [1, 0, 0] },
    { key: 'ArrowDown', from: [1, 0, 0], to: [0.99, 0.005, 0.005] },
    { key: 'ArrowDown', from: [0, 0.5, 0.5], to: [0, 0.5, 0.5] },
    { key: 'ArrowLeft', from: [0.4, 0.6, 0], to: [0.4, 0.6, 0] },
    { key: 'ArrowRight', from: [0.4, 0, 0.6], to: [0.4, 0, 0.6] },
    { key: 'ArrowLeft', from: [0.4, 0.595, 0.005], to: [0.4, 0.6, 0] }, // stops at the edge
  ];
  it.each(cases)('$key from $from', ({ key, from, to }) => {
    const copy = [...from];
    const next = moveMix(from, key, 100, 1);
    next.forEach((s, i) => expect(s).toBeCloseTo(to[i], 12));
    expect(next.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(from).toEqual(copy);
  });

  it('moves ↑/↓ exactly along the line to the top corner, whatever the mix', () => {
    for (const from of [
      [0.2, 0.4, 0.4],
      [0.65, 0.25, 0.1],
      [0.3, 0.05, 0.65],
    ]) {
      const [x0, y0] = sharesToXY(from, frame);
      const [xt, yt] = frame.corners[0];
      for (const key of ['ArrowUp', 'ArrowDown'] as const) {
        const [x1, y1] = sharesToXY(moveMix(from, key), frame);
        // (x1, y1) lies on the line through (x0, y0) and the top corner: the cross product is 0.
        expect((x1 - xt) * (y0 - yt) - (y1 - yt) * (x0 - xt)).toBeCloseTo(0, 6);
      }
    }
  });

  it('25 presses of ↓ from 65/25/10 reach 40% large with mid:small still 25:10', () => {
    let s: number[] = [0.65, 0.25, 0.1];
    for (let i = 0; i < 25; i++) s = moveMix(s, 'ArrowDown');
    expect(s[0]).toBeCloseTo(0.4, 12);
    expect(s[1] / s[2]).toBeCloseTo(2.5, 9);
  });
});

describe('ternary geometry: grid cells and contours on a real design', () => {
  const design = designMix(demoScenario);

  it('finds a mix by its units, and the nearest mix of any shares', () => {
    const lookup = gridRowLookup(design.units, design.divisions);
    const row = nearestRow([0.651, 0.249, 0.1], design.divisions, lookup);
    expect(Array.from(design.units.subarray(row * 3, row * 3 + 3))).toEqual([65, 25, 10]);
    expect(row).toBe(design.currentIndex);
  });

  it('draws one hexagonal cell per chosen mix', () => {
    const d = cellsPath(design.units, design.divisions, frame, (i) => design.feasible[i] === 1);
    expect(d.match(/M/g)?.length).toBe(design.feasible.reduce((a, x) => a + x, 0));
    expect(d).not.toContain('NaN');
  });

  it('puts a contour line of a linear field where the field crosses the threshold', () => {
    // value = share of segment 0: the 0.5 contour is the horizontal line at half height.
    const value = Float64Array.from({ length: design.count }, (_, i) => design.shares[i * 3]);
    const [c] = contourPaths(design.units, value, design.divisions, frame, [0.5]);
    const points = [...c.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const inside = points.filter(([x, y]) => {
      const s = xyToShares(x, y, frame);
      return s.every((v) => v > 0.01);
    });
    expect(inside.length).toBeGreaterThan(10);
    for (const [, y] of inside) expect(Math.abs(y - H / 2) < 0.01 || y < H / 2 - 0.5).toBe(true);
    expect(inside.some(([, y]) => Math.abs(y - H / 2) < 0.01)).toBe(true);
  });
});
