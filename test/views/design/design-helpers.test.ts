import { describe, expect, it } from 'vitest';
import { createMixEvaluator, demoScenario, designMix, LIMITS, REGULATORY_CONSTRAINTS } from '../../../src/lib/model';
import {
  brokenConstraints,
  constraintsFrom,
  constraintsInMask,
  defaultChoice,
  mixFreeKey,
  mixLong,
  mixShort,
  withShares,
} from '../../../src/views/design/design-view';

describe('design view helpers', () => {
  const today = createMixEvaluator(demoScenario).figures([0.65, 0.25, 0.1]);

  it('defaults to every regulatory limit, budget and headcount off but pre-filled at today’s level', () => {
    const c = defaultChoice(today.economicCapital, today.managers);
    expect(constraintsFrom(c)).toEqual({ ...REGULATORY_CONSTRAINTS, economicCapital: false, managers: false });
    expect(c.ecAmount).toBeGreaterThanOrEqual(today.economicCapital); // rounded up: today's mix stays within it
    expect(c.ecAmount - today.economicCapital).toBeLessThan(1e6);
    expect(c.managerCount).toBe(65);
  });

  it('passes the budget and headcount as explicit amounts, so the region does not move with the current mix', () => {
    const c = { ...defaultChoice(today.economicCapital, 65), ecBudget: true, managers: true, capital: false };
    const constraints = constraintsFrom(c);
    expect(constraints.economicCapital).toBe(c.ecAmount);
    expect(constraints.managers).toBe(65);
    expect(constraints.capitalAdequacyRatio).toBe(false);
    const a = designMix(demoScenario, { constraints });
    const b = designMix(withShares(demoScenario, [0.4, 0.3, 0.3]), { constraints });
    expect(Array.from(a.feasible)).toEqual(Array.from(b.feasible));
  });

  it('finds what a mix breaks, the most broken first, as the design does', () => {
    const d = designMix(demoScenario);
    for (let i = 0; i < d.count; i += 101) {
      const figures = Object.fromEntries(Object.entries(d.figures).map(([k, col]) => [k, col[i]])) as typeof today;
      const broken = brokenConstraints(figures, d.constraints);
      expect(broken.length === 0).toBe(d.feasible[i] === 1);
      if (broken.length) expect(broken[0].bit).toBe(d.primaryViolation[i]);
      expect(
        constraintsInMask(d.violations[i], d.constraints)
          .map((c) => c.key)
          .sort(),
      ).toEqual(broken.map((c) => c.key).sort());
    }
    expect(LIMITS.lcr).toBe(1);
  });

  it('keys the scenario without its shares', () => {
    expect(mixFreeKey(withShares(demoScenario, [0.4, 0.3, 0.3]))).toBe(mixFreeKey(demoScenario));
    expect(mixFreeKey({ ...demoScenario, market: { ...demoScenario.market, lpr1y: 0.031 } })).not.toBe(mixFreeKey(demoScenario));
  });

  it('writes mixes short and long', () => {
    expect(mixShort([0.65, 0.25, 0.1])).toBe('65/25/10');
    expect(mixShort([0.655, 0.245, 0.1])).toBe('65.5/24.5/10');
    expect(mixLong(['大客户', '中客户', '小客户'], [0.4, 0.3, 0.3])).toBe('大客户 40% · 中客户 30% · 小客户 30%');
  });
});
