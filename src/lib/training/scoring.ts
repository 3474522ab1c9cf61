/**
 * Scoring of a challenge, 0–100 and 0–3 stars, with weights a trainer can edit.
 *
 * The rule, as the result screen explains it:
 * - W = objective weight + Σ constraint weights. The objective earns (its weight / W)·100 points
 *   times how far it got from the floor (0) to the target (full), linear and clamped.
 * - Each constraint met earns (its weight / W)·100 points; a constraint broken earns none.
 * - Any constraint broken also caps the score at `failCap` and the stars at one.
 * - Stars: one from stars[0] points, two from stars[1], three from stars[2].
 */
import type { Bilingual } from '../model';
import { compare, type Comparison } from './goals';

export interface ScoringWeights {
  /** Weight of the objective (≥ 0). */
  objective: number;
  /** Weight of each constraint by its id (≥ 0). */
  constraints: Record<string, number>;
  /** Highest score when any constraint is broken, 0–100. */
  failCap: number;
  /** Points for one, two and three stars, ascending. */
  stars: [number, number, number];
}

export interface ObjectiveDef {
  figure: string;
  /** Value worth 0 points. */
  floor: number;
  /** Value worth full points (below the floor when less is better). */
  target: number;
}

export interface ConstraintDef {
  id: string;
  figure: string;
  op: Comparison;
  value: number;
  /** What the constraint stands for, when the figure is a stand-in (shown on the result screen). */
  note?: Bilingual;
}

export interface Scorable {
  objective: ObjectiveDef;
  constraints: ConstraintDef[];
}

export interface ConstraintScore {
  id: string;
  figure: string;
  op: Comparison;
  threshold: number;
  value: number;
  isMet: boolean;
  points: number;
  maxPoints: number;
}

export interface ScoreBreakdown {
  score: number;
  stars: 0 | 1 | 2 | 3;
  /** Points before the cap. */
  rawScore: number;
  isCapped: boolean;
  failCap: number;
  objective: { figure: string; value: number; floor: number; target: number; fraction: number; points: number; maxPoints: number };
  constraints: ConstraintScore[];
  starThresholds: [number, number, number];
}

/**
 * How far a value got from the floor to the target, clamped to [0, 1]; works both ways.
 * @example objectiveFraction(8.2e8, 7.6e8, 8.8e8) // 0.5
 */
export function objectiveFraction(value: number, floor: number, target: number): number {
  if (!Number.isFinite(value)) return 0;
  if (target === floor) return value >= target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - floor) / (target - floor)));
}

export function starsFor(score: number, thresholds: readonly [number, number, number]): 0 | 1 | 2 | 3 {
  if (score >= thresholds[2]) return 3;
  if (score >= thresholds[1]) return 2;
  if (score >= thresholds[0]) return 1;
  return 0;
}

/**
 * Scores figures against a challenge's objective and constraints.
 * @example scoreChallenge(challenge, { netProfit: 8.2e8, lcr: 1.1 }, challenge.weights).score
 */
export function scoreChallenge(challenge: Scorable, figures: Record<string, number>, weights: ScoringWeights): ScoreBreakdown {
  const wObj = Math.max(0, weights.objective);
  const wCon = challenge.constraints.map((c) => Math.max(0, weights.constraints[c.id] ?? 0));
  const total = wObj + wCon.reduce((a, b) => a + b, 0);
  const share = (w: number) => (total > 0 ? (w / total) * 100 : 0);

  const { figure, floor, target } = challenge.objective;
  const value = figures[figure] ?? NaN;
  const fraction = objectiveFraction(value, floor, target);
  const objective = { figure, value, floor, target, fraction, points: share(wObj) * fraction, maxPoints: share(wObj) };

  const constraints = challenge.constraints.map((c, i): ConstraintScore => {
    const v = figures[c.figure] ?? NaN;
    const isMet = compare(v, c.op, c.value);
    return { id: c.id, figure: c.figure, op: c.op, threshold: c.value, value: v, isMet, points: isMet ? share(wCon[i]) : 0, maxPoints: share(wCon[i]) };
  });

  const rawScore = objective.points + constraints.reduce((a, c) => a + c.points, 0);
  const isBroken = constraints.some((c) => !c.isMet);
  const failCap = Math.min(100, Math.max(0, weights.failCap));
  const capped = isBroken ? Math.min(rawScore, failCap) : rawScore;
  const score = Math.round(Math.min(100, Math.max(0, capped)));
  const stars = Math.min(starsFor(score, weights.stars), isBroken ? 1 : 3) as 0 | 1 | 2 | 3;
  return { score, stars, rawScore, isCapped: isBroken && rawScore > failCap, failCap, objective, constraints, starThresholds: weights.stars };
}
