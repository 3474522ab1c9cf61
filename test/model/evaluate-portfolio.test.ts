import { describe, expect, it } from 'vitest';
import { demoScenario, evaluate, lossDistribution, pyramidScenario, scenarioExposures, type Scenario } from '../../src/lib/model';

describe("evaluate(scenario, { economicCapital: 'portfolio' }) (docs/reference-model.md §5)", () => {
  const granular = evaluate(demoScenario);
  const portfolio = evaluate(demoScenario, { economicCapital: 'portfolio' });

  it('keeps the granular default: same EC as before, no add-on', () => {
    expect(granular.safety.economicCapitalMethod).toBe('granular');
    expect(granular.safety.granularityAddOn).toBeNull();
    expect(granular.safety.expectedShortfall999).toBeNull();
    expect(granular.safety.economicCapital).toBe(granular.safety.granularEconomicCapital);
    expect(granular.safety.var999).toBeCloseTo(granular.safety.economicCapital + granular.profitability.expectedLoss, 3);
  });

  it('takes EC, VaR, ES, RAROC and EVA from the whole-book distribution', () => {
    const d = lossDistribution(scenarioExposures(demoScenario), { quantiles: [0.999] });
    const s = portfolio.safety;
    const p = portfolio.profitability;
    expect(s.economicCapitalMethod).toBe('portfolio');
    expect(s.economicCapital).toBeCloseTo(d.economicCapital, 0);
    expect(s.var999).toBeCloseTo(d.valueAtRisk, 0);
    expect(s.expectedShortfall999).toBeCloseTo(d.expectedShortfall, 0);
    expect(s.granularEconomicCapital).toBe(granular.safety.economicCapital);
    expect(s.granularityAddOn).toBeCloseTo(s.economicCapital - s.granularEconomicCapital, 3);
    expect(s.granularityAddOn ?? 0).toBeGreaterThan(0);
    expect(p.raroc).toBeCloseTo(p.netProfit / s.economicCapital, 12);
    expect(p.eva).toBeCloseTo(p.netProfit - demoScenario.market.hurdleRate * s.economicCapital, 3);
    // the lumpy book needs more capital, so RAROC falls
    expect(p.raroc).toBeLessThan(granular.profitability.raroc);
    // profit and everything else is unchanged
    expect(p.netProfit).toBe(granular.profitability.netProfit);
    expect(portfolio.liquidity).toEqual(granular.liquidity);
  });

  it('gives each segment its Euler contribution, summing to EC', () => {
    const sum = portfolio.segments.reduce((a, s) => a + s.economicCapital, 0);
    expect(sum / portfolio.safety.economicCapital).toBeCloseTo(1, 12);
    const large = portfolio.segments.find((s) => s.key === 'large');
    const largeGranular = granular.segments.find((s) => s.key === 'large');
    expect(large?.economicCapital ?? 0).toBeGreaterThan(largeGranular?.economicCapital ?? Infinity);
  });

  it('shows the inverted pyramid’s larger add-on and copes with an empty book', () => {
    const twin = evaluate(pyramidScenario, { economicCapital: 'portfolio' });
    const rel = (e: typeof twin) => (e.safety.granularityAddOn ?? 0) / e.safety.granularEconomicCapital;
    expect(rel(portfolio)).toBeGreaterThan(rel(twin));
    const empty: Scenario = { ...demoScenario, bank: { ...demoScenario.bank, corporateLoans: 0 } };
    const e = evaluate(empty, { economicCapital: 'portfolio' });
    const all = [...Object.values(e.profitability), ...Object.values(e.safety)];
    for (const v of all) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});
