// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import {
  contributionBars,
  exceedanceAt,
  labelWidth,
  logTicks,
  lossScales,
  lossXDomain,
  placeMarkers,
  probabilityTick,
  type ChartFrame,
  type LossSeries,
} from '../../src/lib/charts/loss-chart';
import LossDistributionChart from '../../src/lib/charts/LossDistributionChart.svelte';
import ContributionBars from '../../src/lib/charts/ContributionBars.svelte';
import { scaleLinear } from 'd3-scale';
import { demoScenario, evaluate, pyramidScenario } from '../../src/lib/model';
import { pyramidTwin, riskProfile, riskProfileTransferables } from '../../src/lib/model/risk-profile';

const frame: ChartFrame = { width: 720, height: 300, margin: { top: 50, right: 20, bottom: 40, left: 60 } };

/** An exponential-tail toy distribution on 0…100 yuan. */
function toySeries(): LossSeries {
  const n = 101;
  const loss = Float64Array.from({ length: n }, (_, i) => i);
  const exceedance = Float64Array.from(loss, (x) => Math.exp(-x / 8));
  const density = Float64Array.from(loss, (x) => Math.exp(-x / 8) / 8);
  return { id: 'toy', loss, density, exceedance };
}

describe('log-scale ticks', () => {
  const cases: { lo: number; hi: number; ticks: number[] }[] = [
    { lo: 1e-6, hi: 1, ticks: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1] },
    { lo: 1e-3, hi: 1, ticks: [1e-3, 1e-2, 1e-1, 1] },
    { lo: 3e-5, hi: 0.5, ticks: [1e-4, 1e-3, 1e-2, 1e-1] },
    { lo: 0.01, hi: 0.01, ticks: [0.01] },
    { lo: 0, hi: 1, ticks: [] },
  ];
  it.each(cases)('logTicks($lo, $hi)', ({ lo, hi, ticks }) => {
    expect(logTicks(lo, hi)).toEqual(ticks);
  });

  const labels: [number, string][] = [
    [1, '100%'],
    [0.1, '10%'],
    [0.01, '1%'],
    [1e-3, '0.1%'],
    [1e-4, '0.01%'],
    [1e-6, '0.0001%'],
  ];
  it.each(labels)('probabilityTick(%s) = %s', (p, text) => {
    expect(probabilityTick(p)).toBe(text);
  });

  it('the tail view puts powers of ten on a log axis from a floor below the smallest exceedance to 1', () => {
    const s = toySeries(); // smallest exceedance exp(−100/8) ≈ 3.7e-6
    const scales = lossScales([s], [], 'tail', frame);
    expect(scales.isLog).toBe(true);
    expect(scales.yTicks).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(scales.y(1)).toBeCloseTo(frame.margin.top, 9);
    expect(scales.y(1e-6)).toBeCloseTo(frame.height - frame.margin.bottom, 9);
    // equal ratios are equal distances on a log axis
    const step = scales.y(1e-3) - scales.y(1e-2);
    expect(scales.y(1e-4) - scales.y(1e-3)).toBeCloseTo(step, 9);
  });

  it('the density view is linear from zero, in probability per 亿元', () => {
    const scales = lossScales([toySeries()], [{ id: 'm', value: 40, label: '' }], 'density', frame);
    expect(scales.isLog).toBe(false);
    expect(scales.y.domain()[0]).toBe(0);
    expect(scales.y.domain()[1]).toBeGreaterThanOrEqual((1 / 8) * 1e8);
  });
});

