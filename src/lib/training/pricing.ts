/**
 * Pricing power (定价权) in closed form: what a markup above the market costs in demand and in
 * credit quality, at steady state (every loan of the segment repriced). Same formulas as the
 * Monte Carlo's new lending (model.md §1): demand exp(−ε·Δbp/10), PD × (1 + slope·Δbp/10),
 * Δbp = LPR·(markup − market markup)·10⁴, nothing gained below the market.
 * evaluate() alone prices every loan without losing a client; the lessons and challenges use
 * `withPricingResponse` so that a higher markup is not free profit.
 */
import { applyLevers, evaluate, type Scenario } from '../model';

/** Rate gap above the market in basis points (negative: below the market). */
export function markupGapBp(lpr: number, markup: number, marketMarkup: number): number {
  return lpr * (markup - marketMarkup) * 1e4;
}

/** Share of the segment's demand kept at a gap above the market: exp(−ε·max(0, Δbp)/10). */
export function demandKept(elasticity: number, gapBp: number): number {
  return Math.exp((-elasticity * Math.max(0, gapBp)) / 10);
}

/** PD multiplier at a gap above the market (adverse selection): 1 + slope·max(0, Δbp)/10. */
export function adverseSelection(slope: number, gapBp: number): number {
  return 1 + (slope * Math.max(0, gapBp)) / 10;
}

export interface PricingEffect {
  key: string;
  gapBp: number;
  demandKept: number;
  pdMultiplier: number;
}

/** The demand and PD effect of each segment's markup. */
export function pricingEffects(scenario: Scenario): PricingEffect[] {
  const lpr = scenario.market.lpr1y + scenario.stress.lprShock;
  return scenario.segments.map((s) => {
    const gapBp = markupGapBp(lpr, s.markup, s.marketMarkup);
    return { key: s.key, gapBp, demandKept: demandKept(s.demandElasticity, gapBp), pdMultiplier: adverseSelection(s.adverseSelectionSlope, gapBp) };
  });
}

/**
 * The scenario at steady state after the pricing response: each segment's loans scaled by the
 * demand it keeps (the lost loans leave the book: the corporate book shrinks), its PD raised by
 * adverse selection. Identity when every markup is at or below its market markup.
 * @example evaluate(withPricingResponse(applyLevers(demoScenario, { markup: { small: 0.46 } })))
 */
export function withPricingResponse(scenario: Scenario): Scenario {
  const effects = pricingEffects(scenario);
  if (effects.every((e) => e.gapBp <= 0)) return scenario;
  const kept = scenario.segments.map((s, i) => s.share * effects[i].demandKept);
  const total = kept.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return scenario;
  return {
    ...scenario,
    bank: { ...scenario.bank, corporateLoans: scenario.bank.corporateLoans * total },
    segments: scenario.segments.map((s, i) => ({ ...s, share: kept[i] / total, pd: Math.min(1, s.pd * effects[i].pdMultiplier) })),
  };
}

export interface MarkupPoint {
  markup: number;
  netProfit: number;
}

/**
 * Net profit (after the pricing response) against one segment's markup, on a grid of `step`
 * from `min` to `max`: the curve of lesson 3 and the best markup on it.
 */
export function markupCurve(scenario: Scenario, segmentKey: string, { min = -0.1, max = 1, step = 0.01 } = {}): { points: MarkupPoint[]; best: MarkupPoint } {
  const points: MarkupPoint[] = [];
  const n = Math.round((max - min) / step);
  for (let i = 0; i <= n; i++) {
    const markup = Number((min + i * step).toFixed(6));
    const s = applyLevers(scenario, { markup: { [segmentKey]: markup } });
    points.push({ markup, netProfit: evaluate(withPricingResponse(s)).profitability.netProfit });
  }
  const best = points.reduce((a, b) => (b.netProfit > a.netProfit ? b : a));
  return { points, best };
}
