/** The simplex design: every mix on the grid, feasibility, the best feasible mix, the constraints that bind there and the efficient frontier. See index.ts. */
import type { Scenario } from '../scenario';
import {
  MIX_FIGURE_KEYS,
  type MixFigureKey,
  type MixFigures,
  F,
  FIGURE_COUNT,
  type Level,
  type Prepared,
  prepare,
  levelOf,
  computeFigures,
  figuresObject,
} from './figures';
import {
  type ConstraintKey,
  type MixConstraints,
  REGULATORY_CONSTRAINTS,
  type ActiveConstraint,
  resolveConstraints,
  relativeShortfall,
  isViolated,
  type ShareBounds,
  type ShareBound,
  type ShareBoundAtOptimum,
  SHARE_BOUNDS_BIT,
  resolveShareBounds,
  shareBoundsShortfall,
  breaksShareBounds,
} from './constraints';

// ———————————————————————————————————————————— the grid ————————————————————————————————————————————

export type MixObjective = 'netProfit' | 'raroc' | 'eva';

export interface DesignOptions {
  /** What to maximise. Default net profit. */
  objective?: MixObjective;
  /** Default: REGULATORY_CONSTRAINTS. Pass `{}` for none. */
  constraints?: MixConstraints;
  /** The bank's bounds on segment shares (a mix outside breaks `shareBounds`). Default none. */
  shareBounds?: ShareBounds;
  /** Grid step of the shares; must divide 1. Default `defaultDesignStep(segments)`: 0.01 up to three segments. */
  step?: number;
  /** A constraint also counts as binding when its slack is within this share of its threshold. Default 1e-3. */
  bindingTolerance?: number;
  /** Refuse grids larger than this (RangeError). Default 2,000,000. */
  maxMixes?: number;
}

/** How a constraint stands at the optimum. */
export interface ConstraintAtOptimum extends ActiveConstraint {
  value: number;
  /** Distance to the threshold in the figure's unit, positive when passing. */
  slack: number;
  /** slack / |threshold|. */
  relativeSlack: number;
  /** A neighbouring grid mix (one step moved between two segments) would be better but breaks this constraint. */
  blocksImprovement: boolean;
  /** blocksImprovement, or relativeSlack ≤ bindingTolerance. */
  isBinding: boolean;
}

/** One mix, read from a design (see `mixAt`). */
export interface MixPoint {
  /** Row in the grid; −1 for a mix off the grid (the scenario's own mix). */
  index: number;
  /** Shares by segment order. */
  shares: number[];
  /** Shares by segment key. */
  mix: Record<string, number>;
  value: number;
  isFeasible: boolean;
  /** Constraints broken, the most broken (relative to its threshold) first. */
  violations: ConstraintKey[];
  figures: MixFigures;
}

/**
 * Every mix of the grid in compact typed arrays (transfer them from a worker with
 * `designTransferables`); read one mix with `mixAt`.
 */
export interface MixDesign {
  objective: MixObjective;
  segmentKeys: string[];
  step: number;
  /** N = 1/step: shares are units/N. */
  divisions: number;
  count: number;
  /** Grid units, count × segments, row-major; row i is mix i, units sum to N. Order: first segment's units ascending, then the next, … (lexicographic). */
  units: Uint16Array;
  /** Shares, count × segments, row-major: units/N exactly. */
  shares: Float64Array;
  /** The objective at each mix. */
  value: Float64Array;
  /** 1 when the mix meets every active constraint. */
  feasible: Uint8Array;
  /** Bit b set: the mix breaks CONSTRAINT_KEYS[b]. */
  violations: Uint16Array;
  /** Index in CONSTRAINT_KEYS of the most broken constraint (relative to its threshold); 255 when feasible: the hatch of the ternary chart. */
  primaryViolation: Uint8Array;
  /** One column per figure. */
  figures: Record<MixFigureKey, Float64Array>;
  constraints: ActiveConstraint[];
  /** The share bounds in force (none: []). */
  shareBounds: ShareBound[];
  /** Each bound at the optimum; a binding one puts `shareBounds` in `binding`. */
  shareBoundsAtOptimum: ShareBoundAtOptimum[];
  /** Row of the best feasible mix; −1 when no mix is feasible. */
  bestIndex: number;
  best: MixPoint | null;
  /** Every active constraint at the optimum, with its slack; `binding` lists the binding ones. */
  atOptimum: ConstraintAtOptimum[];
  binding: ConstraintKey[];
  /**
   * Efficient frontier over the feasible mixes: the Pareto set of (economic capital ↓, net
   * profit ↑), sorted by EC. Both columns strictly increase, so "best net profit for EC ≤ x" is
   * the step function through these points.
   */
  frontier: { indices: Uint32Array; economicCapital: Float64Array; netProfit: Float64Array };
  /** The scenario's own mix (exact shares, off the grid), evaluated the same way. */
  current: MixPoint;
  /** Row nearest the scenario's own mix. */
  currentIndex: number;
  /** Economic capital in the grid: the granular closed form (Vasicek per segment), as evaluate(). */
  economicCapitalMethod: 'granular';
}

