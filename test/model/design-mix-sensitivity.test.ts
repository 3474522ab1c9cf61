import { describe, expect, it } from 'vitest';
import { applyLevers, demoScenario, evaluate, marginalLoan, rebalanceMix, tornado, withMarginalLoan } from '../../src/lib/model';
import { YI, atMix, reference, withoutFranchise } from './design-fixtures';

describe('marginalLoan: one more loan', () => {
  it('its figures are the differences evaluate() sees when the loan joins the book (no franchise limit: terms linear in loans)', () => {
    const bank = withoutFranchise(demoScenario);
    for (const [segmentKey, amount] of [
      ['small', 600e4],
      ['mid', 1.5 * YI],
      ['large', 20 * YI],
    ] as const) {
      const m = marginalLoan(bank, { segmentKey, amount });
      const before = evaluate(bank);
      const after = evaluate(withMarginalLoan(bank, segmentKey, amount));
      const i = bank.segments.findIndex((s) => s.key === segmentKey);
      expect(after.segments[i].loans - before.segments[i].loans).toBeCloseTo(amount, 0);
      for (let j = 0; j < 3; j++) if (j !== i) expect(after.segments[j].loans).toBeCloseTo(before.segments[j].loans, 0);
      const rel = (x: number, y: number) => expect(Math.abs(x - y) / Math.abs(y)).toBeLessThan(1e-6);
      rel(m.netInterestIncome, after.profitability.netInterestIncome - before.profitability.netInterestIncome);
      rel(m.depositMargin, after.profitability.depositMargin - before.profitability.depositMargin);
      rel(m.expectedLoss, after.profitability.expectedLoss - before.profitability.expectedLoss);
      rel(m.economicCapital, after.safety.economicCapital - before.safety.economicCapital);
      rel(m.deposits, after.liquidity.corporateDeposits - before.liquidity.corporateDeposits);
      rel(m.rwa, after.safety.corporateRwa - before.safety.corporateRwa);
      rel(m.fundingCost, after.profitability.fundingCost - before.profitability.fundingCost);
      expect(m.lcr.before).toBe(before.liquidity.lcr);
      expect(m.lcr.after).toBe(after.liquidity.lcr);
      expect(m.nsfr.change).toBe(after.liquidity.nsfr - before.liquidity.nsfr);
      expect(m.capitalAdequacyRatio.change).toBe(after.safety.capitalAdequacyRatio - before.safety.capitalAdequacyRatio);
      expect(m.raroc).toBeCloseTo(m.netProfit / m.economicCapital, 12);
      expect(m.eva).toBeCloseTo(m.netProfit - 0.1 * m.economicCapital, 6);
      expect(m.netProfit).toBeCloseTo(m.preTaxProfit * 0.75, 6);
      expect(m.singleClient.largestClientToCapital.before).toBeCloseTo(before.safety.largestClientToCapital, 12);
      expect(m.top10ToCapital.before).toBeCloseTo(before.safety.top10ToCapital, 12);
    }
  });

  it('a small SME loan clears the hurdle at the demo pricing, and the hurdle spread is where RAROC = hurdle', () => {
    const m = marginalLoan(demoScenario, { segmentKey: 'small', amount: 600e4 });
    expect(m.raroc).toBeGreaterThan(0.1);
    expect(m.isAboveHurdle).toBe(true);
    expect(m.hurdleSpreadBp).not.toBeNull();
    expect(m.hurdleSpreadBp!).toBeLessThan(80);
    // At or below the market spread the price moves no client, so the repriced loan's RAROC is the hurdle exactly.
    const repriced = applyLevers(demoScenario, { spreadBp: { small: m.hurdleSpreadBp! } });
    expect(marginalLoan(repriced, { segmentKey: 'small', amount: 600e4 }).raroc).toBeCloseTo(0.1, 10);
  });

  it('a big loan becomes the largest client and breaks the 10% single-client limit', () => {
    const nc = demoScenario.bank.netCapital;
    const m = marginalLoan(demoScenario, { segmentKey: 'large', amount: 0.125 * nc });
    expect(m.singleClient.sizeToCapital).toBeCloseTo(0.125, 12);
    expect(m.singleClient.isWithinLimit).toBe(false);
    expect(m.singleClient.isLargestClient).toBe(true);
    expect(m.singleClient.largestClientToCapital.after).toBeCloseTo(0.125, 12);
    expect(m.top10ToCapital.change).toBeGreaterThan(0);
    const small = marginalLoan(demoScenario, { segmentKey: 'large', amount: 0.05 * nc });
    expect(small.singleClient.isLargestClient).toBe(false);
    expect(small.singleClient.largestClientToCapital.change).toBe(0);
    expect(small.singleClient.isWithinLimit).toBe(true);
  });

  it('rejects unknown segments and non-positive amounts', () => {
    expect(() => marginalLoan(demoScenario, { segmentKey: 'nope', amount: 1e6 })).toThrow(RangeError);
    expect(() => marginalLoan(demoScenario, { segmentKey: 'small', amount: 0 })).toThrow(RangeError);
  });
});

