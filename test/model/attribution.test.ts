import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLevers,
  attributeNetProfit,
  attributionEffectOf,
  demoScenario,
  evaluate,
  pyramidScenario,
  shapley,
  writePath,
  type Attribution,
  type Scenario,
} from '../../src/lib/model';

const np = (s: Scenario) => evaluate(s).profitability.netProfit;
const effect = (a: Attribution, key: string) => (a.ok ? a.items.find((i) => i.effect === key)!.value : NaN);
const sum = (a: Attribution) => (a.ok ? a.items.reduce((x, i) => x + i.value, 0) : NaN);

describe('shapley', () => {
  it('splits a two-player game with a synergy equally', () => {
    expect(shapley(2, (m) => [0, 1, 1, 4][m])).toEqual([2, 2]);
  });

  it('gives the glove game’s known split (one left glove, two right gloves): 2/3, 1/6, 1/6', () => {
    // player 0 holds the left glove; a coalition is worth the number of pairs it can make
    const v = (m: number) => Math.min(m & 1 ? 1 : 0, (m & 2 ? 1 : 0) + (m & 4 ? 1 : 0));
    const phi = shapley(3, v);
    expect(phi[0]).toBeCloseTo(2 / 3, 12);
    expect(phi[1]).toBeCloseTo(1 / 6, 12);
    expect(phi[2]).toBeCloseTo(1 / 6, 12);
  });

  it('is empty for no players', () => {
    expect(shapley(0, () => 5)).toEqual([]);
  });
});

describe('attributeNetProfit', () => {
  it('is zero everywhere when the scenarios are identical', () => {
    const a = attributeNetProfit(demoScenario, JSON.parse(JSON.stringify(demoScenario)));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.total).toBe(0);
    for (const i of a.items) expect(i.value).toBe(0);
  });

  it('puts the whole change of the pyramid bank into mix', () => {
    const a = attributeNetProfit(demoScenario, pyramidScenario);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.total).toBeCloseTo(np(pyramidScenario) - np(demoScenario), 6);
    expect(effect(a, 'mix')).toBe(a.total);
    for (const i of a.items) if (i.effect !== 'mix') expect(i.value).toBe(0);
    expect(a.items.find((i) => i.effect === 'mix')!.paths).toEqual(['segments.0.share', 'segments.1.share', 'segments.2.share']);
  });

  it('gives a single changed group its whole effect (PD → credit cost, LPR → rate, FTP → funding)', () => {
    for (const [path, value, key] of [
      ['segments.2.pd', 0.05, 'creditCost'],
      ['market.lpr1y', 0.028, 'rate'],
      ['market.ftpLoans.y1to3', 0.021, 'funding'],
      ['levers.managerCost', 500000, 'operatingCost'],
      ['bank.corporateLoans', 1500e8, 'volume'],
      ['market.taxRate', 0.2, 'other'],
    ] as const) {
      const b = writePath(demoScenario, path, value);
      const a = attributeNetProfit(demoScenario, b);
      expect(a.ok).toBe(true);
      expect(effect(a, key)).toBe(np(b) - np(demoScenario));
    }
  });

  it('splits a volume × pricing change by the two-player Shapley formula (hand case)', () => {
    const vol = writePath(demoScenario, 'bank.corporateLoans', 1500e8);
    const rate = applyLevers(demoScenario, { spreadBp: { large: 0, mid: 36, small: 75 } });
    const both = applyLevers(vol, { spreadBp: { large: 0, mid: 36, small: 75 } });
    const v0 = np(demoScenario);
    const vV = np(vol);
    const vR = np(rate);
    const vVR = np(both);
    const a = attributeNetProfit(demoScenario, both);
    expect(a.ok).toBe(true);
    // φ_volume = ½[(v(V) − v(∅)) + (v(VR) − v(R))], φ_rate likewise
    expect(effect(a, 'volume')).toBeCloseTo(0.5 * (vV - v0 + (vVR - vR)), 3);
    expect(effect(a, 'rate')).toBeCloseTo(0.5 * (vR - v0 + (vVR - vV)), 3);
    expect(Math.abs(sum(a) - (vVR - v0))).toBeLessThan(1e-6);
    // the interaction is real: a sequential split would differ by order
    expect(Math.abs(vV - v0 - (vVR - vR))).toBeGreaterThan(1e6);
  });

  it('aligns segments by key and refuses when the keys differ', () => {
    const reordered = { ...pyramidScenario, segments: [...pyramidScenario.segments].reverse() };
    const a = attributeNetProfit(demoScenario, reordered);
    expect(a.ok).toBe(true);
    expect(effect(a, 'mix')).toBeCloseTo(np(pyramidScenario) - np(demoScenario), 3);
    const renamed = writePath(demoScenario, 'segments.2.key', 'micro');
    const r = attributeNetProfit(demoScenario, renamed);
    expect(r.ok).toBe(false);
    expect(r.total).toBe(0);
  });

  it('classifies inputs by effect', () => {
    expect(attributionEffectOf('segments.0.share')).toBe('mix');
    expect(attributionEffectOf('segments.3.tenor.y1to3')).toBe('funding');
    expect(attributionEffectOf('segments.1.feePerClient')).toBe('rate');
    expect(attributionEffectOf('stress.pdMultiplier.small')).toBe('creditCost');
    expect(attributionEffectOf('market.ftpLoans.over5y')).toBe('funding');
    expect(attributionEffectOf('simulation.seed')).toBe('other');
  });

  it('sums exactly to the total change for random edits of many inputs (property)', () => {
    const edit = fc.record({
      L: fc.double({ min: 500e8, max: 3000e8, noNaN: true }),
      large: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
      spread: fc.double({ min: -90, max: 150, noNaN: true }),
      pd: fc.double({ min: 0, max: 0.2, noNaN: true }),
      cost: fc.double({ min: 0, max: 2e6, noNaN: true }),
      ftp: fc.double({ min: 0, max: 0.05, noNaN: true }),
      tax: fc.double({ min: 0, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(edit, (e) => {
        let b = applyLevers(demoScenario, { mix: { large: e.large, mid: (1 - e.large) / 2, small: (1 - e.large) / 2 }, spreadBp: { small: e.spread } });
        b = writePath(b, 'bank.corporateLoans', e.L);
        b = writePath(b, 'segments.1.pd', e.pd);
        b = writePath(b, 'segments.0.servicingCostPerClient', e.cost);
        b = writePath(b, 'market.ftpDepositCredit', e.ftp);
        b = writePath(b, 'market.taxRate', e.tax);
        const a = attributeNetProfit(demoScenario, b);
        expect(a.ok).toBe(true);
        expect(Math.abs(sum(a) - a.total)).toBeLessThan(1e-4); // yuan: float rounding of sums of ~10⁹ yuan only
        expect(a.total).toBeCloseTo(np(b) - np(demoScenario), 3);
      }),
      { numRuns: 60 },
    );
  });
});