export const STEP_CHOICES = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
/** The default grid stays at or below this many mixes (4 segments: 2 pp, 23,426 mixes; 5: 5 pp, 10,626). */
export const DEFAULT_MAX_GRID = 25_000;

/** Number of mixes of k segments on a grid of N divisions: C(N+k−1, k−1). */
export function gridSize(segments: number, divisions: number): number {
  let c = 1;
  for (let i = 1; i < segments; i++) c = (c * (divisions + i)) / i; // exact: each prefix is a binomial coefficient
  return Math.round(c);
}

/** The default step: 1 pp up to three segments; for more, the finest of 2, 2.5, 5, 10 … pp that keeps ≤ 25,000 mixes. */
export function defaultDesignStep(segments: number): number {
  for (const step of STEP_CHOICES) if (gridSize(segments, Math.round(1 / step)) <= DEFAULT_MAX_GRID) return step;
  return 1;
}

export function divisionsOf(step: number): number {
  const n = Math.round(1 / step);
  if (!(step > 0) || n < 1 || Math.abs(n * step - 1) > 1e-9) throw new RangeError(`step ${step} must divide 1 (0.01, 0.02, 0.05 …)`);
  return n;
}

export function fillUnits(k: number, n: number, count: number): Uint16Array {
  const out = new Uint16Array(count * k);
  const cur = new Uint16Array(k);
  let row = 0;
  const rec = (i: number, left: number): void => {
    if (i === k - 1) {
      cur[i] = left;
      out.set(cur, row * k);
      row++;
      return;
    }
    for (let u = 0; u <= left; u++) {
      cur[i] = u;
      rec(i + 1, left - u);
    }
  };
  if (k > 0) rec(0, n);
  return out;
}

export function objectiveOf(objective: MixObjective, row: Float64Array): number {
  return row[F[objective]];
}

export function pointFrom(
  index: number,
  keys: string[],
  shares: number[],
  row: Float64Array,
  objective: MixObjective,
  constraints: ActiveConstraint[],
  bounds: readonly ShareBound[] = [],
): MixPoint {
  const broken = constraints
    .filter((c) => isViolated(c, row[F[c.figure]]))
    .sort((a, b) => relativeShortfall(b, row[F[b.figure]]) - relativeShortfall(a, row[F[a.figure]]));
  const violations: ConstraintKey[] = broken.map((c) => c.key);
  if (breaksShareBounds(bounds, (j) => shares[j])) {
    // In order of the relative breach, like the others.
    const gap = shareBoundsShortfall(bounds, (j) => shares[j]);
    const at = broken.findIndex((c) => relativeShortfall(c, row[F[c.figure]]) < gap);
    violations.splice(at < 0 ? violations.length : at, 0, 'shareBounds');
  }
  return {
    index,
    shares,
    mix: Object.fromEntries(keys.map((k, j) => [k, shares[j]])),
    value: objectiveOf(objective, row),
    isFeasible: violations.length === 0,
    violations,
    figures: figuresObject(row),
  };
}

/**
 * Mix design over the simplex of segment shares (docs/reference-model.md §8). Evaluates every mix of the grid
 * with the closed form (granular EC), marks it feasible or not under the constraints, finds the
 * best feasible mix for the objective, says which constraints bind there, and traces the
 * efficient frontier of net profit against economic capital.
 *
 * Grid: all shares in multiples of `step` summing to 1; C(N+k−1, k−1) mixes for k segments and
 * N = 1/step: 5,151 for three segments at 0.01. More segments get a coarser default step.
 * @example designMix(demoScenario, { objective: 'raroc' }).best?.mix // the best mix under the regulatory limits
 */
