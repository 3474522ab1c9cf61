/**
 * Mix design 配合比设计 (docs/reference-model.md §8): as a concrete mix is computed from its
 * requirements, compute the client mix from the bank's. Three tools:
 *
 * - `designMix`: every mix of the segments' shares on a simplex grid (5,151 mixes for three
 *   segments at 1 pp), the objective and the key figures at each, feasibility under the chosen
 *   constraints, the best feasible mix, which constraints bind there, and the efficient
 *   frontier (best net profit for each level of economic capital).
 * - `tornado`: each lever moved down and up by a stated step, ranked by its effect on a figure.
 * - `marginalLoan`: "one more loan": its own RAROC, its economic capital and its effect on the
 *   LCR, the NSFR, the capital ratio and the single-client limit.
 *
 * Speed. The grid does not call `evaluate()` 5,151 times. The closed form of §3 is linear in a
 * segment's loans except for the client count (fees, servicing cost, managers) and the shape of
 * the client-size distribution (HHI, largest and top-10 clients), and a segment's share takes
 * only N+1 values on a grid of step 1/N. So each segment is tabulated once per share level
 * (`Level`), and a mix is a sum over its segments plus a merge of the segments' largest clients.
 * Economic capital is the granular closed form (Vasicek per segment, `economicCapitalMethod:
 * 'granular'`), the same as `evaluate()`; the portfolio loss distribution (§5) is not used here.
 * The figures equal `evaluate()`'s to ~1e-13 relative (tested to 1e-9).
 *
 * The size shape of a segment with many clients is not computed from its n weights (O(n)
 * normal quantiles per distinct n) but from exact tails plus a closed-form middle: see
 * `fastWeightShape`. Its relative error against `weightShape` is below 2e-13 for σ ≤ 2.5 and
 * n up to 10⁶ (docs/mix-design.md).
 *
 * Files: figures.ts (a scenario prepared once, the figures of one mix), constraints.ts (limits,
 * budgets and share bounds), simplex.ts (`designMix`: grid, feasibility, optimum, frontier),
 * sensitivity.ts (`tornado`, `marginalLoan`).
 */
export { MIX_FIGURE_KEYS, createMixEvaluator, type MixFigureKey, type MixFigures, type MixEvaluator } from './figures';
export {
  CONSTRAINT_KEYS,
  REGULATORY_CONSTRAINTS,
  type ConstraintKey,
  type MixConstraints,
  type FigureConstraintKey,
  type ActiveConstraint,
  type ShareBounds,
  type ShareBound,
  type ShareBoundAtOptimum,
} from './constraints';
export {
  DEFAULT_MAX_GRID,
  gridSize,
  defaultDesignStep,
  designMix,
  mixAt,
  nearestMixIndex,
  designTransferables,
  type MixObjective,
  type DesignOptions,
  type ConstraintAtOptimum,
  type MixPoint,
  type MixDesign,
} from './simplex';
export {
  DEFAULT_TORNADO_STEPS,
  tornado,
  withMarginalLoan,
  marginalLoan,
  type TornadoSteps,
  type TornadoLever,
  type TornadoBar,
  type Tornado,
  type MarginalLoanOptions,
  type BeforeAfter,
  type MarginalLoan,
} from './sensitivity';
