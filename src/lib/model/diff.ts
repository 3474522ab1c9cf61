/**
 * What differs between two scenarios, input by input, and a three-way merge of two edits of one
 * scenario. Pure: reads scenarios, never mutates them.
 *
 * "Inputs" are every leaf a user can change: first the INPUT_SPECS paths (in the schema's order,
 * one per segment), then every other leaf (tenor buckets, the capital approach, the target mix,
 * stress and simulation settings…) so a hand-typed value is never missed. The scenario's name,
 * description and schemaVersion are labels, not inputs.
 */
import { inputSpec, readPath, scenarioInputPaths, writePath, type InputSpec } from './inputs';
import type { Scenario } from './scenario';

export interface InputDiff {
  /** Concrete dotted path, e.g. `segments.2.pd`. */
  path: string;
  /** The input's spec when it has one (label, unit, range); undefined for other leaves. */
  spec: InputSpec | undefined;
  /** Value in the first (base) scenario; undefined when the path does not exist there. */
  before: unknown;
  /** Value in the second (current) scenario; undefined when the path does not exist there. */
  after: unknown;
}

/** Top-level fields that label a scenario rather than drive it. */
const NOT_INPUTS = new Set(['schemaVersion', 'name', 'description']);

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Deep equality of JSON data (numbers by value: −0 equals 0; NaN never occurs in a valid scenario). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Every leaf path of a JSON value. Objects recurse by key; arrays of objects recurse by index;
 * arrays of primitives (the LPR path, the attrition curve) and null are one leaf each.
 */
export function leafPaths(value: unknown, prefix = ''): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (isPlainObject(node)) {
      const keys = Object.keys(node);
      if (keys.length === 0) out.push(path);
      for (const k of keys) walk(node[k], path ? `${path}.${k}` : k);
    } else if (Array.isArray(node) && node.length > 0 && node.every(isPlainObject)) {
      node.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i)));
    } else {
      out.push(path);
    }
  };
  walk(value, prefix);
  return out;
}

/** Every input path of a scenario: spec paths first, then the other leaves, without labels. */
function inputPathsOf(s: Scenario): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of scenarioInputPaths(s)) if (!seen.has(p)) (seen.add(p), out.push(p));
  for (const key of Object.keys(s)) {
    if (NOT_INPUTS.has(key)) continue;
    for (const p of leafPaths((s as unknown as Record<string, unknown>)[key], key)) if (!seen.has(p)) (seen.add(p), out.push(p));
  }
  return out;
}

/**
 * Every input whose value differs between `base` and `current`, in a stable order (the input
 * schema's order, then the other leaves). Segments are compared by position; a segment present
 * on one side only shows its inputs with `undefined` on the other side.
 * @example diffScenarios(demoScenario, pyramidScenario).map((d) => d.path) // ['segments.0.share', 'segments.1.share', 'segments.2.share']
 */
export function diffScenarios(base: Scenario, current: Scenario): InputDiff[] {
  const paths = inputPathsOf(base);
  const seen = new Set(paths);
  for (const p of inputPathsOf(current)) if (!seen.has(p)) (seen.add(p), paths.push(p));
  const out: InputDiff[] = [];
  for (const path of paths) {
    const before = readPath(base, path);
    const after = readPath(current, path);
    if (!jsonEqual(before, after)) out.push({ path, spec: inputSpec(path), before, after });
  }
  // A path and its children both differ: keep the children when they tell the whole story (an
  // input schema path inside an array, `simulation.attritionCurve.0`), else keep the parent alone
  // (a target mix set to null, a curve that changed length).
  const reported = new Set(out.map((d) => d.path));
  const explainedByChildren = new Set(out.filter((d) => out.some((c) => c.path.startsWith(d.path + '.')) && childrenExplain(d, reported)).map((d) => d.path));
  return out.filter((d) => !explainedByChildren.has(d.path) && !ancestors(d.path).some((a) => reported.has(a) && !explainedByChildren.has(a)));
}