export function designMix(scenario: Scenario, options: DesignOptions = {}): MixDesign {
  const objective = options.objective ?? 'netProfit';
  const k = scenario.segments.length;
  if (k === 0) throw new RangeError('a mix design needs at least one segment');
  const step = options.step ?? defaultDesignStep(k);
  const N = divisionsOf(step);
  const count = gridSize(k, N);
  const maxMixes = options.maxMixes ?? 2_000_000;
  if (count > maxMixes) throw new RangeError(`${count} mixes at step ${step} for ${k} segments exceed ${maxMixes}; use a coarser step`);
  if (N > 65535) throw new RangeError('step too fine');

  const prep = prepare(scenario);
  const keys = prep.keys;
  const heads = new Int32Array(k);
  const row = new Float64Array(FIGURE_COUNT);

  // The scenario's own mix, off the grid.
  const currentShares = scenario.segments.map((s) => s.share);
  const currentRow = new Float64Array(FIGURE_COUNT);
  computeFigures(
    prep,
    keys.map((_, j) => levelOf(prep, j, currentShares[j])),
    currentRow,
    heads,
  );
  const constraints = resolveConstraints(scenario, options.constraints ?? REGULATORY_CONSTRAINTS, () => figuresObject(currentRow));
  const bounds = resolveShareBounds(keys, options.shareBounds);

  // Tabulate each segment at each share level u/N.
  const levels: Level[][] = keys.map((_, j) => {
    const table: Level[] = [];
    for (let u = 0; u <= N; u++) table[u] = levelOf(prep, j, u / N);
    return table;
  });

  const units = fillUnits(k, N, count);
  const shares = new Float64Array(count * k);
  const value = new Float64Array(count);
  const feasible = new Uint8Array(count);
  const violations = new Uint16Array(count);
  const primaryViolation = new Uint8Array(count);
  const figures = Object.fromEntries(MIX_FIGURE_KEYS.map((key) => [key, new Float64Array(count)])) as Record<MixFigureKey, Float64Array>;
  const columns = MIX_FIGURE_KEYS.map((key) => figures[key]);
  const mixLevels: Level[] = new Array<Level>(k);
  const figureIndex = constraints.map((c) => F[c.figure]);

  let bestIndex = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < count; i++) {
    const base = i * k;
    for (let j = 0; j < k; j++) {
      const u = units[base + j];
      shares[base + j] = u / N;
      mixLevels[j] = levels[j][u];
    }
    computeFigures(prep, mixLevels, row, heads);
    for (let f = 0; f < FIGURE_COUNT; f++) columns[f][i] = row[f];
    const v = objectiveOf(objective, row);
    value[i] = v;
    let mask = 0;
    let worst = 255;
    let worstGap = -Infinity;
    for (let c = 0; c < constraints.length; c++) {
      const con = constraints[c];
      const x = row[figureIndex[c]];
      if (isViolated(con, x)) {
        mask |= 1 << con.bit;
        const gap = relativeShortfall(con, x);
        if (gap > worstGap) {
          worstGap = gap;
          worst = con.bit;
        }
      }
    }
    if (bounds.length > 0) {
      const gap = shareBoundsShortfall(bounds, (j) => units[base + j] / N);
      if (gap > 1e-12) {
        mask |= 1 << SHARE_BOUNDS_BIT;
        if (gap > worstGap) worst = SHARE_BOUNDS_BIT;
      }
    }
    violations[i] = mask;
    primaryViolation[i] = worst;
    feasible[i] = mask === 0 ? 1 : 0;
    if (mask === 0 && v > bestValue) {
      bestValue = v;
      bestIndex = i;
    }
  }

  const design: MixDesign = {
    objective,
    segmentKeys: keys,
    step,
    divisions: N,
    count,
    units,
    shares,
    value,
    feasible,
    violations,
    primaryViolation,
    figures,
    constraints,
    shareBounds: bounds,
    shareBoundsAtOptimum: [],
    bestIndex,
    best: null,
    atOptimum: [],
    binding: [],
    frontier: paretoFrontier(figures.economicCapital, figures.netProfit, feasible),
    current: pointFrom(-1, keys, currentShares, currentRow, objective, constraints, bounds),
    currentIndex: 0,
    economicCapitalMethod: 'granular',
  };
  design.currentIndex = nearestMixIndex(design, currentShares);
  if (bestIndex >= 0) {
    design.best = mixAt(design, bestIndex);
    const blocking = new Set<ConstraintKey>();
    const boundBlocks = new Set<ShareBound>();
    design.atOptimum = constraintsAtOptimum(prep, design, levels, options.bindingTolerance ?? 1e-3, blocking, boundBlocks);
    design.binding = design.atOptimum.filter((c) => c.isBinding).map((c) => c.key);
    const bestShares = design.best.shares;
    design.shareBoundsAtOptimum = bounds.map((b) => {
      const value = bestShares[b.segment];
      const slack = b.side === 'min' ? value - b.share : b.share - value;
      return { ...b, value, slack, blocksImprovement: boundBlocks.has(b), isBinding: boundBlocks.has(b) || Math.abs(slack) <= 1e-12 };
    });
    if (design.shareBoundsAtOptimum.some((b) => b.isBinding)) design.binding.push('shareBounds');
  }
  return design;
}

