/**
 * The workbench's pure helpers: the inputs a what-if can move (with their labels and display
 * units), the limit contour of a two-way table, the named-scenario lines, and the sheets exported.
 */
import { contours } from 'd3-contour';
import {
  inputSpec,
  parseInputValue,
  readPath,
  resolveInputPath,
  scenarioInputPaths,
  WHAT_IF_FIGURES,
  type InputSet,
  type MetricKey,
  type NamedScenario,
  type Scenario,
  type WhatIfGrid,
} from '../../lib/model';
import { displayUnit, toDisplay } from '../../lib/i18n/units';
import type { Lang } from '../../lib/i18n/format';
import type { Sheet } from '../../lib/export/table';
import { i18n } from '../../lib/i18n/i18n.svelte';

export interface InputOption {
  path: string;
  label: string;
}

/** The stress inputs (not in the input schema's forms) a what-if may also move. */
function stressPaths(scenario: Scenario): string[] {
  return ['stress.depositRunOff', 'stress.lprShock', ...scenario.segments.map((s) => `stress.pdMultiplier.${s.key}`)].filter(
    (p) => resolveInputPath(scenario, p).ok,
  );
}

/** A path's label in the current language: the input's label, with the segment's name for a segment input. */
export function inputLabel(scenario: Scenario, path: string, lang: Lang): string {
  const seg = /^segments\.(\d+)\./.exec(path);
  const spec = inputSpec(path);
  if (spec) {
    const name = seg ? scenario.segments[Number(seg[1])]?.name[lang] : undefined;
    const unit = displayUnit(spec, lang).label;
    return `${name ? `${name} · ` : ''}${spec.label[lang]}${unit ? ` (${unit})` : ''}`;
  }
  if (path === 'stress.depositRunOff') return `${i18n.t('workbench.stressDepositRunOff')} (%)`;
  if (path === 'stress.lprShock') return `${i18n.t('workbench.stressLprShock')} (%)`;
  const pd = /^stress\.pdMultiplier\.(.+)$/.exec(path);
  if (pd) return i18n.t('workbench.stressPd', { segment: scenario.segments.find((s) => s.key === pd[1])?.name[lang] ?? pd[1] });
  return path;
}

/** Every input a what-if may move, labelled (the schema's inputs, then the stress inputs). */
export function inputOptions(scenario: Scenario, lang: Lang): InputOption[] {
  return [
    ...scenarioInputPaths(scenario).filter((p) => typeof readPath(scenario, p) === 'number' && !p.startsWith('simulation.')),
    ...stressPaths(scenario),
  ].map((path) => ({ path, label: inputLabel(scenario, path, lang) }));
}

/** An input's value in the scenario; a PD stress multiplier not set yet is ×1. */
export function currentValue(scenario: Scenario, path: string): number {
  const v = readPath(scenario, path);
  return typeof v === 'number' ? v : path.startsWith('stress.pdMultiplier.') ? 1 : 0;
}

/** Stored value → the number a banker types for this path (亿元, %, …); percentages for the stress rates. */
export function toShown(path: string, value: number, lang: Lang): number {
  const spec = inputSpec(path);
  if (spec) return toDisplay(spec, value, lang);
  return path === 'stress.depositRunOff' || path === 'stress.lprShock' ? Number((value * 100).toFixed(6)) : value;
}

/** The number typed → the stored value. */
export function fromShown(path: string, shown: number, lang: Lang): number {
  const spec = inputSpec(path);
  if (spec) return Number((shown * displayUnit(spec, lang).factor).toPrecision(12));
  return path === 'stress.depositRunOff' || path === 'stress.lprShock' ? Number((shown / 100).toPrecision(12)) : shown;
}

/** An axis value as text with its unit: "3.10%", "120.00 亿元". */
export function axisText(path: string, value: number, lang: Lang): string {
  const spec = inputSpec(path);
  const shown = toShown(path, value, lang);
  const unit = spec ? displayUnit(spec, lang) : { label: path.startsWith('stress.pdMultiplier') ? '×' : '%', digits: 2 };
  const digits = Math.min(4, Math.max(0, unit.digits));
  const text = shown.toFixed(digits);
  return unit.label === '%' || unit.label === '×' ? `${text}${unit.label}` : unit.label ? `${text} ${unit.label}` : text;
}

