import { describe, expect, it } from 'vitest';
import {
  applyLevers,
  applyStressPreset,
  bankLiquidity,
  bankTerms,
  demoScenario,
  designMix,
  equivalentFloat,
  evaluate,
  LCR_FACTORS,
  NSFR_FACTORS,
  pyramidScenario,
  rebalanceMix,
  shareAboveCap,
  spreadCurve,
  STRESS_PRESETS,
  type Scenario,
  type StressPresetKey,
} from '../../src/lib/model';

const YI = 1e8;

function withSegments(s: Scenario, f: (seg: Scenario['segments'][number]) => Partial<Scenario['segments'][number]>): Scenario {
  return { ...s, segments: s.segments.map((seg) => ({ ...seg, ...f(seg) })) };
}

/**
 * The demo bank's target ranges (docs/model.md, "The demo bank"): just inside every limit with thin
 * margins (LCR 100–110%, top-10 clients 45–50% of net capital, largest client 7–9%), capital
 * adequacy 11–13%, ROA 0.5–0.8%, RAROC near the hurdle; the pyramid twin improves concentration,
 * liquidity and RAROC modestly and costs expected loss and deposits.
 */
describe('evaluate: the demo bank lands in its calibration ranges', () => {
  const inverted = evaluate(demoScenario);
  const pyramid = evaluate(pyramidScenario);

  it('lands in the demo ranges: thin margins on every limit', () => {
    expect(inverted.liquidity.lcr).toBeGreaterThanOrEqual(1);
    expect(inverted.liquidity.lcr).toBeLessThanOrEqual(1.1);
    expect(inverted.safety.top10ToCapital).toBeGreaterThanOrEqual(0.45);
    expect(inverted.safety.top10ToCapital).toBeLessThanOrEqual(0.5);
    expect(inverted.safety.largestClientToCapital).toBeGreaterThanOrEqual(0.07);
    expect(inverted.safety.largestClientToCapital).toBeLessThanOrEqual(0.09);
    expect(inverted.safety.capitalAdequacyRatio).toBeGreaterThanOrEqual(0.11);
    expect(inverted.safety.capitalAdequacyRatio).toBeLessThanOrEqual(0.13);
    expect(inverted.profitability.roa).toBeGreaterThanOrEqual(0.005);
    expect(inverted.profitability.roa).toBeLessThanOrEqual(0.008);
    expect(inverted.profitability.raroc).toBeGreaterThan(0.1);
    expect(inverted.profitability.raroc).toBeLessThan(0.16);
    expect(inverted.limits.every((l) => l.isPass)).toBe(true);
    expect(Math.round(inverted.safety.effectiveClients)).toBe(276);
    expect(inverted.liquidity.corporateDeposits / YI).toBeCloseTo(822, 6);
  });

  it('the pyramid twin improves concentration, liquidity and RAROC, and costs EL and deposits', () => {
    expect(pyramid.safety.hhi).toBeLessThan(inverted.safety.hhi);
    expect(pyramid.liquidity.lcr).toBeGreaterThan(inverted.liquidity.lcr);
    expect(pyramid.profitability.raroc).toBeGreaterThan(inverted.profitability.raroc);
    expect(pyramid.profitability.netProfit).toBeGreaterThan(inverted.profitability.netProfit);
    expect(pyramid.profitability.expectedLoss).toBeGreaterThan(inverted.profitability.expectedLoss);
    expect(pyramid.liquidity.corporateDeposits).toBeLessThan(inverted.liquidity.corporateDeposits);
  });

  it('adds up: profit is income less cost, funding and loss, tax at 25%; each segment multiplies out', () => {
    const p = inverted.profitability;
    expect(p.preTaxProfit).toBeCloseTo(p.netInterestIncome + p.depositMargin + p.feeIncome - p.operatingCost - p.fundingCost - p.expectedLoss, 4);
    expect(p.netProfit).toBeCloseTo(p.preTaxProfit * 0.75, 4);
    expect(p.eva).toBeCloseTo(p.netProfit - 0.1 * inverted.safety.economicCapital, 4);
    const market = demoScenario.market;
    inverted.segments.forEach((s, i) => {
      const seg = demoScenario.segments[i];
      expect(s.rate).toBeCloseTo(market.lpr1y + s.spreadBp / 1e4, 12);
      expect(s.netInterestIncome).toBeCloseTo(s.loans * (s.rate - s.ftpRate), 2);
      expect(s.depositMargin).toBeCloseTo(s.deposits * (market.ftpDepositCredit - seg.depositRate), 2);
      expect(s.fundingCost).toBeCloseTo((s.loans - s.deposits) * (market.wholesaleRate - market.ftpDepositCredit), 2);
      expect(s.acquisitionCost).toBeCloseTo(s.replacements * seg.acquisitionCostPerClient, 2);
      expect(s.expectedLoss).toBeCloseTo(s.loans * s.pd * seg.lgd, 2);
    });
  });

  it('never returns NaN, even for an empty book', () => {
    const empty: Scenario = { ...demoScenario, bank: { ...demoScenario.bank, corporateLoans: 0 } };
    const e = evaluate(empty);
    const all = [...Object.values(e.profitability), ...Object.values(e.safety), ...Object.values(e.liquidity)];
    for (const v of all) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});

describe('one bank, one answer: the findings that taught the opposite of the source', () => {
  it('a spread above the market is not free profit: demand is lost, PD rises, and the curve has an interior optimum', () => {
    const base = evaluate(pyramidScenario).profitability.netProfit;
    // +60% float at LPR 3% = 180 bp: the old one-year view gave +40% profit for +20% → +60%.
    const high = evaluate(applyLevers(pyramidScenario, { spreadBp: { small: 180 } }));
    expect(high.profitability.netProfit / base).toBeLessThan(1.1);
    const small = high.segments.find((s) => s.key === 'small')!;
    expect(small.pricing.demandKept).toBeCloseTo(Math.exp(-0.06 * 10), 12); // 100 bp above the market: ε 0.06 per 10 bp
    expect(small.pricing.pdMultiplier).toBeCloseTo(1 + 0.02 * 10, 12);
    expect(small.loans).toBeCloseTo(0.3 * 1200 * YI * Math.exp(-0.6), 0);
    const curve = spreadCurve(pyramidScenario, 'small');
    expect(curve.best.spreadBp).toBeGreaterThan(80);
    expect(curve.best.spreadBp).toBeLessThan(250);
    expect(curve.points[curve.points.length - 1].netProfit).toBeLessThan(curve.best.netProfit);
    // Held fixed, the same price would look like free money: the comparison the glass box shows.
    const fixed = evaluate(applyLevers(pyramidScenario, { spreadBp: { small: 180 } }), { book: 'heldFixed' });
    expect(fixed.profitability.netProfit).toBeGreaterThan(high.profitability.netProfit);
  });

  it('losing clients costs: four products per client earn materially more than one', () => {
    const products = (n: number) => evaluate(withSegments(demoScenario, () => ({ productsPerClient: n }))).profitability.netProfit;
    expect(products(4) - products(1)).toBeGreaterThan(0.2 * YI);
    const one = evaluate(withSegments(demoScenario, () => ({ productsPerClient: 1 })));
    for (const s of one.segments) expect(s.attrition).toBeCloseTo(0.5, 12); // the source: one product, about half leave in a year
  });

  it('a deposit run lowers the LCR: it is paid out of HQLA', () => {
    const base = evaluate(demoScenario);
    const run = evaluate(applyStressPreset(demoScenario, 'depositRun'));
    expect(run.liquidity.lcr).toBeLessThan(base.liquidity.lcr - 0.2);
    expect(run.liquidity.hqla).toBeCloseTo(base.liquidity.hqla - run.liquidity.depositRun, 2);
    expect(run.liquidity.depositRun).toBeCloseTo(0.2 * base.liquidity.corporateDeposits, 2);
    expect(run.liquidity.wholesaleFunding).toBeCloseTo(base.liquidity.wholesaleFunding, 2);
  });

  it('the wholesale rate is charged on the funding gap: losing deposits costs more than their margin', () => {
    const base = evaluate(demoScenario);
    const dear = evaluate({ ...demoScenario, market: { ...demoScenario.market, wholesaleRate: 0.025 } });
    expect(dear.profitability.fundingCost - base.profitability.fundingCost).toBeCloseTo(
      0.006 * (base.liquidity.totalLoans - demoScenario.bank.retailLoans - base.liquidity.corporateDeposits),
      0,
    );
    const fewerDeposits = evaluate(withSegments(demoScenario, (seg) => (seg.key === 'large' ? { depositsPerLoan: 0.6 } : {})));
    const lost = base.profitability.preTaxProfit - fewerDeposits.profitability.preTaxProfit;
    const lostMargin = base.profitability.depositMargin - fewerDeposits.profitability.depositMargin;
    expect(lost).toBeGreaterThan(lostMargin * 1.5);
  });

  it('an LPR cut moves transfer prices and deposit rates too: 50 bp costs a share of profit, not most of it', () => {
    const base = evaluate(demoScenario);
    const cut = evaluate(applyStressPreset(demoScenario, 'lprCut50bp'));
    const drop = 1 - cut.profitability.netProfit / base.profitability.netProfit;
    expect(drop).toBeGreaterThan(0.05);
    expect(drop).toBeLessThan(0.35);
    const s0 = base.segments[0];
    const s1 = cut.segments[0];
    expect(s1.rate - s0.rate).toBeCloseTo(-0.005, 12);
    expect(s1.ftpRate - s0.ftpRate).toBeCloseTo(-0.005 * demoScenario.market.ftpPassThrough, 12);
  });

  it('less gravel is not always better: the best mix under the limits is interior, and no gravel costs profit', () => {
    const at = (large: number) =>
      evaluate(applyLevers(demoScenario, { mix: Object.fromEntries(Object.entries({ large, mid: (1 - large) * 0.55, small: (1 - large) * 0.45 })) }))
        .profitability.netProfit;
    expect(at(0)).toBeLessThan(at(0.3));
    for (const objective of ['netProfit', 'raroc', 'eva'] as const) {
      const best = designMix(demoScenario, { objective }).best!;
      for (const share of Object.values(best.mix)) expect(share).toBeGreaterThanOrEqual(0.05);
      expect(best.mix.large).toBeGreaterThanOrEqual(0.2);
    }
  });
});

describe('no corner wins: mix and price together', () => {
  it('the most profitable bank under the limits keeps its gravel and prices SMEs near the market, not away', () => {
    let best = { netProfit: -Infinity, large: 0, smallSpread: 0, booked: 0 };
    for (let large = 0; large <= 100; large += 10) {
      for (let mid = 0; mid <= 100 - large; mid += 10) {
        for (const smallSpread of [80, 120, 160, 200, 250]) {
          const s = applyLevers(demoScenario, {
            mix: { large: large / 100, mid: mid / 100, small: (100 - large - mid) / 100 },
            spreadBp: { small: smallSpread },
          });
          const e = evaluate(s);
          if (!e.limits.every((l) => l.isPass) || e.profitability.netProfit <= best.netProfit) continue;
          const booked = e.segments.reduce((a, x) => a + x.loans, 0) / s.bank.corporateLoans;
          best = { netProfit: e.profitability.netProfit, large, smallSpread, booked };
        }
      }
    }
    expect(best.large).toBeGreaterThanOrEqual(20);
    expect(best.large).toBeLessThanOrEqual(40);
    expect(best.smallSpread).toBeLessThanOrEqual(160);
    expect(best.booked).toBeGreaterThan(0.9);
  });
});

describe('capital rules stated', () => {
  it('IRB: no scaling factor by default, Basel II 1.06 as an option, and the 72.5% output floor', () => {
    const irb = (settings: Partial<Scenario['settings']>) =>
      evaluate({ ...demoScenario, settings: { ...demoScenario.settings, capitalApproach: 'irb', ...settings } }).safety;
    const plain = irb({ outputFloor: 0 });
    const scaled = irb({ outputFloor: 0, irbScalingFactor: 1.06 });
    expect(scaled.corporateRwa / plain.corporateRwa).toBeCloseTo(1.06, 10);
    const floored = irb({ outputFloor: 0.99 });
    expect(floored.corporateRwa).toBeCloseTo(Math.max(plain.corporateRwa, 0.99 * plain.corporateRwaStandardized), 2);
    const std = evaluate(demoScenario).safety;
    expect(plain.corporateRwaStandardized).toBeCloseTo(std.corporateRwa, 2);
  });

  it('small obligors above 1,000万 take the SME weight of 85% (NFRA 2023)', () => {
    const above = shareAboveCap(600e4, 0.6, 1000e4);
    expect(above).toBeGreaterThan(0.2);
    expect(above).toBeLessThan(0.4);
    const small = evaluate(demoScenario).segments.find((s) => s.key === 'small')!;
    expect(small.riskWeight).toBeCloseTo(0.75 * (1 - above) + 0.85 * above, 12);
    const noCap = evaluate(withSegments(demoScenario, () => ({ smallMicroCap: null }))).segments.find((s) => s.key === 'small')!;
    expect(noCap.riskWeight).toBe(0.75);
  });

  it('the float of the 2007 source is spread / LPR', () => {
    expect(equivalentFloat(60, 0.03)).toBeCloseTo(0.2, 12);
    expect(equivalentFloat(-24, 0.03)).toBeCloseTo(-0.08, 12);
  });
});

/**
 * An LCR and an NSFR worked by hand from the BCBS factors, for a small bank: corporate loans 100,
 * deposits 60 (half operational), undrawn lines 10; retail deposits 200 (60% stable); HQLA 50;
 * retail loans 100, other assets 20, other liabilities 10, capital 20; wholesale 10% due in 30 days,
 * 30% over a year.
 */
describe('liquidity by hand (BCBS 238 and 295)', () => {
  const bank = bankTerms({
    ...demoScenario,
    bank: {
      ...demoScenario.bank,
      netCapital: 20,
      hqla: 50,
      retailDeposits: 200,
      retailStableShare: 0.6,
      retailLoans: 100,
      otherAssets: 20,
      otherLiabilities: 10,
      wholesaleShareUnder30d: 0.1,
      wholesaleShareOver1y: 0.3,
    },
  });
  // Loans 100 of which 30% within a year (10% ≤ 3 months), risk weight 100%.
  const book = {
    loans: 100,
    deposits: 60,
    outflows30d: 60 * (0.5 * 0.25 + 0.5 * 0.4) + 10 * 0.1, // 19.5 + 1
    loansDue30d: (100 * 0.1) / 3,
    availableStableFunding: 60 * 0.5,
    requiredStableFunding: 100 * (0.3 * 0.5 + 0.7 * 0.85) + 10 * 0.05, // 74.5 + 0.5
    nplNet: 0,
  };
  const liq = bankLiquidity(bank, book, 50, 20);

  it('wholesale funding fills the gap: assets 270 − deposits 260 − other 10 − capital 20 → 0', () => {
    expect(liq.totalAssets).toBe(270);
    expect(liq.wholesaleFunding).toBe(0);
  });

  it('LCR = 50 / (retail 200·(0.6·5% + 0.4·10%) + corporate 20.5 − inflows min(3.33·50%, 75%·outflows))', () => {
    const outflows = 200 * (0.6 * LCR_FACTORS.retailStable + 0.4 * LCR_FACTORS.retailLessStable) + 20.5; // 14 + 20.5
    expect(liq.outflows30d).toBeCloseTo(34.5, 12);
    expect(outflows).toBeCloseTo(34.5, 12);
    expect(liq.inflows30d).toBeCloseTo((100 * 0.1) / 3 / 2, 12);
    expect(liq.lcr).toBeCloseTo(50 / (34.5 - 10 / 6), 12); // 152.3%
  });

  it('NSFR = (capital 20 + retail 200·(0.6·95% + 0.4·90%) + corporate 30) / (retail loans 75 + other 12 + HQLA 2.5 + corporate 75)', () => {
    const asf = 20 + 200 * (0.6 * NSFR_FACTORS.retailStable + 0.4 * NSFR_FACTORS.retailLessStable) + 30; // 20 + 186 + 30
    const rsf = 100 * NSFR_FACTORS.retailLoans + 20 * NSFR_FACTORS.otherAssets + 50 * NSFR_FACTORS.hqla + 75; // 75 + 12 + 2.5 + 75
    expect(liq.availableStableFunding).toBeCloseTo(236, 12);
    expect(asf).toBeCloseTo(236, 12);
    expect(liq.requiredStableFunding).toBeCloseTo(164.5, 12);
    expect(rsf).toBeCloseTo(164.5, 12);
    expect(liq.nsfr).toBeCloseTo(236 / 164.5, 12);
  });
});

describe('every stress preset is one answer', () => {
  it('the presets move the one-year view the way they say', () => {
    const base = evaluate(demoScenario);
    for (const key of Object.keys(STRESS_PRESETS) as StressPresetKey[]) {
      const e = evaluate(applyStressPreset(demoScenario, key));
      for (const v of Object.values(e.profitability)) expect(Number.isFinite(v)).toBe(true);
      if (key === 'none') expect(e.profitability.netProfit).toBe(base.profitability.netProfit);
    }
  });
});

describe('levers', () => {
  it('applyLevers is pure and renormalises the mix', () => {
    const before = JSON.stringify(demoScenario);
    const s = applyLevers(demoScenario, { mix: { large: 0.4, mid: 0.3, small: 0.3 }, spreadBp: { small: 100 } });
    expect(JSON.stringify(demoScenario)).toBe(before);
    expect(s.segments.map((x) => x.share)).toEqual([0.4, 0.3, 0.3]);
    expect(s.segments[2].spreadBp).toBe(100);
  });

  it('rebalanceMix keeps the sum at 1 and the others in proportion', () => {
    const m = rebalanceMix([0.65, 0.25, 0.1], 0, 0.4);
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(m[1] / m[2]).toBeCloseTo(2.5, 12);
    expect(rebalanceMix([1, 0, 0], 0, 0.5)).toEqual([0.5, 0.25, 0.25]);
    expect(rebalanceMix([0.5, 0.5], 1, 1.7)).toEqual([0, 1]);
  });
});