/** Slack of every constraint at the optimum, and whether it stops a better neighbouring mix. */
export function constraintsAtOptimum(
  prep: Prepared,
  design: MixDesign,
  levels: Level[][],
  tolerance: number,
  blocking = new Set<ConstraintKey>(),
  boundBlocks = new Set<ShareBound>(),
): ConstraintAtOptimum[] {
  const k = design.segmentKeys.length;
  const i = design.bestIndex;
  const N = design.divisions;
  const bestUnits = Array.from(design.units.subarray(i * k, i * k + k));
  const bestValue = design.value[i];
  const row = new Float64Array(FIGURE_COUNT);
  const heads = new Int32Array(k);
  for (let a = 0; a < k; a++) {
    if (bestUnits[a] === 0) continue;
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const u = bestUnits.slice();
      u[a]--;
      u[b]++;
      computeFigures(
        prep,
        u.map((x, j) => levels[j][x]),
        row,
        heads,
      );
      const v = objectiveOf(design.objective, row);
      if (!(v > bestValue)) continue;
      for (const c of design.constraints) if (isViolated(c, row[F[c.figure]])) blocking.add(c.key);
      for (const bd of design.shareBounds) if (breaksShareBounds([bd], (j) => u[j] / N)) boundBlocks.add(bd);
    }
  }
  return design.constraints.map((c) => {
    const value = design.figures[c.figure][i];
    const slack = c.direction === 'min' ? value - c.threshold : c.threshold - value;
    const relativeSlack = slack / (Math.abs(c.threshold) || 1);
    const blocksImprovement = blocking.has(c.key);
    return { ...c, value, slack, relativeSlack, blocksImprovement, isBinding: blocksImprovement || relativeSlack <= tolerance };
  });
}

/**
 * Pareto set of (EC ↓, profit ↑) among the mixes with mask 1: sort by EC (ties: higher profit
 * first), keep each mix whose profit beats every mix of lower EC.
 */
export function paretoFrontier(ec: Float64Array, profit: Float64Array, mask: Uint8Array): MixDesign['frontier'] {
  const idx: number[] = [];
  for (let i = 0; i < ec.length; i++) if (mask[i]) idx.push(i);
  idx.sort((a, b) => ec[a] - ec[b] || profit[b] - profit[a]);
  const kept: number[] = [];
  let runningMax = -Infinity;
  for (const i of idx) {
    if (profit[i] > runningMax) {
      kept.push(i);
      runningMax = profit[i];
    }
  }
  return {
    indices: Uint32Array.from(kept),
    economicCapital: Float64Array.from(kept, (i) => ec[i]),
    netProfit: Float64Array.from(kept, (i) => profit[i]),
  };
}

/** Read one mix of a design. */
export function mixAt(design: MixDesign, index: number): MixPoint {
  if (!(index >= 0 && index < design.count)) throw new RangeError(`mix ${index} is outside 0..${design.count - 1}`);
  const k = design.segmentKeys.length;
  const row = Float64Array.from(MIX_FIGURE_KEYS, (key) => design.figures[key][index]);
  return pointFrom(
    index,
    design.segmentKeys,
    Array.from(design.shares.subarray(index * k, index * k + k)),
    row,
    design.objective,
    design.constraints,
    design.shareBounds,
  );
}

/** Row of the grid mix nearest (Euclidean) to some shares: where the current mix sits. */
export function nearestMixIndex(design: MixDesign, shares: readonly number[]): number {
  const k = design.segmentKeys.length;
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < design.count; i++) {
    let d = 0;
    for (let j = 0; j < k; j++) {
      const x = design.shares[i * k + j] - (shares[j] ?? 0);
      d += x * x;
    }
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The buffers of a design, for `postMessage(design, designTransferables(design))` from a worker. */
export function designTransferables(design: MixDesign): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    design.units,
    design.shares,
    design.value,
    design.feasible,
    design.violations,
    design.primaryViolation,
    ...Object.values(design.figures),
    design.frontier.indices,
    design.frontier.economicCapital,
    design.frontier.netProfit,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
