/**
 * Pure helpers of the over-time levers: which segment is the SME one, the target mix as an array,
 * a target share changed with the others rebalanced, and which stress preset a scenario carries.
 */
import { evaluateClosedForm, jsonEqual, rebalanceMix, STRESS_PRESETS, type Scenario, type StressPresetKey } from '../../lib/model';

/**
 * The scenario inputs SimulationLevers edits (segment fields per segment). The dashboard's generic
 * "other inputs" list can leave these out when it mounts SimulationLevers, so no input shows twice.
 */
export const SIMULATION_LEVER_PATHS: readonly string[] = [
  'levers.paceQuarters',
  'levers.managerHeadcount',
  'levers.managerGrowth',
  'levers.onboardingPerManagerPerQuarter',
  'simulation.attritionCurve.0',
  'simulation.attritionCurve.1',
  'simulation.attritionCurve.2',
  'segments.*.productsPerClient',
];

/** The SME segment: the one keyed `small`, else the last (the built-ins order large → small). */
export function smeIndex(scenario: Scenario): number {
  const i = scenario.segments.findIndex((s) => s.key === 'small');
  return i >= 0 ? i : scenario.segments.length - 1;
}

/** The target shares in segment order; a null target (or a missing key) is today's share. */
export function targetSharesOf(scenario: Scenario): number[] {
  return scenario.segments.map((s) => scenario.levers.targetMix?.[s.key] ?? s.share);
}

/** A scenario whose target mix has share `value` for segment `index`, the others rebalanced in proportion (sum 1). */
export function withTargetShare(scenario: Scenario, index: number, value: number): Scenario {
  const shares = rebalanceMix(targetSharesOf(scenario), index, value);
  const targetMix = Object.fromEntries(scenario.segments.map((s, i) => [s.key, shares[i]]));
  return { ...scenario, levers: { ...scenario.levers, targetMix } };
}

/** A scenario with a target mix (today's shares as a start) or without one (null: keep today's mix). */
export function withTargetMode(scenario: Scenario, isSet: boolean): Scenario {
  if (!isSet) return { ...scenario, levers: { ...scenario.levers, targetMix: null } };
  if (scenario.levers.targetMix) return scenario;
  return { ...scenario, levers: { ...scenario.levers, targetMix: Object.fromEntries(scenario.segments.map((s) => [s.key, s.share])) } };
}

/** The preset whose stress block the scenario carries, or 'custom'. */
export function presetOf(scenario: Scenario): StressPresetKey | 'custom' {
  for (const key of Object.keys(STRESS_PRESETS) as StressPresetKey[]) if (jsonEqual(STRESS_PRESETS[key].stress(), scenario.stress)) return key;
  return 'custom';
}

/** Managers the book needs today (evaluateClosedForm()'s Σ ⌈clients / clients per manager⌉), to pre-fill a set headcount. */
export function managersNeededToday(scenario: Scenario): number {
  return evaluateClosedForm(scenario).segments.reduce((a, s) => a + s.managersNeeded, 0);
}
