import { describe, expect, it } from 'vitest';
import {
  cloneScenario,
  demoScenario,
  diffScenarios,
  differingPaths,
  linkedPaths,
  mergeScenarios,
  pyramidScenario,
  writePath,
  type Scenario,
} from '../../src/lib/model';

const frozen = (s: Scenario) => JSON.parse(JSON.stringify(s)) as Scenario;

describe('diffScenarios', () => {
  it('is empty for equal scenarios', () => {
    expect(diffScenarios(demoScenario, cloneScenario(demoScenario))).toEqual([]);
  });

  it('lists the mix of the pyramid bank, with spec, before and after', () => {
    const d = diffScenarios(demoScenario, pyramidScenario);
    expect(d.map((x) => x.path)).toEqual(['segments.0.share', 'segments.1.share', 'segments.2.share']);
    expect(d[0].before).toBe(0.65);
    expect(d[0].after).toBe(0.4);
    expect(d[0].spec?.label.zh).toBe('贷款占比');
  });

  it('finds hand-typed values outside the input schema, ignores the name, and does not mutate', () => {
    const base = frozen(demoScenario);
    let s = writePath(base, 'settings.capitalApproach', 'irb');
    s = writePath(s, 'segments.1.tenor.y1to3', 0.25);
    s = writePath(s, 'segments.1.tenor.y3to5', 0.15);
    s = writePath(s, 'market.lprPath', [-0.001, 0]);
    s = writePath(s, 'name.zh', '改过名');
    s = writePath(s, 'market.lpr1y', 0.031);
    const before = JSON.stringify(base);
    const d = diffScenarios(base, s);
    expect(d.map((x) => x.path)).toEqual(['market.lpr1y', 'market.lprPath', 'segments.1.tenor.y1to3', 'segments.1.tenor.y3to5', 'settings.capitalApproach']);
    expect(d.find((x) => x.path === 'settings.capitalApproach')?.spec).toBeUndefined();
    expect(JSON.stringify(base)).toBe(before);
  });

  it('reports a target mix set to null as one change, not one per key', () => {
    const s = writePath(demoScenario, 'levers.targetMix', null);
    expect(diffScenarios(demoScenario, s).map((x) => x.path)).toEqual(['levers.targetMix']);
    expect(diffScenarios(s, demoScenario).map((x) => x.path)).toEqual(['levers.targetMix']);
  });

  it('reports a spec path inside an array (the attrition curve) by itself, and a length change as the whole curve', () => {
    const one = writePath(demoScenario, 'simulation.attritionCurve', [0.4, 1 / 3, 0.1]);
    const d = diffScenarios(demoScenario, one).map((x) => x.path);
    // with a spec for `simulation.attritionCurve.0` the element is named; without, the whole curve
    expect(d.length).toBe(1);
    expect(['simulation.attritionCurve.0', 'simulation.attritionCurve']).toContain(d[0]);
    const longer = writePath(demoScenario, 'simulation.attritionCurve', [0.5, 1 / 3, 0.1, 0.05]);
    expect(diffScenarios(demoScenario, longer).map((x) => x.path)).toEqual(['simulation.attritionCurve']);
  });

  it('shows a segment present on one side only with undefined on the other', () => {
    const four = { ...demoScenario, segments: [...demoScenario.segments, { ...demoScenario.segments[2], key: 'micro' }] };
    const d = diffScenarios(demoScenario, four);
    expect(d.some((x) => x.path === 'segments.3.pd' && x.before === undefined && x.after === 0.03)).toBe(true);
    expect(d.some((x) => x.path === 'segments.3.key')).toBe(true);
  });
});

describe('differingPaths and linkedPaths', () => {
  it('collects the paths where any scenario differs from the first', () => {
    const c = writePath(demoScenario, 'market.lpr1y', 0.028);
    expect(differingPaths([demoScenario, pyramidScenario, c])).toEqual(['segments.0.share', 'segments.1.share', 'segments.2.share', 'market.lpr1y']);
    expect(differingPaths([demoScenario])).toEqual([]);
  });

  it('resets the whole mix with a share and the whole tenor profile with a bucket', () => {
    expect(linkedPaths(demoScenario, 'segments.1.share')).toEqual(['segments.0.share', 'segments.1.share', 'segments.2.share']);
    expect(linkedPaths(demoScenario, 'segments.2.tenor.y1to3')).toHaveLength(5);
    expect(linkedPaths(demoScenario, 'segments.2.pd')).toEqual(['segments.2.pd']);
  });
});

describe('mergeScenarios', () => {
  it('keeps both sides’ edits of different inputs', () => {
    const mine = writePath(demoScenario, 'segments.0.pd', 0.01);
    const theirs = writePath(demoScenario, 'segments.2.spreadBp', 100);
    const { merged, conflicts } = mergeScenarios(demoScenario, mine, theirs);
    expect(merged.segments[0].pd).toBe(0.01);
    expect(merged.segments[2].spreadBp).toBe(100);
    expect(conflicts).toEqual([]);
  });

  it('reports a conflict on the same input and keeps mine', () => {
    const mine = writePath(demoScenario, 'market.lpr1y', 0.029);
    const theirs = writePath(demoScenario, 'market.lpr1y', 0.031);
    const r = mergeScenarios(demoScenario, mine, theirs);
    expect(r.merged.market.lpr1y).toBe(0.029);
    expect(r.conflicts).toEqual(['market.lpr1y']);
  });

  it('is no conflict when both made the same edit; unchanged mine returns theirs', () => {
    const a = writePath(demoScenario, 'market.lpr1y', 0.029);
    expect(mergeScenarios(demoScenario, a, a).conflicts).toEqual([]);
    expect(mergeScenarios(demoScenario, demoScenario, pyramidScenario).merged).toEqual(pyramidScenario);
  });

  it('treats the segment list as one leaf when segments were added on one side', () => {
    const four = { ...demoScenario, segments: [...demoScenario.segments, { ...demoScenario.segments[2], key: 'micro' }] };
    const theirs = writePath(demoScenario, 'market.lpr1y', 0.031);
    const r = mergeScenarios(demoScenario, four, theirs);
    expect(r.merged.segments).toHaveLength(4);
    expect(r.merged.market.lpr1y).toBe(0.031);
  });

  it('sets a target mix to null without leaving keys behind', () => {
    const mine = writePath(demoScenario, 'levers.targetMix', null);
    const r = mergeScenarios(demoScenario, mine, demoScenario);
    expect(r.merged.levers.targetMix).toBeNull();
  });
});
