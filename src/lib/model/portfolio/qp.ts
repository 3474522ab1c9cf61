/**
 * A small convex quadratic program with equality constraints and box bounds:
 *
 *   minimise ½·xᵀQx + cᵀx   subject to   A·x = b,   l ≤ x ≤ u,
 *
 * solved by the primal active-set method (Nocedal & Wright, Numerical Optimization,
 * 2nd ed., 2006, Algorithm 16.3) started from a feasible point. The working set holds
 * bounds only (the equalities are always active); each iteration solves the KKT system
 * of the free variables by Gaussian elimination with partial pivoting. A ridge of
 * 1e-13·max diag(Q) keeps the KKT matrix nonsingular when Q is only semi-definite
 * (a zero-volatility asset); it moves the solution by a negligible amount.
 * For the few asset classes of a client portfolio (n ≤ a few dozen) it terminates in a
 * handful of iterations and is exact to rounding.
 */
import { solveLinear } from './linalg';

export interface BoxQp {
  n: number;
  /** Row-major n×n symmetric positive semi-definite matrix. */
  q: Float64Array;
  /** Linear term, length n. */
  c: Float64Array;
  /** Row-major m×n equality matrix with linearly independent rows. */
  aEq: Float64Array;
  bEq: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

export interface QpResult {
  x: Float64Array;
  iterations: number;
  /** KKT conditions hold (to tolerance). */
  isOptimal: boolean;
}

const FREE = 0;
const AT_LOWER = -1;
const AT_UPPER = 1;
const FIXED = 2;

/** Rank of the m×n matrix A restricted to the columns where `use[j]` (modified Gram–Schmidt). */
function restrictedRank(aEq: Float64Array, m: number, n: number, use: (j: number) => boolean): number {
  const rows: Float64Array[] = [];
  for (let r = 0; r < m; r++) {
    const v = new Float64Array(n);
    let norm0 = 0;
    for (let j = 0; j < n; j++)
      if (use(j)) {
        v[j] = aEq[r * n + j];
        norm0 += v[j] * v[j];
      }
    for (const u of rows) {
      let dot = 0;
      for (let j = 0; j < n; j++) dot += u[j] * v[j];
      for (let j = 0; j < n; j++) v[j] -= dot * u[j];
    }
    let norm = 0;
    for (let j = 0; j < n; j++) norm += v[j] * v[j];
    if (norm > 1e-20 * Math.max(norm0, 1e-300) && norm > 1e-300) {
      const s = 1 / Math.sqrt(norm);
      for (let j = 0; j < n; j++) v[j] *= s;
      rows.push(v);
    }
  }
  return rows.length;
}

/**
 * Solves the box-constrained QP from the feasible start `x0` (A·x0 = b, l ≤ x0 ≤ u).
 * @example
 * // min x₁² + x₂² s.t. x₁ + x₂ = 1, 0 ≤ x ≤ 1  →  x = [0.5, 0.5]
 * solveBoxQp({ n: 2, q: Float64Array.from([2, 0, 0, 2]), c: new Float64Array(2), aEq: Float64Array.from([1, 1]),
 *   bEq: Float64Array.from([1]), lower: new Float64Array(2), upper: Float64Array.from([1, 1]) }, Float64Array.from([1, 0])).x
 */
export function solveBoxQp(problem: BoxQp, x0: Float64Array): QpResult {
  const { n, q, c, aEq, lower, upper } = problem;
  const m = aEq.length / n;
  const x = Float64Array.from(x0);
  const state = new Int8Array(n);
  let maxDiag = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    maxDiag = Math.max(maxDiag, Math.abs(q[i * n + i]));
    scale = Math.max(scale, Math.abs(c[i]));
  }
  scale = Math.max(scale, maxDiag, 1e-300);
  const ridge = Math.max(1e-13 * maxDiag, 1e-300);
  const tolMultiplier = 1e-11 * scale;
  const tolStep = 1e-13;

