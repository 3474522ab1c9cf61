/**
 * What-ifs in batch (docs/reference-model.md §3, §6): set any input by its path, evaluate named scenarios at
 * once, and a two-way table of two inputs against every figure, in closed form. The same rules
 * as the app: a path must name a number of the scenario, and every result passes
 * validateScenario() (the messages of a bad value are the validator's).
 */
import { evaluateClosedForm, LIMITS, type Evaluation } from './closed-form';
import { inputSpec, readPath, writePath, type Bilingual } from './inputs';
import { rebalanceMix } from './levers';
import { METRICS, type MetricKey } from './metrics';
import type { Scenario } from './scenario';
import { validateScenario, type ValidationProblem } from './validate';

export const WHAT_IF_FIGURES = Object.keys(METRICS) as MetricKey[];

export interface InputSet {
  /** Concrete path (`market.lpr1y`, `segments.2.pd`, `stress.depositRunOff`). */
  path: string;
  value: number;
}

export type PathCheck = { ok: true; path: string } | { ok: false; message: Bilingual };

/**
 * A path as a strategist writes it, made concrete: a segment may be named by its key
 * (`segments.small.pd` → `segments.2.pd`). The path must lead to a number of the scenario.
 * @example resolveInputPath(demoScenario, 'segments.small.share') // { ok: true, path: 'segments.2.share' }
 */
export function resolveInputPath(scenario: Scenario, path: string): PathCheck {
  const trimmed = path.trim();
  const parts = trimmed.split('.');
  if (parts[0] === 'segments' && parts.length > 2 && !/^\d+$/.test(parts[1])) {
    const index = scenario.segments.findIndex((s) => s.key === parts[1]);
    if (index < 0) {
      const keys = scenario.segments.map((s) => s.key).join(', ');
      return {
        ok: false,
        message: { zh: `“${trimmed}”：未知的客户层“${parts[1]}”，应为：${keys}`, en: `"${trimmed}": unknown segment "${parts[1]}", expected one of: ${keys}` },
      };
    }
    parts[1] = String(index);
  }
  const concrete = parts.join('.');
  // A segment's PD stress multiplier is an input even before it is set (absent means ×1).
  const isPdStress = parts.length === 3 && parts[0] === 'stress' && parts[1] === 'pdMultiplier' && scenario.segments.some((s) => s.key === parts[2]);
  if (!isPdStress && typeof readPath(scenario, concrete) !== 'number') {
    return {
      ok: false,
      message: {
        zh: `“${trimmed}”不是情景中的数值输入（例如 market.lpr1y、segments.small.pd、stress.depositRunOff）`,
        en: `"${trimmed}" is not a numeric input of the scenario (e.g. market.lpr1y, segments.small.pd, stress.depositRunOff)`,
      },
    };
  }
  return { ok: true, path: concrete };
}

/**
 * One input set on a copy of the scenario. A segment's share moves the other shares in
 * proportion (the mix sliders' rule, rebalanceMix), so the mix still sums to 1.
 */
export function withInput(scenario: Scenario, path: string, value: number): Scenario {
  const share = /^segments\.(\d+)\.share$/.exec(path);
  if (share) {
    const shares = rebalanceMix(
      scenario.segments.map((s) => s.share),
      Number(share[1]),
      value,
    );
    return { ...scenario, segments: scenario.segments.map((s, i) => ({ ...s, share: shares[i] })) };
  }
  return writePath(scenario, path, value);
}

/** Inputs set in order, then the whole scenario validated (the app's messages). */
export function applyInputs(scenario: Scenario, sets: readonly InputSet[]): { ok: true; scenario: Scenario } | { ok: false; problems: ValidationProblem[] } {
  let next = scenario;
  for (const s of sets) {
    const p = resolveInputPath(next, s.path);
    if (!p.ok) return { ok: false, problems: [{ path: s.path, message: p.message }] };
    next = withInput(next, p.path, s.value);
  }
  const checked = validateScenario(next);
  return checked.ok ? { ok: true, scenario: checked.scenario } : { ok: false, problems: checked.problems };
}

/**
 * A value as typed: a number, a percentage (`3.45%` → 0.0345) or basis points (`25bp` → 0.0025).
 * Null when it is none of these.
 */
export function parseInputValue(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%|bp)?$/i.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  if (m[2] === '%') return Number(`${m[1]}e-2`);
  if (m[2]?.toLowerCase() === 'bp') return Number(`${m[1]}e-4`);
  return n;
}

