/**
 * Checking a correlation matrix and repairing it.
 *
 * A valid correlation matrix is symmetric, has ones on its diagonal, entries in
 * [−1, 1] and is positive semi-definite (PSD: no portfolio has negative variance).
 * A matrix typed in by hand is easily not PSD: three correlations that cannot hold
 * together (A close to B, B close to C, but A opposite C). `checkCorrelation` names
 * the cells; `nearestCorrelation` offers the nearest valid matrix (Higham 2002).
 */
import type { Bilingual } from '../inputs';
import { flatten, symmetricEigen, unflatten } from './linalg';

export type CorrelationProblemKind = 'shape' | 'notFinite' | 'notSymmetric' | 'diagonal' | 'range' | 'notPsd';

/** One problem of a correlation matrix, located at a cell (0-based row and column). */
export interface CorrelationProblem {
  kind: CorrelationProblemKind;
  row: number;
  col: number;
  value: number;
  /**
   * For `notPsd`: the interval in which this cell must lie given the other two
   * correlations of its triple (empty when the problem involves more than three classes).
   */
  allowed?: [number, number];
  /** Every cell involved (for `notPsd`, the three cells of an inconsistent triple). */
  cells: [number, number][];
  message: Bilingual;
}

export interface CorrelationCheck {
  isSymmetric: boolean;
  hasUnitDiagonal: boolean;
  isInRange: boolean;
  isPsd: boolean;
  /** All four conditions hold. */
  isValid: boolean;
  /** Smallest eigenvalue of the (symmetrised) matrix; negative means not PSD. */
  minEigenvalue: number;
  /** Eigenvalues, ascending. */
  eigenvalues: number[];
  problems: CorrelationProblem[];
}

/** Tolerances: symmetry and unit diagonal to 1e-9, range to 1e-12, PSD to −1e-10. */
export const CORRELATION_TOLERANCE = { symmetry: 1e-9, diagonal: 1e-9, range: 1e-12, eigenvalue: -1e-10 } as const;

function labelOf(names: readonly Bilingual[] | undefined, i: number): Bilingual {
  const name = names?.[i];
  return name ?? { zh: `第${i + 1}项`, en: `#${i + 1}` };
}

function fmt(x: number): string {
  return x.toFixed(2).replace('-', '−');
}

function cellName(names: readonly Bilingual[] | undefined, i: number, j: number): Bilingual {
  const a = labelOf(names, i);
  const b = labelOf(names, j);
  return { zh: `ρ(${a.zh}, ${b.zh})`, en: `ρ(${a.en}, ${b.en})` };
}

/**
 * Checks that a matrix is a valid correlation matrix and says where it is not:
 * symmetric, unit diagonal, entries in [−1, 1], positive semi-definite (eigenvalues by
 * the Jacobi method). When it is not PSD, every triple of classes whose three
 * correlations cannot hold together (the 3×3 determinant 1 + 2abc − a² − b² − c² < 0)
 * is reported with the cell that needs the smallest change and the interval it must
 * lie in, ab ± √((1−a²)(1−b²)) (the bound on a partial correlation, e.g. Stanley &
 * Wang 1969); if no triple is at fault, the cell with the largest influence on the
 * smallest eigenvalue (|vᵢvⱼ| of its eigenvector) is named.
 * @param matrix square, row-major nested arrays
 * @param names optional names of the classes, for the messages
 * @example checkCorrelation([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]).isPsd // false
 */
