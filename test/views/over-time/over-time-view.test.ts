import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { cloneScenario, demoScenario, LIMITS, simulate, writePath, type Scenario } from '../../../src/lib/model';
import type { RunInfo } from '../../../src/lib/state/simulation-run.svelte';
import { changedSince, overTimeFigures, prob, runToShow, verdictText } from '../../../src/views/over-time/over-time-view';

const scenario: Scenario = cloneScenario(demoScenario);
const result = simulate(scenario, { paths: 40, seed: 5 });
const info = (s: Scenario): RunInfo => ({ key: 'k', scenario: s, workers: 1, elapsedMs: 1, pathsMs: 1, book: null });

afterEach(() => i18n.setLang('zh'));

describe('over-time presenter: which run is shown', () => {
  it('shows the scenario’s own run, else the latest one marked as earlier, else nothing', () => {
    const own = { result, info: info(scenario) };
    const latest = { result, info: info(scenario) };
    expect(runToShow(own, latest)).toEqual({ shown: own, isStale: false });
    expect(runToShow(null, latest)).toEqual({ shown: latest, isStale: true });
    expect(runToShow(null, null)).toEqual({ shown: null, isStale: false });
  });

  it('names what changed since the run: three inputs, then how many more', () => {
    i18n.setLang('en');
    const one = writePath(scenario, 'market.lpr1y', 0.04) as Scenario;
    expect(changedSince(scenario, one)).toMatch(/LPR/);
    expect(changedSince(scenario, scenario)).toBe('');
    let many = one;
    for (const path of ['bank.corporateLoanGrowth', 'levers.paceQuarters', 'simulation.seed']) many = writePath(many, path, 3) as Scenario;
    expect(changedSince(scenario, many).split(', ')).toHaveLength(3);
    expect(changedSince(scenario, many)).toMatch(/1 more/);
  });
});

describe('over-time presenter: the figures of a run', () => {
  const v = overTimeFigures(result, scenario);

  it('makes eight fan charts; stocks and ratios start today, flows at the first quarter', () => {
    expect(v.fans.map((f) => f.key)).toEqual(['netProfit', 'nim', 'realisedLoss', 'nplRatio', 'capitalAdequacyRatio', 'lcr', 'nsfr', 'managersNeeded']);
    const nim = v.fans.find((f) => f.key === 'nim')!;
    expect(nim.x).toEqual([0, ...result.time]);
    expect(nim.p50[0]).toBe(result.initial.nim);
    expect(nim.p50.slice(1)).toEqual(result.bands.nim.p50);
    expect(nim.rows).toHaveLength(result.horizonYears + 1); // today and each year end
    const profit = v.fans.find((f) => f.key === 'netProfit')!;
    expect(profit.x).toEqual(result.time);
    expect(profit.rows).toHaveLength(result.horizonYears);
    expect(profit.rows[0].p50).toBe(result.bands.netProfit.p50[result.stepsPerYear - 1]);
  });

  it('draws the regulatory limit on the ratios that have one, and says it', () => {
    const car = v.fans.find((f) => f.key === 'capitalAdequacyRatio')!;
    expect(car.reference).toBe(LIMITS.capitalAdequacyRatio);
    expect(car.referenceLabel).toBe(`下限 ${(LIMITS.capitalAdequacyRatio * 100).toFixed(1)}%`);
    expect(v.fans.find((f) => f.key === 'nim')!.reference).toBeNull();
    expect(v.fans.find((f) => f.key === 'realisedLoss')!.overlay).toEqual(result.bands.expectedLoss.p50);
  });

  it('stacks loans by segment from today, with each year’s shares', () => {
    expect(v.loans.series).toHaveLength(scenario.segments.length);
    expect(v.loans.x[0]).toBe(0);
    expect(v.loans.rows).toHaveLength(result.horizonYears + 1);
    const today = v.loans.rows[0].shares;
    expect(today.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('gives the cumulative profit’s percentiles and each limit’s verdict', () => {
    expect(v.cum.rows.map((r) => r.label)).toEqual(['P1', 'P5', 'P25', 'P50', 'P75', 'P95', 'P99']);
    expect(v.cum.markers[1].value).toBe(result.cumulativeProfit.percentiles.p50);
    expect(v.breaches).toHaveLength(result.breaches.length);
    for (const b of v.breaches) expect(b.verdict).toBe(b.probability === 0 ? 'never' : b.probability < 0.1 ? 'rare' : 'often');
  });

  it('follows the UI language', () => {
    i18n.setLang('en');
    const en = overTimeFigures(result, scenario);
    i18n.setLang('zh');
    const zh = overTimeFigures(result, scenario);
    expect(en.fans[0].title).not.toBe(zh.fans[0].title);
    expect(verdictText('never')).not.toBe('');
  });

  it('never writes a small probability as zero', () => {
    expect(prob(0.0001)).toBe('< 0.1%');
    expect(prob(0)).toMatch(/^0(\.0)?\s?%$/);
  });
});