/**
 * The limit's contour on a grid of nx × ny cells, as an SVG path in cell units (cell (i, j) spans
 * [i, i+1] × [j, j+1]); '' when the figure never crosses the limit. NaN cells count as failing.
 */
export function limitContour(values: Float64Array, nx: number, ny: number, limit: number, direction: 'max' | 'min'): string {
  // d3-contour traces where the values rise through the threshold: flip a 'max' limit so inside = passing.
  const sign = direction === 'min' ? 1 : -1;
  const field = Array.from(values, (v) => (Number.isFinite(v) ? sign * v : -Infinity));
  if (!field.some((v) => v >= sign * limit) || field.every((v) => v >= sign * limit)) return '';
  const [shape] = contours()
    .size([nx, ny])
    .thresholds([sign * limit])(field);
  return shape.coordinates.flatMap((polygon) => polygon.map((ring) => `M${ring.map(([x, y]) => `${+x.toFixed(3)},${+y.toFixed(3)}`).join('L')}Z`)).join('');
}

/** Whether a value passes its limit. */
export function passes(value: number, limit: number, direction: 'max' | 'min'): boolean {
  return direction === 'min' ? value >= limit : value <= limit;
}

export type NamedParse = { ok: true; list: NamedScenario[] } | { ok: false; problems: string[] };

/**
 * Named scenarios, one a line: `name: path=value, path=value`. Every problem is listed with its
 * line; the path and value messages are the engine's (resolveInputPath, parseInputValue).
 */
export function parseNamedLines(text: string, scenario: Scenario, lang: Lang): NamedParse {
  const list: NamedScenario[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = line.search(/[:：]/);
    if (at <= 0) {
      problems.push(i18n.t('workbench.namedProblem', { line: k + 1, message: i18n.t('workbench.namedLineFormat') }));
      return;
    }
    const sets: InputSet[] = [];
    for (const part of line
      .slice(at + 1)
      .split(/[,，;；]/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq <= 0) {
        problems.push(i18n.t('workbench.namedProblem', { line: k + 1, message: i18n.t('workbench.namedLineFormat') }));
        continue;
      }
      const path = resolveInputPath(scenario, part.slice(0, eq));
      const value = parseInputValue(part.slice(eq + 1));
      if (!path.ok) problems.push(i18n.t('workbench.namedProblem', { line: k + 1, message: path.message[lang] }));
      else if (value === null)
        problems.push(i18n.t('workbench.namedProblem', { line: k + 1, message: i18n.t('workbench.namedBadValue', { value: part.slice(eq + 1).trim() }) }));
      else sets.push({ path: path.path, value });
    }
    list.push({ name: line.slice(0, at).trim(), sets });
  });
  return problems.length ? { ok: false, problems } : { ok: true, list };
}

/** The base scenario's inputs as a sheet: path, label, value (stored units: yuan and decimals). */
export function inputsSheet(scenario: Scenario, lang: Lang, extra: (string | number)[][] = []): Sheet {
  const rows: (string | number)[][] = [[i18n.t('workbench.inputPath'), i18n.t('workbench.inputValue'), '']];
  rows.push(...extra);
  for (const o of inputOptions(scenario, lang)) rows.push([o.path, currentValue(scenario, o.path), o.label]);
  return { name: i18n.t('workbench.sheetInputs'), rows };
}

/** The grid of one figure as a matrix: the y values down, the x values across. */
export function gridMatrix(grid: WhatIfGrid, figure: MetricKey, corner: string): (string | number)[][] {
  const nx = grid.x.values.length;
  const rows: (string | number)[][] = [[corner, ...grid.x.values]];
  grid.y.values.forEach((y, j) => rows.push([y, ...Array.from(grid.figures[figure].subarray(j * nx, (j + 1) * nx))]));
  return rows;
}

/** Every point with every figure, one row each (long format). */
export function gridLong(grid: WhatIfGrid): (string | number)[][] {
  const nx = grid.x.values.length;
  const rows: (string | number)[][] = [[grid.x.path, grid.y.path, ...WHAT_IF_FIGURES]];
  grid.y.values.forEach((y, j) => grid.x.values.forEach((x, i) => rows.push([x, y, ...WHAT_IF_FIGURES.map((k) => grid.figures[k][j * nx + i])])));
  return rows;
}
