import { describe, expect, it } from 'vitest';
import { applyInputs, demoScenario, whatIfGrid } from '../../../src/lib/model';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { axisText, fromShown, gridLong, gridMatrix, inputOptions, limitContour, parseNamedLines, toShown } from '../../../src/views/workbench/workbench';

describe('the limit contour of a two-way table', () => {
  it('traces the cells that pass, and nothing when all pass or all fail', () => {
    // 3 × 2 grid rising left to right; a floor at 2 cuts between columns 1 and 2.
    const values = Float64Array.from([1, 1.5, 3, 1, 1.5, 3]);
    const d = limitContour(values, 3, 2, 2, 'min');
    expect(d).toMatch(/^M/);
    expect(limitContour(values, 3, 2, 0.5, 'min')).toBe('');
    expect(limitContour(values, 3, 2, 5, 'min')).toBe('');
    expect(limitContour(values, 3, 2, 2, 'max')).toMatch(/^M/);
  });
});

describe('named what-ifs', () => {
  it('reads one scenario a line, with segment keys, percentages and basis points', () => {
    const r = parseNamedLines('LPR down: market.lpr1y=2.75%\n# a comment\nPD up: segments.small.pd=4%, stress.lprShock=25bp', demoScenario, 'en');
    expect(r).toEqual({
      ok: true,
      list: [
        { name: 'LPR down', sets: [{ path: 'market.lpr1y', value: 0.0275 }] },
        {
          name: 'PD up',
          sets: [
            { path: 'segments.2.pd', value: 0.04 },
            { path: 'stress.lprShock', value: 0.0025 },
          ],
        },
      ],
    });
  });
  it('lists every problem with its line', () => {
    i18n.lang = 'en';
    const r = parseNamedLines('no colon here\nbad: market.lrp=3%\nworse: market.lpr1y=abc', demoScenario, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(3);
      expect(r.problems[1]).toContain('"market.lrp" is not a numeric input');
      expect(r.problems[2]).toMatch(/"abc" is not a number/);
    }
  });
});

describe('inputs and exports', () => {
  it('offers the schema inputs and the stress inputs, in banker units', () => {
    const paths = inputOptions(demoScenario, 'zh').map((o) => o.path);
    expect(paths).toContain('market.lpr1y');
    expect(paths).toContain('stress.depositRunOff');
    expect(paths).toContain('stress.pdMultiplier.small');
    // Absent from the demo bank (×1), yet settable and validated.
    const r = applyInputs(demoScenario, [{ path: 'stress.pdMultiplier.small', value: 1.5 }]);
    expect(r.ok && r.scenario.stress.pdMultiplier.small).toBe(1.5);
    expect(toShown('market.lpr1y', 0.03, 'zh')).toBe(3);
    expect(fromShown('bank.hqla', 120, 'zh')).toBe(1.2e10);
    expect(axisText('market.lpr1y', 0.03, 'zh')).toBe('3.00%');
  });
  it('writes the grid as a matrix and in long form', () => {
    const g = whatIfGrid(demoScenario, { path: 'market.lpr1y', values: [0.03, 0.035] }, { path: 'stress.depositRunOff', values: [0, 0.1, 0.2] });
    const m = gridMatrix(g, 'lcr', 'corner');
    expect(m).toHaveLength(4);
    expect(m[0]).toEqual(['corner', 0.03, 0.035]);
    expect(m[2][2]).toBe(g.figures.lcr[1 * 2 + 1]);
    const long = gridLong(g);
    expect(long).toHaveLength(7);
    expect(long[1].slice(0, 2)).toEqual([0.03, 0]);
  });
});

describe('the inputs sheet', () => {
  it('holds a number for every input, the unset PD stress multipliers as ×1', async () => {
    const { inputsSheet } = await import('../../../src/views/workbench/workbench');
    const sheet = inputsSheet(demoScenario, 'en');
    expect(sheet.rows.slice(1).every((r) => typeof r[1] === 'number' && Number.isFinite(r[1]))).toBe(true);
    expect(sheet.rows.find((r) => r[0] === 'stress.pdMultiplier.small')?.[1]).toBe(1);
  });
});