describe('tornado', () => {
  it('is sorted by effect and speaks in levers with stated steps', () => {
    for (const metric of ['netProfit', 'raroc', 'capitalAdequacyRatio', 'lcr', 'nsfr'] as const) {
      const t = tornado(demoScenario, metric);
      expect(t.base).toBe(reference(evaluate(demoScenario))[metric]);
      for (let j = 1; j < t.bars.length; j++) expect(t.bars[j].effect).toBeLessThanOrEqual(t.bars[j - 1].effect);
      expect(t.bars[0].effect).toBeGreaterThan(0);
    }
  });

  it('moves each lever by its step: spread ±15 bp, LPR ±25 bp, mix ±5 pp rebalanced', () => {
    const t = tornado(demoScenario, 'netProfit');
    const bar = (id: string) => t.bars.find((b) => b.id === id)!;
    const L = demoScenario.bank.corporateLoans;
    // spread −15 bp on the small segment (below the market: no client moves): Δnet = −L·s·0.0015·(1 − 25%)
    const small = bar('spread.small');
    expect(small.low).toBe(65);
    expect(small.high).toBe(95);
    expect(small.down).toBeCloseTo(-L * 0.1 * 0.0015 * 0.75, 2);
    // +15 bp above the market: more per yuan on fewer loans, with worse borrowers
    const raised = evaluate(applyLevers(demoScenario, { spreadBp: { small: 95 } })).profitability.netProfit;
    expect(small.up).toBeCloseTo(raised - t.base, 2);
    const lpr = bar('lpr');
    expect(lpr.high - lpr.value).toBeCloseTo(0.0025, 12);
    // mix: the large share to 70%, the others in proportion
    const mix = bar('mix.large');
    expect(mix.high).toBeCloseTo(0.7, 12);
    const expected = evaluate(atMix(demoScenario, rebalanceMix([0.65, 0.25, 0.1], 0, 0.7))).profitability.netProfit;
    expect(mix.up).toBeCloseTo(expected - t.base, 2);
    const pd = bar('pd.small');
    expect(pd.stepKind).toBe('relative');
    expect(pd.high).toBeCloseTo(0.036, 12);
    // products per client lowers attrition, so fewer clients to replace at the acquisition cost
    expect(bar('productsPerClient.small').up).toBeGreaterThan(0);
  });

  it('takes custom steps and can add the input sensitivities', () => {
    const t = tornado(demoScenario, 'lcr', { step: { mix: 0.1 }, inputs: true });
    expect(t.bars.find((b) => b.id === 'mix.small')!.high).toBeCloseTo(0.2, 12);
    expect(t.inputs!.length).toBeGreaterThan(10);
  });
});
