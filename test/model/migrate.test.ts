/**
 * Scenario files of schema version 1 (pricing as a float over LPR) open with the same meaning:
 * every loan rate is unchanged, and the coherent model's new inputs take the demo's values.
 */
import { describe, expect, it } from 'vitest';
import { demoScenario, evaluate, migrateScenario, SCHEMA_VERSION, validateScenario, type Scenario } from '../../src/lib/model';

/** The demo bank as version 1 wrote it: markup = spread / LPR, turnover in EUR millions, none of the new inputs. */
function versionOne(lpr = 0.03): Record<string, unknown> {
  const s = JSON.parse(JSON.stringify(demoScenario)) as Record<string, any>;
  s.schemaVersion = 1;
  s.market.lpr1y = lpr;
  delete s.market.ftpPassThrough;
  delete s.market.hqlaYield;
  s.settings = { capitalApproach: 'standardized' };
  s.segments = s.segments.map((seg: Record<string, any>) => {
    const {
      spreadBp,
      marketSpreadBp,
      turnover,
      franchiseShare,
      franchisePdSlope,
      franchiseSpreadSlopeBp,
      acquisitionCostPerClient,
      undrawnPerLoan,
      smallMicroCap,
      ...rest
    } = seg;
    return { ...rest, markup: spreadBp / 1e4 / lpr, marketMarkup: marketSpreadBp / 1e4 / lpr, turnoverEurMillions: turnover / 8e6 };
  });
  return s;
}

describe('migrating a version-1 scenario', () => {
  it('keeps every loan rate: the spread is LPR × markup in bp', () => {
    const old = versionOne(0.0345);
    const r = validateScenario(old);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.schemaVersion).toBe(SCHEMA_VERSION);
    const oldSegments = old.segments as { markup: number }[];
    r.scenario.segments.forEach((seg, i) => {
      const oldRate = 0.0345 * (1 + oldSegments[i].markup);
      expect(0.0345 + seg.spreadBp / 1e4).toBeCloseTo(oldRate, 8);
    });
  });

  it('converts turnover to yuan and gives the new inputs the demo values of known segments', () => {
    const r = validateScenario(versionOne());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const migrated: Scenario = r.scenario;
    expect(migrated.segments.map((s) => s.turnover)).toEqual(demoScenario.segments.map((s) => s.turnover));
    expect(migrated.segments.map((s) => s.franchiseShare)).toEqual(demoScenario.segments.map((s) => s.franchiseShare));
    expect(migrated.settings).toEqual(demoScenario.settings);
    expect(evaluate(migrated).profitability.netProfit).toBeCloseTo(evaluate(demoScenario).profitability.netProfit, 0);
  });

  it('gives an unknown segment neutral inputs: no franchise limit, no acquisition cost', () => {
    const old = versionOne() as { segments: Record<string, unknown>[] };
    old.segments[2] = { ...old.segments[2], key: 'micro' };
    const migrated = migrateScenario(old) as { segments: Record<string, unknown>[] };
    expect(migrated.segments[2]).toMatchObject({ franchiseShare: 1, acquisitionCostPerClient: 0, smallMicroCap: null });
  });

  it('leaves the current version, unknown versions and non-objects to the validator', () => {
    expect(migrateScenario(demoScenario)).toBe(demoScenario);
    const future = { ...demoScenario, schemaVersion: 9 };
    expect(migrateScenario(future)).toBe(future);
    expect(migrateScenario('x')).toBe('x');
    expect(validateScenario(future).ok).toBe(false);
  });
});