/** The regulatory limit of a figure, when it has one (evaluate()'s LIMITS). */
export function figureLimit(key: MetricKey): { limit: number; direction: 'max' | 'min' } | undefined {
  switch (key) {
    case 'largestClientToCapital':
      return { limit: LIMITS.singleClientToCapital, direction: 'max' };
    case 'top10ToCapital':
      return { limit: LIMITS.top10ToCapital, direction: 'max' };
    case 'capitalAdequacyRatio':
    case 'lcr':
    case 'nsfr':
      return { limit: LIMITS[key], direction: 'min' };
    default:
      return undefined;
  }
}

/** Every figure of an evaluation, by key. */
export function figuresOf(e: Evaluation): Record<MetricKey, number> {
  return Object.fromEntries(WHAT_IF_FIGURES.map((k) => [k, METRICS[k].read(e)])) as Record<MetricKey, number>;
}

export interface NamedScenario {
  name: string;
  sets: InputSet[];
}

export type NamedResult = { name: string; sets: InputSet[] } & (
  { ok: true; figures: Record<MetricKey, number> } | { ok: false; problems: ValidationProblem[] }
);

/**
 * Named what-ifs on one base, each evaluated in closed form.
 * @example evaluateNamed(demoScenario, [{ name: 'LPR −25bp', sets: [{ path: 'market.lpr1y', value: 0.032 }] }])
 */
export function evaluateNamed(base: Scenario, list: readonly NamedScenario[]): NamedResult[] {
  return list.map((item) => {
    const applied = applyInputs(base, item.sets);
    return applied.ok ? { ...item, ok: true, figures: figuresOf(evaluateClosedForm(applied.scenario)) } : { ...item, ok: false, problems: applied.problems };
  });
}

export interface WhatIfAxis {
  /** Concrete input path. */
  path: string;
  values: number[];
}

/**
 * `points` values evenly spread from `from` to `to` (inclusive), rounded to 12 significant digits.
 * @example axisValues(0.03, 0.04, 3) // [0.03, 0.035, 0.04]
 */
export function axisValues(from: number, to: number, points = 21): number[] {
  const n = Math.max(2, Math.floor(points));
  return Array.from({ length: n }, (_, i) => Number((from + ((to - from) * i) / (n - 1)).toPrecision(12)));
}

/** A default axis around an input's current value: ±50% clamped to its spec's range (±0.5 pp without a spec). */
export function defaultAxis(scenario: Scenario, path: string, points = 21): WhatIfAxis {
  const value = readPath(scenario, path) as number;
  const spec = inputSpec(path);
  const half = value !== 0 ? Math.abs(value) * 0.5 : spec ? (spec.max - spec.min) / 10 : 0.005;
  const lo = spec ? Math.max(spec.min, value - half) : value - half;
  const hi = spec ? Math.min(spec.max, value + half) : value + half;
  return { path, values: axisValues(lo, hi, points) };
}

export interface WhatIfGrid {
  x: WhatIfAxis;
  y: WhatIfAxis;
  /** Figure → values, row-major by y then x (index j·nx + i); NaN where the point is not a valid scenario. */
  figures: Record<MetricKey, Float64Array>;
  /** Points that are not valid scenarios, with the validator's first problem. */
  invalid: { i: number; j: number; problem: ValidationProblem }[];
}

/**
 * The two-way table: every (x, y) point evaluated in closed form, every figure kept.
 * `onProgress(done, total)` is called after each row of the table.
 * @example whatIfGrid(demoScenario, defaultAxis(demoScenario, 'segments.2.pd'), defaultAxis(demoScenario, 'market.lpr1y')).figures.netProfit
 */
export function whatIfGrid(base: Scenario, x: WhatIfAxis, y: WhatIfAxis, onProgress?: (done: number, total: number) => void): WhatIfGrid {
  const nx = x.values.length;
  const ny = y.values.length;
  const figures = Object.fromEntries(WHAT_IF_FIGURES.map((k) => [k, new Float64Array(nx * ny).fill(NaN)])) as Record<MetricKey, Float64Array>;
  const invalid: WhatIfGrid['invalid'] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const applied = applyInputs(base, [
        { path: x.path, value: x.values[i] },
        { path: y.path, value: y.values[j] },
      ]);
      if (!applied.ok) {
        invalid.push({ i, j, problem: applied.problems[0] });
        continue;
      }
      const e = evaluateClosedForm(applied.scenario);
      for (const k of WHAT_IF_FIGURES) figures[k][j * nx + i] = METRICS[k].read(e);
    }
    onProgress?.((j + 1) * nx, nx * ny);
  }
  return { x, y, figures, invalid };
}

/** The figures' typed arrays, to transfer a grid out of a worker without copying. */
export function whatIfTransferables(grid: WhatIfGrid): ArrayBuffer[] {
  return Object.values(grid.figures).map((a) => a.buffer as ArrayBuffer);
}