  for (let i = 0; i < n; i++) {
    if (upper[i] - lower[i] <= 1e-15) {
      state[i] = FIXED;
      x[i] = lower[i];
    } else if (x[i] <= lower[i] + 1e-13) {
      state[i] = AT_LOWER;
      x[i] = lower[i];
    } else if (x[i] >= upper[i] - 1e-13) {
      state[i] = AT_UPPER;
      x[i] = upper[i];
    }
  }
  // The working set must be linearly independent of the equalities: keep the free
  // variables' columns of A at full row rank, releasing bounds where needed.
  const fullRank = restrictedRank(aEq, m, n, () => true);
  let freeRank = restrictedRank(aEq, m, n, (j) => state[j] === FREE);
  while (freeRank < fullRank) {
    let released = false;
    for (let i = 0; i < n && !released; i++) {
      if (state[i] !== AT_LOWER && state[i] !== AT_UPPER) continue;
      const r = restrictedRank(aEq, m, n, (j) => state[j] === FREE || j === i);
      if (r > freeRank) {
        state[i] = FREE;
        freeRank = r;
        released = true;
      }
    }
    if (!released) return { x, iterations: 0, isOptimal: false };
  }

  const g = new Float64Array(n);
  const maxIterations = 50 + 20 * n;
  for (let iter = 1; iter <= maxIterations; iter++) {
    for (let i = 0; i < n; i++) {
      let s = c[i];
      for (let j = 0; j < n; j++) s += q[i * n + j] * x[j];
      g[i] = s;
    }
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (state[i] === FREE) free.push(i);
    const nf = free.length;
    const size = nf + m;
    let p: Float64Array = new Float64Array(0);
    let y: Float64Array = new Float64Array(m);
    if (nf > 0) {
      const k = new Float64Array(size * size);
      const rhs = new Float64Array(size);
      for (let a = 0; a < nf; a++) {
        const ia = free[a];
        for (let b = 0; b < nf; b++) k[a * size + b] = q[ia * n + free[b]];
        k[a * size + a] += ridge;
        for (let r = 0; r < m; r++) {
          k[a * size + nf + r] = aEq[r * n + ia];
          k[(nf + r) * size + a] = aEq[r * n + ia];
        }
        rhs[a] = -g[ia];
      }
      const sol = solveLinear(k, rhs, size);
      if (!sol) return { x, iterations: iter, isOptimal: false };
      p = sol.subarray(0, nf);
      y = sol.subarray(nf);
    } else {
      // every variable is at a bound (a vertex): multipliers of the equalities by least squares
      // are not needed, since the rank condition above keeps at least rank(A) variables free.
      return { x, iterations: iter, isOptimal: true };
    }
    let pMax = 0;
    for (let a = 0; a < nf; a++) pMax = Math.max(pMax, Math.abs(p[a]));
    if (pMax <= tolStep) {
      // Lagrange multipliers of the working bounds: λᵢ = gᵢ + (Aᵀy)ᵢ ≥ 0 at a lower bound, ≤ 0 at an upper one.
      let worst = -tolMultiplier;
      let release = -1;
      for (let i = 0; i < n; i++) {
        if (state[i] !== AT_LOWER && state[i] !== AT_UPPER) continue;
        let r = g[i];
        for (let row = 0; row < m; row++) r += aEq[row * n + i] * y[row];
        const lambda = state[i] === AT_LOWER ? r : -r;
        if (lambda < worst) {
          worst = lambda;
          release = i;
        }
      }
      if (release < 0) return { x, iterations: iter, isOptimal: true };
      state[release] = FREE;
      continue;
    }
    let alpha = 1;
    let block = -1;
    let blockState = FREE;
    for (let a = 0; a < nf; a++) {
      const i = free[a];
      const pi = p[a];
      if (pi < 0) {
        const t = (lower[i] - x[i]) / pi;
        if (t < alpha) {
          alpha = t;
          block = i;
          blockState = AT_LOWER;
        }
      } else if (pi > 0) {
        const t = (upper[i] - x[i]) / pi;
        if (t < alpha) {
          alpha = t;
          block = i;
          blockState = AT_UPPER;
        }
      }
    }
    if (alpha < 0) alpha = 0;
    for (let a = 0; a < nf; a++) x[free[a]] += alpha * p[a];
    if (block >= 0) {
      state[block] = blockState;
      x[block] = blockState === AT_LOWER ? lower[block] : upper[block];
    }
  }
  return { x, iterations: maxIterations, isOptimal: false };
}