describe('x range and markers', () => {
  it('density: a little beyond the furthest marker; tail: the whole computed range', () => {
    const s = toySeries();
    const m = [{ id: 'es', value: 50, label: 'ES' }];
    expect(lossXDomain([s], m, 'density')).toEqual([0, 57.49999999999999]);
    expect(lossXDomain([s], m, 'tail')).toEqual([0, 100]);
  });

  const x = scaleLinear().domain([0, 100]).range([60, 700]);
  const cases: { name: string; markers: { id: string; value: number; label: string }[]; px: Record<string, number>; rows: Record<string, number> }[] = [
    {
      name: 'far apart: one row, each at its x',
      markers: [
        { id: 'el', value: 5, label: 'EL' },
        { id: 'var99', value: 35, label: 'VaR 99%' },
        { id: 'var999', value: 66.6, label: 'VaR 99.9%' },
      ],
      px: { el: 92, var99: 284, var999: 486.24 },
      rows: { el: 0, var99: 0, var999: 0 },
    },
    {
      name: 'close together: a label drops to the first row it fits',
      markers: [
        { id: 'gvar', value: 63.4, label: '颗粒化VaR 99.9% 63.38' },
        { id: 'var999', value: 66.6, label: 'VaR 99.9% 66.60' },
        { id: 'es', value: 82.7, label: 'ES 99.9% 82.69' },
      ],
      px: { gvar: 465.76, var999: 486.24, es: 589.28 },
      rows: { gvar: 0, var999: 1, es: 1 }, // ES fits after VaR's label on row 1
    },
  ];
  it.each(cases)('$name', ({ markers, px, rows }) => {
    const placed = placeMarkers(markers, x);
    for (const m of placed) {
      expect(m.px).toBeCloseTo(px[m.id], 6);
      expect(m.row).toBe(rows[m.id]);
    }
  });

  it('a label that would run off the right edge reads to the left of its line', () => {
    const [m] = placeMarkers([{ id: 'es', value: 99, label: 'ES 99.9% 82.69' }], x);
    expect(m.anchor).toBe('end');
    expect(labelWidth('风险')).toBe(22);
  });

  it('exceedance between plot points is interpolated in log-probability', () => {
    const s = toySeries();
    expect(exceedanceAt(s.loss, s.exceedance, 10)).toBeCloseTo(Math.exp(-10 / 8), 12);
    expect(exceedanceAt(s.loss, s.exceedance, 10.5)).toBeCloseTo(Math.exp(-10.5 / 8), 12);
    expect(exceedanceAt(s.loss, s.exceedance, 1000)).toBe(s.exceedance[100]);
  });
});

describe('contribution bars', () => {
  const cases: { name: string; values: number[]; scaleTo: 'total' | 'largest' }[] = [
    { name: 'three segments', values: [40.38, 15.33, 5.72], scaleTo: 'total' },
    { name: 'equal parts', values: [1, 1, 1, 1], scaleTo: 'total' },
    { name: 'one part', values: [7], scaleTo: 'total' },
    { name: 'top names on the largest', values: [1.12, 1.05, 0.9, 0.4], scaleTo: 'largest' },
  ];
  it.each(cases)('$name: the stack spans the sum, each bar its value', ({ values, scaleTo }) => {
    const items = values.map((value, i) => ({ key: `k${i}`, value }));
    const copy = structuredClone(items);
    const { bars, scale, total } = contributionBars(items, 0, 100, scaleTo);
    const sum = values.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(sum, 12);
    expect(bars[0].stack0).toBeCloseTo(scale(0), 9);
    expect(bars.at(-1)!.stack1).toBeCloseTo(scale(sum), 9);
    for (let i = 1; i < bars.length; i++) expect(bars[i].stack0).toBeCloseTo(bars[i - 1].stack1, 9);
    const widths = bars.reduce((a, b) => a + (b.x1 - b.x0), 0);
    expect(widths).toBeCloseTo(scale(sum) - scale(0), 9);
    if (scaleTo === 'total') expect(scale(sum)).toBeCloseTo(100, 9);
    else expect(Math.max(...bars.map((b) => b.x1))).toBeCloseTo(100, 9);
    expect(items).toEqual(copy);
  });
});