/** Whether every differing child of a reported parent is itself reported (same shape on both sides). */
function childrenExplain(d: InputDiff, reported: ReadonlySet<string>): boolean {
  const { before, after } = d;
  const sameShape =
    (Array.isArray(before) && Array.isArray(after) && before.length === after.length) ||
    (isPlainObject(before) && isPlainObject(after) && jsonEqual(Object.keys(before).sort(), Object.keys(after).sort()));
  if (!sameShape) return false;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(b).every((k) => jsonEqual(b[k], a[k]) || reported.has(`${d.path}.${k}`));
}

function ancestors(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * The paths at which any of the scenarios differs from the first one (for the compare view),
 * in the order of the first difference found.
 */
export function differingPaths(scenarios: readonly Scenario[]): string[] {
  if (scenarios.length < 2) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 1; i < scenarios.length; i++) {
    for (const d of diffScenarios(scenarios[0], scenarios[i])) if (!seen.has(d.path)) (seen.add(d.path), out.push(d.path));
  }
  return out;
}

/**
 * The paths that must be reset together with `path` to keep a scenario valid: a segment's share
 * moves the whole mix (shares sum to 1); a tenor bucket moves its segment's whole tenor profile
 * (buckets sum to 1). Any other path stands alone.
 */
export function linkedPaths(scenario: Scenario, path: string): string[] {
  if (/^segments\.\d+\.share$/.test(path)) return scenario.segments.map((_, i) => `segments.${i}.share`);
  const tenor = /^(segments\.\d+\.tenor)\.\w+$/.exec(path);
  if (tenor) {
    const profile = readPath(scenario, tenor[1]);
    if (isPlainObject(profile)) return Object.keys(profile).map((b) => `${tenor[1]}.${b}`);
  }
  return [path];
}

export interface MergeResult {
  merged: Scenario;
  /** Paths changed on both sides to different values; `mine` was kept for each. */
  conflicts: string[];
}

/**
 * Three-way merge of two edits of one scenario (two tabs, or a tab and the library record):
 * starts from `theirs` (what is stored) and applies every leaf that `mine` changed since `base`.
 * A leaf changed on both sides to different values is a conflict: `mine` wins (the later writer)
 * and the path is reported so the UI can say so. When the segment lists differ in length or keys
 * the segments array is one leaf (positions would not line up).
 * @example mergeScenarios(base, withPd, withSpread).merged // has both the PD and the spread edit
 */
export function mergeScenarios(base: Scenario, mine: Scenario, theirs: Scenario): MergeResult {
  const sameShape = (a: Scenario, b: Scenario) => a.segments.length === b.segments.length && a.segments.every((s, i) => s.key === b.segments[i].key);
  const segmentsAligned = sameShape(base, mine) && sameShape(base, theirs);
  const pathsOf = (s: Scenario): string[] => {
    const all = leafPaths(s);
    if (segmentsAligned) return all;
    return [...all.filter((p) => !p.startsWith('segments.')), 'segments'];
  };
  const paths = new Set([...pathsOf(base), ...pathsOf(mine), ...pathsOf(theirs)]);
  let merged = theirs;
  const conflicts: string[] = [];
  // Deepest first, so a parent set to null (or replaced whole) is applied after its children.
  const ordered = [...paths].sort((a, b) => b.split('.').length - a.split('.').length);
  for (const path of ordered) {
    const b = readPath(base, path);
    const m = readPath(mine, path);
    if (jsonEqual(b, m)) continue; // mine did not touch it: keep theirs
    const t = readPath(theirs, path);
    if (!jsonEqual(b, t) && !jsonEqual(m, t)) conflicts.push(path);
    merged = writePath(merged, path, m);
  }
  const reported = new Set(conflicts);
  return { merged, conflicts: conflicts.filter((p) => !ancestors(p).some((a) => reported.has(a))).reverse() };
}