export function checkCorrelation(matrix: readonly (readonly number[])[], names?: readonly Bilingual[]): CorrelationCheck {
  const n = matrix.length;
  const problems: CorrelationProblem[] = [];
  const fail = (kind: CorrelationProblemKind): CorrelationCheck => ({
    isSymmetric: kind !== 'notSymmetric',
    hasUnitDiagonal: false,
    isInRange: false,
    isPsd: false,
    isValid: false,
    minEigenvalue: NaN,
    eigenvalues: [],
    problems,
  });
  if (n === 0) {
    problems.push({ kind: 'shape', row: 0, col: 0, value: NaN, cells: [], message: { zh: '相关系数矩阵为空', en: 'The correlation matrix is empty' } });
    return fail('shape');
  }
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(matrix[i]) || matrix[i].length !== n) {
      problems.push({
        kind: 'shape',
        row: i,
        col: 0,
        value: NaN,
        cells: [],
        message: { zh: `相关系数矩阵第${i + 1}行应有${n}个数`, en: `Row ${i + 1} of the correlation matrix must have ${n} entries` },
      });
      return fail('shape');
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(matrix[i][j])) {
        const c = cellName(names, i, j);
        problems.push({
          kind: 'notFinite',
          row: i,
          col: j,
          value: matrix[i][j],
          cells: [[i, j]],
          message: { zh: `${c.zh}不是有效数字`, en: `${c.en} is not a number` },
        });
      }
    }
  }
  if (problems.length > 0) return fail('notFinite');

  let isSymmetric = true;
  let hasUnitDiagonal = true;
  let isInRange = true;
  for (let i = 0; i < n; i++) {
    const d = matrix[i][i];
    if (Math.abs(d - 1) > CORRELATION_TOLERANCE.diagonal) {
      hasUnitDiagonal = false;
      const a = labelOf(names, i);
      problems.push({
        kind: 'diagonal',
        row: i,
        col: i,
        value: d,
        cells: [[i, i]],
        message: { zh: `对角线${a.zh}与自身的相关系数应为1，现为${fmt(d)}`, en: `The diagonal entry of ${a.en} must be 1, it is ${fmt(d)}` },
      });
    }
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = matrix[i][j];
      if (j > i && Math.abs(v - matrix[j][i]) > CORRELATION_TOLERANCE.symmetry) {
        isSymmetric = false;
        const c = cellName(names, i, j);
        problems.push({
          kind: 'notSymmetric',
          row: i,
          col: j,
          value: v,
          cells: [
            [i, j],
            [j, i],
          ],
          message: {
            zh: `矩阵不对称：${c.zh}在第${i + 1}行第${j + 1}列为${fmt(v)}，在第${j + 1}行第${i + 1}列为${fmt(matrix[j][i])}`,
            en: `Not symmetric: ${c.en} is ${fmt(v)} in row ${i + 1}, column ${j + 1} but ${fmt(matrix[j][i])} in row ${j + 1}, column ${i + 1}`,
          },
        });
      }
      if (Math.abs(v) > 1 + CORRELATION_TOLERANCE.range && (j > i || Math.abs(v - matrix[j][i]) > CORRELATION_TOLERANCE.symmetry)) {
        isInRange = false;
        const c = cellName(names, i, j);
        problems.push({
          kind: 'range',
          row: i,
          col: j,
          value: v,
          cells: [[i, j]],
          message: { zh: `${c.zh} = ${fmt(v)}，超出[−1, 1]`, en: `${c.en} = ${fmt(v)} is outside [−1, 1]` },
        });
      }
    }
  }

  // Eigenvalues of the symmetrised matrix.
  const flat = flatten(matrix as number[][]);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (flat[i * n + j] + flat[j * n + i]);
      flat[i * n + j] = m;
      flat[j * n + i] = m;
    }
  const { values, vectors } = symmetricEigen(flat, n);
  const minEigenvalue = values[0];
  const isPsd = minEigenvalue >= CORRELATION_TOLERANCE.eigenvalue;

  if (!isPsd && hasUnitDiagonal && isInRange) {
    const triples: { det: number; problem: CorrelationProblem }[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        for (let k = j + 1; k < n; k++) {
          const a = flat[i * n + j];
          const b = flat[j * n + k];
          const c = flat[i * n + k];
          const det = 1 + 2 * a * b * c - a * a - b * b - c * c;
          if (det >= -1e-12) continue;
          // each cell's admissible interval given the other two
          const cells: [number, number, number, number, number][] = [
            [i, j, a, c, b], // ρij given ρik, ρjk
            [j, k, b, a, c], // ρjk given ρij, ρik
            [i, k, c, a, b], // ρik given ρij, ρjk
          ];
          let best: { row: number; col: number; value: number; lo: number; hi: number; dist: number } | null = null;
          for (const [r, s, v, x, y] of cells) {
            const root = Math.sqrt(Math.max(0, (1 - x * x) * (1 - y * y)));
            const lo = x * y - root;
            const hi = x * y + root;
            const dist = v < lo ? lo - v : v > hi ? v - hi : 0;
            if (!best || dist < best.dist) best = { row: r, col: s, value: v, lo, hi, dist };
          }
          if (!best) continue;
          const ni = labelOf(names, i);
          const nj = labelOf(names, j);
          const nk = labelOf(names, k);
          const target = cellName(names, best.row, best.col);
          triples.push({
            det,
            problem: {
              kind: 'notPsd',
              row: best.row,
              col: best.col,
              value: best.value,
              allowed: [best.lo, best.hi],
              cells: [
                [i, j],
                [j, k],
                [i, k],
              ],
              message: {
                zh: `${ni.zh}、${nj.zh}、${nk.zh}三者的相关系数互相矛盾（矩阵非半正定）：在另外两个相关系数不变时，${target.zh}必须在[${fmt(best.lo)}, ${fmt(best.hi)}]之内，现为${fmt(best.value)}`,
                en: `The correlations of ${ni.en}, ${nj.en} and ${nk.en} cannot hold together (the matrix is not positive semi-definite): with the other two unchanged, ${target.en} must lie in [${fmt(best.lo)}, ${fmt(best.hi)}], it is ${fmt(best.value)}`,
              },
            },
          });
        }
    triples.sort((x, y) => x.det - y.det);
    for (const t of triples.slice(0, 10)) problems.push(t.problem);
    if (triples.length === 0) {
      // No inconsistent triple: name the cell with the largest sensitivity ∂λmin/∂ρij = 2·vi·vj.
      let bi = 0;
      let bj = 1;
      let bestS = -1;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const s = Math.abs(vectors[i * n] * vectors[j * n]);
          if (s > bestS) {
            bestS = s;
            bi = i;
            bj = j;
          }
        }
      const c = cellName(names, bi, bj);
      const direction = vectors[bi * n] * vectors[bj * n] > 0 ? { zh: '调高', en: 'raising' } : { zh: '调低', en: 'lowering' };
      problems.push({
        kind: 'notPsd',
        row: bi,
        col: bj,
        value: flat[bi * n + bj],
        cells: [[bi, bj]],
        message: {
          zh: `矩阵非半正定（最小特征值${minEigenvalue.toExponential(2)}），多个相关系数共同矛盾；影响最大的是${c.zh} = ${fmt(flat[bi * n + bj])}，可考虑${direction.zh}，或采用最近的有效相关矩阵`,
          en: `The matrix is not positive semi-definite (smallest eigenvalue ${minEigenvalue.toExponential(2)}): several correlations conflict; the most influential is ${c.en} = ${fmt(flat[bi * n + bj])}, consider ${direction.en} it, or use the nearest valid matrix`,
        },
      });
    }
  } else if (!isPsd) {
    problems.push({
      kind: 'notPsd',
      row: 0,
      col: 0,
      value: minEigenvalue,
      cells: [],
      message: {
        zh: `矩阵非半正定（最小特征值${minEigenvalue.toExponential(2)}）`,
        en: `The matrix is not positive semi-definite (smallest eigenvalue ${minEigenvalue.toExponential(2)})`,
      },
    });
  }

  return {
    isSymmetric,
    hasUnitDiagonal,
    isInRange,
    isPsd,
    isValid: isSymmetric && hasUnitDiagonal && isInRange && isPsd,
    minEigenvalue,
    eigenvalues: Array.from(values),
    problems,
  };
}

