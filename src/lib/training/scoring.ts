/**
 * Scoring of a challenge, 0–100 and 0–3 stars, with weights a trainer can edit.
 *
 * The rule, as the result screen explains it:
 * - W = objective weight + Σ constraint weights. The objective earns (its weight / W)·100 points
 *   times how far it got from the floor (0) to the target (full), linear and clamped.
 * - Each constraint met earns (its weight / W)·100 points; a constraint broken earns none. These
 *   points P (0–100) rank plays within a band:
 * - every constraint kept: score = cap + 1 + round((99 − cap)·P/100), from cap + 1 to 100;
 * - any constraint broken: score = round(cap·P/100), from 0 to cap, and one star at most,
 *   where cap = `failCap` (a whole number, 0–99). So any play that keeps every rule scores more
 *   than any play that breaks one, whatever the weights: a rule cannot be traded for objective.
 * - Stars: one from stars[0] points, two from stars[1], three from stars[2].
 */
import type { Bilingual } from '../model';
import { compare, type Comparison } from './goals';

export interface ScoringWeights {
  /** Weight of the objective (≥ 0). */
  objective: number;
  /** Weight of each constraint by its id (≥ 0). */
  constraints: Record<string, number>;
  /** Highest score when any constraint is broken (0–99; a play keeping every rule scores more). */
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
  /** Points P earned by the objective and the rules kept, 0–100, before the band. */
  rawScore: number;
  /** Whether a rule is broken (the score is then in the band 0–failCap). */
  isCapped: boolean;
  /** The cap as applied (a whole number, 0–99). */
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

/** The cap a trainer's `failCap` stands for: a whole number from 0 to 99 (100 would leave no band for compliant play). */
export function bandCap(failCap: number): number {
  return Number.isFinite(failCap) ? Math.min(99, Math.max(0, Math.floor(failCap))) : 0;
}

/**
 * The score of P points (0–100): in the band cap + 1…100 when every rule is kept, 0…cap when one
 * is broken, so the two bands never meet.
 * @example bandScore(80, false, 30) // 31 + round(69·0.8) = 86
 * @example bandScore(100, true, 30) // 30
 */
export function bandScore(points: number, isBroken: boolean, cap: number): number {
  const p = Math.min(100, Math.max(0, Number.isFinite(points) ? points : 0)) / 100;
  return isBroken ? Math.round(cap * p) : cap + 1 + Math.round((99 - cap) * p);
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
  const failCap = bandCap(weights.failCap);
  const score = bandScore(rawScore, isBroken, failCap);
  const stars = Math.min(starsFor(score, weights.stars), isBroken ? 1 : 3) as 0 | 1 | 2 | 3;
  return { score, stars, rawScore, isCapped: isBroken, failCap, objective, constraints, starThresholds: weights.stars };
}
