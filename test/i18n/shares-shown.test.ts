// @vitest-environment jsdom
/**
 * Shares on screen sum to 100 and never show more digits than the input step: one function
 * (roundShares / formatShares, largest remainder) used by every list of shares.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShares, roundShares } from '../../src/lib/i18n/format';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { mixShape } from '../../src/lib/charts/pyramid-shape';
import { demoScenario, inputSpec, pyramidScenario, rebalanceMix } from '../../src/lib/model';
import { toDisplay } from '../../src/lib/i18n/units';
import ConcreteMix from '../../src/lib/charts/ConcreteMix.svelte';
import LeverPanel from '../../src/views/dashboard/LeverPanel.svelte';
import SimulationLevers from '../../src/views/over-time/SimulationLevers.svelte';
import { mixShort } from '../../src/views/design/design-view';
import { renderWithWorkspace } from '../helpers/harness';

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
const digits = (x: string) => (x.split('.')[1] ?? '').replace(/[^0-9]/g, '').length;

describe('roundShares (largest remainder)', () => {
  it("keeps the issue's examples at 100", () => {
    expect(roundShares([0.455, 0.389286, 0.155714], 1)).toEqual([45.5, 38.9, 15.6]);
    expect(roundShares([0.3893, 0.3054, 0.3053])).toEqual([39, 31, 30]);
    expect(formatShares([1 / 3, 1 / 3, 1 / 3])).toEqual(['34%', '33%', '33%']);
  });

  it('sums to exactly 100 for any mix, at whole percent and at one decimal', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }), fc.constantFrom(0, 1), (raw, d) => {
        const total = raw.reduce((a, b) => a + b, 0);
        fc.pre(total > 1e-6);
        const shares = raw.map((x) => x / total);
        const shown = roundShares(shares, d);
        expect(sum(shown)).toBe(100);
        for (let i = 0; i < shares.length; i++) expect(Math.abs(shown[i] - shares[i] * 100)).toBeLessThan(10 ** -d + 1e-9);
        for (const s of formatShares(shares, d)) expect(digits(s)).toBe(d);
      }),
    );
  });

  it('design labels sum to 100 as well', () => {
    const parts = mixShort([0.455, 0.389286, 0.155714]).split('/').map(Number);
    expect(sum(parts)).toBe(100);
  });
});

describe('every displayed share list sums to 100', () => {
  it('the concrete legend', () => {
    const shares = rebalanceMix([0.65, 0.25, 0.1], 0, 0.455);
    render(ConcreteMix, { props: { parts: shares.map((share, i) => ({ label: `t${i}`, share, color: '#888' })), caption: 'x' } });
    const shown = screen.getAllByTestId('share-shown').map((el) => Number(el.textContent!.match(/([\d.]+)%/)![1]));
    expect(sum(shown)).toBe(100);
  });

  it('the dashboard mix fields after a typed 45.5: one decimal, summing to 100', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(LeverPanel as never);
    const large = document.getElementById('share-number-large') as HTMLInputElement;
    await fireEvent.input(large, { target: { value: '45.5' } });
    await fireEvent.blur(large);
    await waitFor(() => expect(workspace.scenario.segments[0].share).toBeCloseTo(0.455, 6));
    const fields = workspace.scenario.segments.map((s) => (document.getElementById(`share-number-${s.key}`) as HTMLInputElement).value);
    for (const f of fields) expect(digits(f)).toBeLessThanOrEqual(1);
    expect(sum(fields.map(Number))).toBe(100);
  });

  it('the over-time target shares and attrition rates show at most one decimal', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(SimulationLevers as never);
    workspace.update({ ...workspace.scenario, simulation: { ...workspace.scenario.simulation, attritionCurve: [0.5, 1 / 3, 0.1] } }, 'test');
    await waitFor(() => expect((document.getElementById('sim-attrition-1') as HTMLInputElement).value).toBe('33.3'));
    expect(toDisplay(inputSpec('segments.*.share')!, 0.389286, 'zh')).toBe(38.9);
  });
});

describe('one pyramid classification', () => {
  it('the demo is inverted, its twin upright, a waist without a base mixed', () => {
    expect(mixShape(demoScenario.segments.map((s) => s.share))).toBe('inverted');
    expect(mixShape(pyramidScenario.segments.map((s) => s.share))).toBe('upright');
    expect(mixShape([0.45, 0.45, 0.1])).toBe('mixed');
  });
});