export interface NearestCorrelationOptions {
  /** Stop when successive iterates differ by less than this (Frobenius, relative; default 1e-10). */
  tolerance?: number;
  /** Iteration cap (default 2000). */
  maxIterations?: number;
  /** Smallest eigenvalue of the result (default 1e-10), so that it is safely PSD after rounding. */
  minEigenvalue?: number;
}

export interface NearestCorrelationResult {
  /** The nearest correlation matrix: symmetric, unit diagonal, PSD. */
  matrix: number[][];
  /** Frobenius distance ‖result − input‖_F. */
  distance: number;
  iterations: number;
  isConverged: boolean;
}

function projectPsd(x: Float64Array, n: number, floor: number): Float64Array {
  const { values, vectors } = symmetricEigen(x, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lam = Math.max(values[k], floor);
    if (lam === 0) continue;
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + k] * lam;
      for (let j = 0; j < n; j++) out[i * n + j] += vi * vectors[j * n + k];
    }
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (out[i * n + j] + out[j * n + i]);
      out[i * n + j] = m;
      out[j * n + i] = m;
    }
  return out;
}

/**
 * The nearest correlation matrix in the Frobenius norm, by Higham's alternating
 * projections with Dykstra's correction (N. J. Higham 2002, "Computing the nearest
 * correlation matrix — a problem from finance", IMA J. Numer. Anal. 22, 329–343,
 * Algorithm 3.3 with W = I): alternately project onto the PSD cone (negative
 * eigenvalues set to zero) and onto the unit-diagonal matrices. A last step lifts the
 * eigenvalues to at least `minEigenvalue` and rescales to a unit diagonal (a congruence,
 * so the result stays PSD).
 * @param matrix a symmetric matrix with entries near [−1, 1] (the input is symmetrised)
 * @example nearestCorrelation([[1, 1, 0], [1, 1, 1], [0, 1, 1]]).matrix[0][1] // ≈ 0.7607 (Higham 2002, §4)
 */
