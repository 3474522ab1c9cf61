import { describe, expect, it } from 'vitest';
import { CONSTRAINT_KEYS, demoScenario, designMix, mixAt } from '../../src/lib/model';

const BIT = 1 << CONSTRAINT_KEYS.indexOf('shareBounds');

describe('designMix with the bank’s share bounds', () => {
  const free = designMix(demoScenario, { step: 0.05 });
  // The segment the unconstrained optimum holds most of.
  const top = free.best!.shares.indexOf(Math.max(...free.best!.shares));
  const topKey = demoScenario.segments[top].key;

  it('keeps every feasible mix inside the bounds, and marks the others', () => {
    const d = designMix(demoScenario, { step: 0.05, shareBounds: { large: { min: 0.3 }, small: { max: 0.4 } } });
    for (let i = 0; i < d.count; i++) {
      const [large, , small] = [d.shares[i * 3], d.shares[i * 3 + 1], d.shares[i * 3 + 2]];
      const outside = large < 0.3 - 1e-12 || small > 0.4 + 1e-12;
      expect((d.violations[i] & BIT) !== 0).toBe(outside);
      if (outside) expect(d.feasible[i]).toBe(0);
    }
    expect(d.best!.shares[0]).toBeGreaterThanOrEqual(0.3 - 1e-12);
    expect(d.best!.shares[2]).toBeLessThanOrEqual(0.4 + 1e-12);
    const out = [...d.violations.keys()].find((i) => d.violations[i] === BIT)!;
    expect(mixAt(d, out).violations).toEqual(['shareBounds']);
  });

  it('reports a bound that cuts the unconstrained optimum as binding', () => {
    const cap = Math.round((free.best!.shares[top] - 0.1) * 20) / 20;
    const d = designMix(demoScenario, { step: 0.05, shareBounds: { [topKey]: { max: cap } } });
    expect(d.best!.shares[top]).toBeCloseTo(cap, 12);
    expect(d.binding).toContain('shareBounds');
    const b = d.shareBoundsAtOptimum[0];
    expect(b).toMatchObject({ key: topKey, side: 'max', share: cap, isBinding: true, blocksImprovement: true });
    expect(d.value[d.bestIndex]).toBeLessThanOrEqual(free.value[free.bestIndex]);
  });

  it('adds nothing when no bound is given', () => {
    expect(free.shareBounds).toEqual([]);
    expect(free.binding).not.toContain('shareBounds');
  });

  it('says what is wrong with bad bounds', () => {
    expect(() => designMix(demoScenario, { step: 0.05, shareBounds: { tiny: { min: 0.1 } } })).toThrow('unknown segment "tiny"');
    expect(() => designMix(demoScenario, { step: 0.05, shareBounds: { large: { min: 0.6 }, small: { min: 0.6 } } })).toThrow('minimum shares sum to');
  });
});
