/**
 * Small dense linear algebra for the portfolio engine (n is the number of asset
 * classes, typically 6, at most a few dozen). Matrices are row-major Float64Arrays.
 */

/** Eigen-decomposition of a symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** Eigenvectors as columns, row-major: component i of eigenvector k is `vectors[i * n + k]`. */
  vectors: Float64Array;
}

/**
 * Eigenvalues and eigenvectors of a symmetric n×n matrix by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, 4th ed., §8.5; rotation formulas of
 * Rutishauser 1971, as in Numerical Recipes §11.1). Converges quadratically; accurate
 * to a few ulps of the matrix norm, small eigenvalues included.
 * @param a row-major symmetric matrix (only read)
 * @param n its order
 * @example symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2).values // [1, 3]
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const m = Float64Array.from(a as ArrayLike<number>);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let norm = 0;
  for (let i = 0; i < n * n; i++) norm += m[i] * m[i];
  const tiny = 1e-30 * Math.max(norm, 1e-300);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
    if (off <= 1e-32 * norm || off < tiny) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const app = m[p * n + p];
        const aqq = m[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        m[p * n + p] = app - t * apq;
        m[q * n + q] = aqq + t * apq;
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = m[r * n + p];
          const arq = m[r * n + q];
          const nrp = arp - s * (arq + tau * arp);
          const nrq = arq + s * (arp - tau * arq);
          m[r * n + p] = nrp;
          m[p * n + r] = nrp;
          m[r * n + q] = nrq;
          m[q * n + r] = nrq;
        }
        for (let r = 0; r < n; r++) {
          const vrp = v[r * n + p];
          const vrq = v[r * n + q];
          v[r * n + p] = vrp - s * (vrq + tau * vrp);
          v[r * n + q] = vrq + s * (vrp - tau * vrq);
        }
      }
    }
  }
  // sort ascending
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i] - m[j * n + j]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((k, col) => {
    values[col] = m[k * n + k];
    for (let r = 0; r < n; r++) vectors[r * n + col] = v[r * n + k];
  });
  return { values, vectors };
}

/**
 * A factor B with B·Bᵀ = A for a symmetric positive semi-definite A.
 * First tries the Cholesky factorisation with pivots of magnitude at most `tol·max diag`
 * treated as zero (a zero-volatility asset gives such a pivot); if a pivot is clearly
 * negative (A not PSD, to rounding), falls back to the eigen-decomposition with the
 * negative eigenvalues set to zero (the nearest PSD matrix in Frobenius norm,
 * Higham 1988), and says so with `isAdjusted`.
 * @example psdFactor(Float64Array.from([4, 2, 2, 1]), 2).factor // [2, 0, 1, 0]
 */
export function psdFactor(a: ArrayLike<number>, n: number, tol = 1e-10): { factor: Float64Array; isAdjusted: boolean } {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
  const zero = tol * maxDiag;
  const offZero = 10 * Math.sqrt(zero * maxDiag);
  const l = new Float64Array(n * n);
  let ok = true;
  for (let j = 0; j < n && ok; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (d < -zero) {
      ok = false;
      break;
    }
    if (d <= zero) {
      // Semidefinite pivot: for a PSD matrix the rest of column j must vanish too.
      for (let i = j + 1; i < n; i++) {
        let s = a[i * n + j];
        for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
        if (Math.abs(s) > offZero) ok = false;
      }
      continue;
    }
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  if (ok) return { factor: l, isAdjusted: false };
  const { values, vectors } = symmetricEigen(a, n);
  const b = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const sq = Math.sqrt(Math.max(values[k], 0));
    for (let i = 0; i < n; i++) b[i * n + k] = vectors[i * n + k] * sq;
  }
  return { factor: b, isAdjusted: true };
}

/**
 * Solves the square system M·x = r by Gaussian elimination with partial pivoting.
 * Returns null when M is singular to working precision.
 * @example solveLinear(Float64Array.from([2, 0, 0, 4]), Float64Array.from([2, 2]), 2) // [1, 0.5]
 */
export function solveLinear(m: ArrayLike<number>, r: ArrayLike<number>, n: number): Float64Array | null {
  const a = Float64Array.from(m as ArrayLike<number>);
  const x = Float64Array.from(r as ArrayLike<number>);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale === 0) return null;
  for (let col = 0; col < n; col++) {
    let piv = col;
    let best = Math.abs(a[col * n + col]);
    for (let i = col + 1; i < n; i++) {
      const v = Math.abs(a[i * n + col]);
      if (v > best) {
        best = v;
        piv = i;
      }
    }
    if (best <= 1e-15 * scale) return null;
    if (piv !== col) {
      for (let k = 0; k < n; k++) {
        const t = a[col * n + k];
        a[col * n + k] = a[piv * n + k];
        a[piv * n + k] = t;
      }
      const t = x[col];
      x[col] = x[piv];
      x[piv] = t;
    }
    const d = a[col * n + col];
    for (let i = col + 1; i < n; i++) {
      const f = a[i * n + col] / d;
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[i * n + k] -= f * a[col * n + k];
      x[i] -= f * x[col];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= a[i * n + k] * x[k];
    x[i] = s / a[i * n + i];
  }
  return x;
}

/**
 * Flattens a nested square matrix to row-major.
 * @example flatten([[1, 2], [3, 4]]) // Float64Array [1, 2, 3, 4]
 */
export function flatten(matrix: readonly (readonly number[])[]): Float64Array {
  const n = matrix.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = matrix[i][j];
  return out;
}

/**
 * Row-major to nested arrays.
 * @example unflatten([1, 2, 3, 4], 2) // [[1, 2], [3, 4]]
 */
export function unflatten(a: ArrayLike<number>, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => a[i * n + j]));
}