export function nearestCorrelation(matrix: readonly (readonly number[])[], options: NearestCorrelationOptions = {}): NearestCorrelationResult {
  const { tolerance = 1e-10, maxIterations = 2000, minEigenvalue = 1e-10 } = options;
  const n = matrix.length;
  const a = flatten(matrix as number[][]);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = m;
      a[j * n + i] = m;
    }
  let y = Float64Array.from(a);
  const ds = new Float64Array(n * n);
  let iterations = 0;
  let isConverged = false;
  for (; iterations < maxIterations;) {
    iterations++;
    const r = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) r[i] = y[i] - ds[i];
    const x = projectPsd(r, n, 0);
    for (let i = 0; i < n * n; i++) ds[i] = x[i] - r[i];
    const yNew = Float64Array.from(x);
    for (let i = 0; i < n; i++) yNew[i * n + i] = 1;
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < n * n; i++) {
      diff += (yNew[i] - y[i]) ** 2;
      norm += yNew[i] ** 2;
    }
    let gap = 0;
    for (let i = 0; i < n * n; i++) gap += (yNew[i] - x[i]) ** 2;
    y = yNew;
    if (Math.sqrt(diff) <= tolerance * Math.sqrt(norm) && Math.sqrt(gap) <= tolerance * Math.sqrt(norm) * 10) {
      isConverged = true;
      break;
    }
  }
  // Final repair: eigenvalues ≥ minEigenvalue, then D^(−1/2)·X·D^(−1/2) for a unit diagonal.
  const lifted = projectPsd(y, n, minEigenvalue);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = 1 / Math.sqrt(lifted[i * n + i]);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      lifted[i * n + j] = i === j ? 1 : Math.max(-1, Math.min(1, lifted[i * n + j] * d[i] * d[j]));
    }
  let distance = 0;
  for (let i = 0; i < n * n; i++) distance += (lifted[i] - a[i]) ** 2;
  return { matrix: unflatten(lifted, n), distance: Math.sqrt(distance), iterations, isConverged };
}
