/**
 * Which levers a lesson or a challenge opens. The mix (linked shares), the target mix of the
 * rebalancing path, or one input by its path, with the range the lesson allows.
 */
import { checkInput, INPUT_LABELS, inputSpec, rebalanceMix, writePath, type InputSpec, type Scenario, type ValidationProblem } from '../model';

export type LeverDef = { kind: 'mix' } | { kind: 'targetMix' } | { kind: 'input'; path: string; min?: number; max?: number; step?: number };

/** Inputs a lesson opens that the scenario form does not list (no default range there); labels from the model's INPUT_LABELS. */
const TRAINING_SPECS: InputSpec[] = [
  {
    path: 'levers.targetMix',
    group: 'levers',
    unit: 'share',
    min: 0,
    max: 1,
    step: 0.01,
    label: INPUT_LABELS['levers.targetMix'],
    help: { zh: '调整路径的终点：各层贷款占比', en: 'Where the rebalancing path ends: share of loans by tier' },
    source: { zh: '演示假设', en: 'assumed for the demo' },
  },
];

/** The input spec of a lever path, narrowed to the lever's own range. */
export function leverSpec(lever: Extract<LeverDef, { kind: 'input' }>): InputSpec | undefined {
  const base = inputSpec(lever.path) ?? TRAINING_SPECS.find((s) => s.path === lever.path);
  if (!base) return undefined;
  return { ...base, path: lever.path, min: lever.min ?? base.min, max: lever.max ?? base.max, step: lever.step ?? base.step };
}

/** Sets one segment's share; the others rebalance in proportion (the dashboard's linked sliders). */
export function setShare(scenario: Scenario, index: number, share: number): Scenario {
  const shares = rebalanceMix(
    scenario.segments.map((s) => s.share),
    index,
    share,
  );
  return { ...scenario, segments: scenario.segments.map((s, i) => ({ ...s, share: shares[i] })) };
}

/** The target mix as shares in segment order (today's shares where it is missing). */
export function targetShares(scenario: Scenario): number[] {
  return scenario.segments.map((s) => scenario.levers.targetMix?.[s.key] ?? s.share);
}

/** Sets one segment's target share; the others rebalance in proportion. */
export function setTargetShare(scenario: Scenario, index: number, share: number): Scenario {
  const shares = rebalanceMix(targetShares(scenario), index, share);
  return writePath(scenario, 'levers.targetMix', Object.fromEntries(scenario.segments.map((s, i) => [s.key, shares[i]])));
}

/** Whether a path may be changed under these levers (what a pack's results are checked against). */
export function isPathOpen(levers: readonly LeverDef[], path: string): boolean {
  return levers.some((l) => {
    if (l.kind === 'input') return l.path === path;
    if (l.kind === 'mix') return /^segments\.\d+\.share$/.test(path);
    return path === 'levers.targetMix' || path.startsWith('levers.targetMix.');
  });
}

/** Paths a team may rename freely: they change no figure. */
const TEXT_PATHS = /^(name|description)(\.|$)/;

/** Every leaf of two JSON values that differs, by dot path (a missing side is undefined). */
function differingLeaves(a: unknown, b: unknown, path: string, out: { path: string; start: unknown; played: unknown }[]): void {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differingLeaves(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (!Object.is(a, b)) out.push({ path, start: a, played: b });
}

function shown(x: unknown): string {
  if (typeof x === 'number' || typeof x === 'boolean' || x === null) return String(x);
  if (x === undefined) return '—';
  const s = JSON.stringify(x);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Checks a scenario a team played against the challenge's start and the levers it opens: every
 * input that differs from the start must be an open lever, within the lever's range. A
 * hand-edited file (an SME PD cut tenfold, a capital ratio raised) is caught here. Returns the
 * problems, each with its path; empty when the play is fair.
 * @example leverProblems(challenge.levers, start, played) // [{ path: 'segments.2.pd', … }]
 */
export function leverProblems(levers: readonly LeverDef[], start: Scenario, played: Scenario): ValidationProblem[] {
  const diffs: { path: string; start: unknown; played: unknown }[] = [];
  differingLeaves(start, played, '', diffs);
  const problems: ValidationProblem[] = [];
  for (const d of diffs) {
    if (TEXT_PATHS.test(d.path) || d.path === 'schemaVersion') continue;
    if (!isPathOpen(levers, d.path)) {
      problems.push({
        path: d.path,
        received: shown(d.played),
        expected: shown(d.start),
        message: {
          zh: `这一项不是本挑战开放的杠杆，却被改动了（起点为 ${shown(d.start)}）`,
          en: `not a lever this challenge opens, yet changed (the start has ${shown(d.start)})`,
        },
      });
      continue;
    }
    const lever = levers.find((l): l is Extract<LeverDef, { kind: 'input' }> => l.kind === 'input' && l.path === d.path);
    const spec = lever ? leverSpec(lever) : undefined;
    if (spec && (typeof d.played !== 'number' || checkInput(spec, d.played) !== null)) {
      problems.push({
        path: d.path,
        received: shown(d.played),
        expected: `${spec.min}–${spec.max}`,
        message: { zh: `超出本挑战允许的范围 ${spec.min}–${spec.max}`, en: `outside the range this challenge allows, ${spec.min}–${spec.max}` },
      });
    }
  }
  return problems;
}
