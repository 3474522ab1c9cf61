import { describe, expect, it } from 'vitest';
import { applyLevers, demoScenario, evaluate, pyramidScenario, rebalanceMix, type Scenario } from '../../src/lib/model';

const YI = 1e8;

/**
 * The demo bank's closed-form check (brief: demo-bank.md, "What the closed-form check gave"):
 * inverted 65/25/10 vs pyramid 40/30/30, granular EC.
 */
describe('evaluate: the demo bank lands where its calibration says', () => {
  const inverted = evaluate(demoScenario);
  const pyramid = evaluate(pyramidScenario);

  it('reproduces the published closed-form figures', () => {
    expect(inverted.profitability.netProfit / YI).toBeCloseTo(7.6, 1);
    expect(pyramid.profitability.netProfit / YI).toBeCloseTo(8.2, 1);
    expect(inverted.profitability.roa).toBeCloseTo(0.0063, 4);
    expect(inverted.profitability.raroc).toBeCloseTo(0.131, 2);
    expect(pyramid.profitability.raroc).toBeCloseTo(0.136, 2);
    expect(inverted.profitability.expectedLoss / YI).toBeCloseTo(5.2, 1);
    expect(pyramid.profitability.expectedLoss / YI).toBeCloseTo(7.2, 1);
    expect(inverted.safety.capitalAdequacyRatio).toBeCloseTo(0.113, 3);
    expect(pyramid.safety.capitalAdequacyRatio).toBeCloseTo(0.117, 3);
    expect(Math.round(inverted.safety.effectiveClients)).toBe(276);
    expect(Math.round(pyramid.safety.effectiveClients)).toBe(429);
    expect(inverted.safety.largestClientToCapital).toBeCloseTo(0.072, 3);
    expect(inverted.safety.top10ToCapital).toBeCloseTo(0.495, 3);
    expect(pyramid.safety.top10ToCapital).toBeCloseTo(0.445, 3);
    expect(inverted.liquidity.corporateDeposits / YI).toBeCloseTo(822, 6);
    expect(pyramid.liquidity.corporateDeposits / YI).toBeCloseTo(708, 6);
  });

  it('per yuan of loans before tax: large 0.73%, mid 1.09%, small 0.96%', () => {
    const m = Object.fromEntries(inverted.segments.map((s) => [s.key, s.preTaxMargin]));
    expect(m.large).toBeCloseTo(0.0073, 4);
    expect(m.mid).toBeCloseTo(0.0109, 4);
    expect(m.small).toBeCloseTo(0.0096, 4);
  });

  it('lands in the demo ranges: thin margins on every limit', () => {
    expect(inverted.liquidity.lcr).toBeGreaterThanOrEqual(1);
    expect(inverted.liquidity.lcr).toBeLessThanOrEqual(1.1);
    expect(inverted.safety.top10ToCapital).toBeGreaterThanOrEqual(0.45);
    expect(inverted.safety.top10ToCapital).toBeLessThanOrEqual(0.5);
    expect(inverted.safety.largestClientToCapital).toBeGreaterThanOrEqual(0.07);
    expect(inverted.safety.largestClientToCapital).toBeLessThanOrEqual(0.09);
    expect(inverted.limits.every((l) => l.isPass)).toBe(true);
  });

  it('the pyramid twin improves concentration, liquidity and RAROC, and costs EL and deposits', () => {
    expect(pyramid.safety.hhi).toBeLessThan(inverted.safety.hhi);
    expect(pyramid.liquidity.lcr).toBeGreaterThan(inverted.liquidity.lcr);
    expect(pyramid.profitability.raroc).toBeGreaterThan(inverted.profitability.raroc);
    expect(pyramid.profitability.expectedLoss).toBeGreaterThan(inverted.profitability.expectedLoss);
    expect(pyramid.liquidity.corporateDeposits).toBeLessThan(inverted.liquidity.corporateDeposits);
  });

  it('adds up: profit is income less cost and loss, tax at 25%', () => {
    const p = inverted.profitability;
    expect(p.preTaxProfit).toBeCloseTo(p.netInterestIncome + p.depositMargin + p.feeIncome - p.operatingCost - p.expectedLoss, 4);
    expect(p.netProfit).toBeCloseTo(p.preTaxProfit * 0.75, 4);
    expect(p.eva).toBeCloseTo(p.netProfit - 0.1 * inverted.safety.economicCapital, 4);
  });

  it('switches to IRB risk weights', () => {
    const irb = evaluate({ ...demoScenario, settings: { capitalApproach: 'irb' } });
    expect(irb.safety.corporateRwa).not.toBeCloseTo(inverted.safety.corporateRwa, 0);
    expect(irb.safety.corporateRwa).toBeGreaterThan(0);
  });

  it('never returns NaN, even for an empty book', () => {
    const empty: Scenario = { ...demoScenario, bank: { ...demoScenario.bank, corporateLoans: 0 } };
    const e = evaluate(empty);
    const all = [...Object.values(e.profitability), ...Object.values(e.safety), ...Object.values(e.liquidity)];
    for (const v of all) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});

describe('levers', () => {
  it('applyLevers is pure and renormalises the mix', () => {
    const before = JSON.stringify(demoScenario);
    const s = applyLevers(demoScenario, { mix: { large: 0.4, mid: 0.3, small: 0.3 }, markup: { small: 0.3 } });
    expect(JSON.stringify(demoScenario)).toBe(before);
    expect(s.segments.map((x) => x.share)).toEqual([0.4, 0.3, 0.3]);
    expect(s.segments[2].markup).toBe(0.3);
    expect(evaluate(s).profitability.netProfit).toBeGreaterThan(evaluate(pyramidScenario).profitability.netProfit);
  });

  it('rebalanceMix keeps the sum at 1 and the others in proportion', () => {
    const m = rebalanceMix([0.65, 0.25, 0.1], 0, 0.4);
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(m[1] / m[2]).toBeCloseTo(2.5, 12);
    expect(rebalanceMix([1, 0, 0], 0, 0.5)).toEqual([0.5, 0.25, 0.25]);
    expect(rebalanceMix([0.5, 0.5], 1, 1.7)).toEqual([0, 1]);
  });
});
