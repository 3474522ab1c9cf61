import { describe, expect, it } from 'vitest';
import {
  applyInputs,
  axisValues,
  defaultAxis,
  demoScenario,
  evaluate,
  evaluateNamed,
  figureLimit,
  parseInputValue,
  resolveInputPath,
  whatIfGrid,
} from '../../src/lib/model';

describe('input paths and values', () => {
  it('names a segment by its key', () => {
    expect(resolveInputPath(demoScenario, 'segments.small.pd')).toEqual({ ok: true, path: 'segments.2.pd' });
    expect(resolveInputPath(demoScenario, 'stress.depositRunOff')).toEqual({ ok: true, path: 'stress.depositRunOff' });
  });
  it('says what is wrong with a bad path', () => {
    const r = resolveInputPath(demoScenario, 'segments.tiny.pd');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en).toContain('unknown segment "tiny", expected one of: large, mid, small');
    const s = resolveInputPath(demoScenario, 'market.lrp');
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.message.en).toContain('"market.lrp" is not a numeric input');
  });
  it('reads numbers, percentages and basis points', () => {
    expect(parseInputValue('0.032')).toBe(0.032);
    expect(parseInputValue('3.2%')).toBe(0.032);
    expect(parseInputValue('25bp')).toBe(0.0025);
    expect(parseInputValue('abc')).toBeNull();
  });
  it('rebalances the mix when a share is set, and validates like the app', () => {
    const r = applyInputs(demoScenario, [{ path: 'segments.large.share', value: 0.4 }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.segments.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    const bad = applyInputs(demoScenario, [{ path: 'segments.small.pd', value: 0.9 }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].path).toBe('segments.2.pd');
  });
});

describe('whatIfGrid', () => {
  it('evaluates every point in closed form, as evaluate() does directly', () => {
    const x = defaultAxis(demoScenario, 'segments.2.pd');
    const y = { path: 'market.lpr1y', values: axisValues(0.025, 0.04, 21) };
    let calls = 0;
    const grid = whatIfGrid(demoScenario, x, y, () => calls++);
    expect(calls).toBe(21);
    expect(grid.figures.netProfit.length).toBe(441);
    const i = 4;
    const j = 17;
    const applied = applyInputs(demoScenario, [
      { path: x.path, value: x.values[i] },
      { path: y.path, value: y.values[j] },
    ]);
    if (!applied.ok) throw new Error('invalid');
    expect(grid.figures.netProfit[j * 21 + i]).toBe(evaluate(applied.scenario).profitability.netProfit);
    expect(grid.invalid).toEqual([]);
  });
  it('marks points outside an input range as invalid, with the validator problem', () => {
    const grid = whatIfGrid(demoScenario, { path: 'segments.2.pd', values: [0.02, 0.6] }, { path: 'market.lpr1y', values: [0.03] });
    expect(Number.isNaN(grid.figures.netProfit[1])).toBe(true);
    expect(grid.invalid[0].problem.path).toBe('segments.2.pd');
  });
  it('knows the limits of the figures that have one', () => {
    expect(figureLimit('capitalAdequacyRatio')).toEqual({ limit: 0.105, direction: 'min' });
    expect(figureLimit('largestClientToCapital')).toEqual({ limit: 0.1, direction: 'max' });
    expect(figureLimit('netProfit')).toBeUndefined();
  });
});

describe('evaluateNamed', () => {
  it('evaluates each named what-if and reports the invalid ones', () => {
    const r = evaluateNamed(demoScenario, [
      { name: 'LPR down', sets: [{ path: 'market.lpr1y', value: 0.03 }] },
      { name: 'bad', sets: [{ path: 'market.nope', value: 1 }] },
    ]);
    expect(r[0].ok).toBe(true);
    expect(r[1].ok).toBe(false);
  });
});
