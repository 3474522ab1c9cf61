// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { FAN_FRAME, fanDomain, fanGeometry, pathPoints, type FanBands } from '../../src/lib/charts/fan-geometry';

const plot = {
  left: FAN_FRAME.margin.left,
  right: FAN_FRAME.width - FAN_FRAME.margin.right,
  top: FAN_FRAME.margin.top,
  bottom: FAN_FRAME.height - FAN_FRAME.margin.bottom,
};

function bandsAround(mid: number[], spread: number): FanBands {
  return {
    p5: mid.map((m) => m - 2 * spread),
    p25: mid.map((m) => m - spread),
    p50: mid,
    p75: mid.map((m) => m + spread),
    p95: mid.map((m) => m + 2 * spread),
  };
}

const quarters = Array.from({ length: 20 }, (_, i) => (i + 1) / 4);

const cases: { name: string; x: number[]; bands: FanBands; reference: number | null }[] = [
  {
    name: 'a ratio above its limit (CAR vs 10.5%)',
    x: quarters,
    bands: bandsAround(
      quarters.map((t) => 0.12 - 0.002 * t),
      0.004,
    ),
    reference: 0.105,
  },
  {
    name: 'a ratio crossing its limit (LCR vs 100%)',
    x: [0, ...quarters],
    bands: bandsAround([1.05, ...quarters.map((t) => 1.05 - 0.05 * t)], 0.03),
    reference: 1,
  },
  {
    name: 'quarterly profit with losses in the tail, no limit',
    x: quarters,
    bands: bandsAround(
      quarters.map(() => 2e8),
      1.5e8,
    ),
    reference: null,
  },
  {
    name: 'a flat series',
    x: quarters,
    bands: bandsAround(
      quarters.map(() => 139),
      0,
    ),
    reference: null,
  },
  {
    name: 'a limit far below the data',
    x: quarters,
    bands: bandsAround(
      quarters.map(() => 0.02),
      0.001,
    ),
    reference: 0,
  },
];

describe('fan chart geometry', () => {
  it.each(cases)('$name: bands and median inside the plot area, x from the first to the last time', ({ x, bands, reference }) => {
    const frozen = JSON.stringify(bands);
    const g = fanGeometry(x, bands, fanDomain(bands, reference), { reference });
    for (const d of [g.outer, g.inner, g.median]) {
      const pts = pathPoints(d);
      expect(pts.length).toBeGreaterThanOrEqual(x.length);
      for (const [px, py] of pts) {
        expect(px).toBeGreaterThanOrEqual(plot.left - 1e-6);
        expect(px).toBeLessThanOrEqual(plot.right + 1e-6);
        expect(py).toBeGreaterThanOrEqual(plot.top - 1e-6);
        expect(py).toBeLessThanOrEqual(plot.bottom + 1e-6);
      }
    }
    const median = pathPoints(g.median);
    expect(median[median.length - 1][0]).toBeCloseTo(plot.right, 6);
    expect(median[0][0]).toBeCloseTo(g.x(x[0]), 6);
    // the median lies between the outer band's edges at every point (y grows downwards)
    median.forEach(([, py], i) => {
      expect(py).toBeLessThanOrEqual(g.y(bands.p5[i]) + 1e-6);
      expect(py).toBeGreaterThanOrEqual(g.y(bands.p95[i]) - 1e-6);
    });
    expect(JSON.stringify(bands)).toBe(frozen); // inputs not mutated
  });

  const limits: { name: string; domain: [number, number]; reference: number; expected: number }[] = [
    { name: 'the limit at the bottom of the domain', domain: [0, 1], reference: 0, expected: plot.bottom },
    { name: 'the limit at the top of the domain', domain: [0, 1], reference: 1, expected: plot.top },
    { name: 'the limit half way up', domain: [0.1, 0.2], reference: 0.15, expected: (plot.top + plot.bottom) / 2 },
    { name: 'CAR 10.5% on 10%–12%', domain: [0.1, 0.12], reference: 0.105, expected: plot.bottom - 0.25 * (plot.bottom - plot.top) },
  ];

  it.each(limits)('$name: the limit line at the right y', ({ domain, reference, expected }) => {
    const bands = bandsAround([domain[0], domain[1]], 0);
    const g = fanGeometry([0, 1], bands, domain, { reference });
    expect(g.referenceY).toBeCloseTo(expected, 6);
    expect(g.referenceY).toBeCloseTo(g.y(reference), 9);
  });

  it('no limit line when there is none, or it lies outside the domain', () => {
    const bands = bandsAround([0.5, 0.5], 0.1);
    expect(fanGeometry([0, 1], bands, [0, 1]).referenceY).toBeNull();
    expect(fanGeometry([0, 1], bands, [0, 1], { reference: 5 }).referenceY).toBeNull();
  });

  it('the domain holds the bands, the limit and the overlay, with a margin', () => {
    const bands = bandsAround([0.12, 0.11], 0.005);
    const [lo, hi] = fanDomain(bands, 0.105, [0.09, 0.1]);
    expect(lo).toBeLessThan(0.09);
    expect(hi).toBeGreaterThan(0.13);
    expect(fanDomain(bandsAround([3, 3], 0))).toEqual([3 - 0.15, 3 + 0.15]);
    expect(fanDomain({ p5: [], p25: [], p50: [], p75: [], p95: [] })).toEqual([0, 1]);
  });

  it('an overlay line is drawn through its own values', () => {
    const bands = bandsAround([1, 2, 3], 0.5);
    const g = fanGeometry([1, 2, 3], bands, [0, 4], { overlay: [1.5, 1.5, 1.5] });
    const pts = pathPoints(g.overlay!);
    expect(pts).toHaveLength(3);
    for (const [, py] of pts) expect(py).toBeCloseTo(g.y(1.5), 9);
  });
});