describe('the demo bank’s profile', () => {
  const p = riskProfile(demoScenario);
  const d = p.distribution;

  it('segment contributions, drawn as bars, add up to economic capital', () => {
    const { bars, scale } = contributionBars(
      d.contributions.bySegment.map((c) => ({ key: c.key, value: c.economicCapital })),
      0,
      100,
    );
    expect(bars.at(-1)!.stack1 - bars[0].stack0).toBeCloseTo(scale(d.economicCapital) - scale(0), 6);
    expect(bars.reduce((a, b) => a + b.x1 - b.x0, 0)).toBeCloseTo(100, 6);
    expect(d.contributions.topNames).toHaveLength(20);
    expect(p.names.map((n) => n.id)).toEqual(d.contributions.topNames.map((c) => c.key));
    expect(p.names.every((n) => n.pd > 0 && n.lgd > 0 && n.rho > 0)).toBe(true);
  });

  it('portfolio RAROC and EVA are evaluate()’s with economicCapital: portfolio', () => {
    const e = evaluate(demoScenario, { economicCapital: 'portfolio' });
    expect(p.capital.portfolioEconomicCapital).toBeCloseTo(e.safety.economicCapital, 0);
    expect(p.capital.portfolioRaroc).toBeCloseTo(e.profitability.raroc, 10);
    expect(p.capital.portfolioEva).toBeCloseTo(e.profitability.eva, 0);
    expect(p.capital.granularityAddOn).toBeCloseTo(e.safety.granularityAddOn!, 0);
    expect(p.capital.granularityAddOn).toBeGreaterThan(0);
  });

  it('the typed arrays to transfer are distinct buffers', () => {
    const buffers = riskProfileTransferables(p);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBeGreaterThanOrEqual(2);
  });

  it('the pyramid twin keeps every input but the mix', () => {
    const twin = pyramidTwin(demoScenario);
    expect(twin.segments.map((s) => s.share)).toEqual(pyramidScenario.segments.map((s) => s.share));
    expect({ ...twin, segments: twin.segments.map((s) => ({ ...s, share: 0 })) }).toEqual({
      ...demoScenario,
      segments: demoScenario.segments.map((s) => ({ ...s, share: 0 })),
    });
  });

  it('the chart draws the markers at their x, and the tail view has log ticks', async () => {
    const iEc = d.quantileLevels.indexOf(0.999);
    const markers = [
      { id: 'el', kind: 'el' as const, value: d.expectedLoss, label: 'EL' },
      { id: 'var999', kind: 'var' as const, value: d.quantiles[iEc], label: 'VaR 99.9%' },
      { id: 'es999', kind: 'es' as const, value: d.expectedShortfalls[iEc], label: 'ES 99.9%' },
    ];
    const series = [
      { id: 'portfolio', label: 'book', style: 'portfolio' as const, loss: d.plot.loss, density: d.plot.density, exceedance: d.plot.exceedance },
      {
        id: 'granular',
        label: 'granular',
        style: 'granular' as const,
        loss: d.plot.loss,
        density: d.plot.granularDensity,
        exceedance: d.plot.granularExceedance,
      },
    ];
    const props = {
      series,
      markers,
      bracket: { from: d.granular.quantiles[iEc], to: d.quantiles[iEc], label: 'add-on' },
      formatX: (v: number) => (v / 1e8).toFixed(0),
      xLabel: 'loss',
      yLabel: { density: 'density', tail: 'tail' },
      modeLabels: { legend: 'axis', density: 'Density', tail: 'Tail' },
      title: 'Loss distribution',
      summary: 'summary',
    };
    const { container, getByTestId, getByLabelText } = render(LossDistributionChart, { props });
    const svgFrame: ChartFrame = { width: 720, height: 300, margin: { top: 14 + 3 * 13 + 10, right: 18, bottom: 40, left: 62 } };
    const expected = lossScales(series, markers, 'density', svgFrame);
    for (const m of markers) expect(Number(getByTestId(`loss-chart-marker-${m.id}`).dataset.x)).toBeCloseTo(expected.x(m.value), 1);
    expect(container.querySelector('path[data-series="portfolio"]')!.getAttribute('d')).toMatch(/^M/);
    expect(getByTestId('loss-chart-bracket')).toHaveTextContent('add-on');

    getByLabelText('Tail').click();
    flushSync();
    expect(getByTestId('loss-chart').dataset.mode).toBe('tail');
    const ticks = [...container.querySelectorAll('[data-testid="loss-chart-ytick"]')].map((t) => t.textContent);
    expect(ticks).toEqual(['0.0001%', '0.001%', '0.01%', '0.1%', '1%', '10%', '100%']);
    const tail = lossScales(series, markers, 'tail', svgFrame);
    expect(Number(getByTestId('loss-chart-marker-var999').dataset.x)).toBeCloseTo(tail.x(d.quantiles[iEc]), 1);
  });

  it('the contribution bars render a stack spanning the whole track and one button per part', () => {
    const items = d.contributions.bySegment.map((c, i) => ({
      key: c.key,
      label: c.key,
      value: c.economicCapital,
      formatted: String(c.economicCapital),
      color: ['#123', '#456', '#789'][i],
    }));
    const opened: string[] = [];
    const { container, getByTestId } = render(ContributionBars, {
      props: {
        items,
        showStack: true,
        stackLabel: 'total',
        barLabel: (it: { label: string }) => `open ${it.label}`,
        onOpen: (k: string) => opened.push(k),
        title: 'bars',
      },
    });
    const rects = [...container.querySelectorAll('rect[data-stack]')];
    expect(rects).toHaveLength(3);
    expect(Number(rects[0].getAttribute('data-x0'))).toBeCloseTo(0, 9);
    expect(Number(rects[2].getAttribute('data-x1'))).toBeCloseTo(100, 6);
    getByTestId('contrib-bar-mid').click();
    expect(opened).toEqual(['mid']);
  });
});
