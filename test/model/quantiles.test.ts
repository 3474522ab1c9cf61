import { describe, expect, it } from 'vitest';
import { quantileSorted, sampleQuantiles } from '../../src/lib/model/quantiles';
import { Rng } from '../../src/lib/model';

const PROBABILITIES = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

/** The oracle: type-7 quantiles of the sorted sample. */
function bySorting(sample: Float64Array): number[] {
  const sorted = Float64Array.from(sample).sort();
  return PROBABILITIES.map((p) => quantileSorted(sorted, p));
}

function samples(): [string, Float64Array][] {
  const rng = new Rng(11, 0);
  const of = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  return [
    ['normal', of(10_000, () => rng.normal())],
    ['a count with thousands of ties (clients, managers)', of(10_000, () => 480 + Math.floor(rng.next() * 6))],
    ['two values', of(9_999, () => (rng.next() < 0.97 ? 3 : 4))],
    ['one value', of(500, () => 2.5)],
    ['a heavy tail (losses)', of(10_000, () => Math.exp(3 * rng.normal()))],
    ['negative and positive, with an outlier', of(2_001, (i) => (i === 7 ? -1e9 : rng.normal() * 1e-3))],
    ['ties in every bucket', of(10_000, () => Math.round(rng.normal() * 20) / 4)],
    ['one value alone', of(1, () => 42)],
    ['two values alone', of(2, (i) => i * 3)],
  ];
}

describe('sampleQuantiles (bucket selection) against quantiles of the sorted sample', () => {
  it.each(samples())('%s: the same numbers, bit for bit', (_, sample) => {
    const before = Float64Array.from(sample);
    const out: number[] = [];
    const sum = sampleQuantiles(sample, PROBABILITIES, out);
    // −0 read as 0: a sort puts −0 before 0, a selection need not (the same number either way)
    expect(out.map((x) => (Object.is(x, -0) ? 0 : x))).toEqual(bySorting(sample).map((x) => (Object.is(x, -0) ? 0 : x)));
    expect(sum).toBe(sample.reduce((a, b) => a + b, 0));
    expect(sample).toEqual(before); // the sample is left as it is
  });
});
