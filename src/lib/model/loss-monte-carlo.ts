/**
 * Plain Monte Carlo of the one-factor Gaussian copula of docs/reference-model.md §5: the independent check of
 * lossDistribution() in the tests and the speed reference of the benchmark. Seeded and
 * reproducible: path i draws from stream i of the seed, so a result never depends on how paths are
 * split between workers.
 *
 * Two samplers of the same model:
 * - 'perClient' (plain): every client draws its own εᵢ and defaults when √ρ·Z + √(1−ρ)·εᵢ < Φ⁻¹(PD).
 * - 'pooled' (default, exact and much faster): given Z, clients of the same PD and ρ default
 *   independently with the same p(Z). A pool of few rows draws Binomial(count, p(Z)) defaults per
 *   row (a band) and a uniform per single name; a pool of many rows draws the number of defaults
 *   among all its N clients, Binomial(N, p(Z)), and the defaulters as a uniformly random subset of
 *   that size. Either way one normal per client is replaced by a few draws per row or per default.
 */
import type { CreditExposure } from './loss-distribution';
import { binomial, Rng } from './random';
import { normalCdf, normalQuantile } from './normal';

export interface LossMonteCarloOptions {
  /** Number of paths (years simulated). */
  paths: number;
  /** Seed; path i uses stream i (random/'s createRng(seed, i) sequence). */
  seed: number;
  /** Confidence levels of VaR and ES. Default [0.99, 0.995, 0.999]. */
  quantiles?: number[];
  /** 'pooled' (default) or 'perClient' (one latent normal per client, the textbook sampler). */
  method?: 'pooled' | 'perClient';
  /** Level of the quantile confidence intervals. Default 0.95. */
  confidence?: number;
  /** Also estimate each segment's and each single name's E[X·h(L)]/(1−q) at this level (the ES contributions). */
  contributionsAt?: number;
  /** First path index (to split a run: two runs of 0…n−1 and n…2n−1 equal one run of 2n). Default 0. */
  firstPath?: number;
}

export interface MonteCarloContribution {
  key: string;
  /** E[X·h(L)]/(1−q), yuan (sums to ES over segments). */
  expectedShortfallContribution: number;
  standardError: number;
}

export interface LossMonteCarlo {
  paths: number;
  method: 'pooled' | 'perClient';
  expectedLoss: number;
  expectedLossStandardError: number;
  standardDeviation: number;
  quantileLevels: number[];
  /** Empirical VaR (left-continuous quantile of the sample), yuan. */
  quantiles: number[];
  /** Distribution-free order-statistic interval for each VaR at `confidence`. */
  quantileIntervals: { lower: number; upper: number }[];
  expectedShortfalls: number[];
  expectedShortfallStandardErrors: number[];
  contributions?: { level: number; bySegment: MonteCarloContribution[]; byName: MonteCarloContribution[] };
  /** The sampled losses, ascending, yuan. */
  losses: Float64Array;
}

// ————————————————————————————————————————————————————————— the simulation

interface Pool {
  threshold: number;
  sqrtRho: number;
  sqrtOneMinusRho: number;
  pd: number;
  /** Loss of each client of the pool, yuan, and its segment and name index (−1 if none). */
  loss: Float64Array;
  segment: Int32Array;
  name: Int32Array;
  totalLoss: number;
  segmentTotal: Float64Array;
  /** Clients of the pool that are followed names. */
  named: number[];
  /** Sample row by row (Binomial per band) rather than by picking defaulters. */
  byRow: boolean;
  rowCount: Int32Array;
  rowLoss: Float64Array;
  rowSegment: Int32Array;
  rowName: Int32Array;
}

/**
 * Monte Carlo of the credit loss of a book of exposures (docs/reference-model.md §5), seeded and reproducible.
 * Units as lossDistribution(): yuan and decimals.
 * @example lossMonteCarlo(book, { paths: 200_000, seed: 7, quantiles: [0.999] }).quantileIntervals[0]
 */
export function lossMonteCarlo(exposures: readonly CreditExposure[], options: LossMonteCarloOptions): LossMonteCarlo {
  const paths = Math.floor(options.paths);
  if (!(paths > 0)) throw new RangeError('lossMonteCarlo: paths must be ≥ 1');
  const levels = [...(options.quantiles ?? [0.99, 0.995, 0.999])];
  const method = options.method ?? 'pooled';
  const firstPath = Math.floor(options.firstPath ?? 0);
  const contributionLevel = options.contributionsAt;

  const segmentKeys: string[] = [];
  const segmentOf = new Map<string, number>();
  const segmentIndex = (key: string) => {
    let s = segmentOf.get(key);
    if (s === undefined) {
      s = segmentKeys.length;
      segmentKeys.push(key);
      segmentOf.set(key, s);
    }
    return s;
  };
  for (const e of exposures) segmentIndex(e.segment ?? '');
  const S = segmentKeys.length;
  // Single names followed one by one in the contributions: up to 30, largest EAD first (as lossDistribution's top names).
  const names = exposures
    .map((e, row) => ({ e, row }))
    .filter(({ e }) => Math.round(e.count ?? 1) === 1)
    .sort((a, b) => b.e.ead - a.e.ead || a.row - b.row)
    .slice(0, 30);
  const nameOfRow = new Map(names.map(({ row }, i) => [row, i] as const));
  const T = names.length;

  // Pools: clients of the same PD and ρ.
  interface PoolDraft {
    pd: number;
    rho: number;
    loss: number[];
    segment: number[];
    name: number[];
    rows: { count: number; loss: number; segment: number; name: number }[];
  }
  const poolMap = new Map<string, PoolDraft>();
  exposures.forEach((e, row) => {
    const count = Math.round(e.count ?? 1);
    const loss = e.ead * e.lgd;
    if (count <= 0 || loss <= 0 || e.pd <= 0) return;
    const key = `${e.pd}|${e.rho}`;
    let pool = poolMap.get(key);
    if (!pool) {
      pool = { pd: Math.min(1, e.pd), rho: e.rho, loss: [], segment: [], name: [], rows: [] };
      poolMap.set(key, pool);
    }
    const s = segmentIndex(e.segment ?? '');
    const name = nameOfRow.get(row) ?? -1;
    pool.rows.push({ count, loss, segment: s, name });
  });
  const pools: Pool[] = [...poolMap.values()].map((p) => {
    const clients = p.rows.reduce((a, r) => a + r.count, 0);
    // By row when that is fewer draws than the defaults to pick (about N·PD a year, more in bad years).
    const byRow = method === 'pooled' && p.rows.length <= Math.max(8, 2 * clients * p.pd);
    if (!byRow) {
      // one entry per client, to pick defaulters from (or to draw a latent normal for)
      for (const r of p.rows) {
        for (let i = 0; i < r.count; i++) {
          p.loss.push(r.loss);
          p.segment.push(r.segment);
          p.name.push(r.name);
        }
      }
    }
    const segmentTotal = new Float64Array(S);
    p.loss.forEach((l, j) => (segmentTotal[p.segment[j]] += l));
    return {
      pd: p.pd,
      threshold: normalQuantile(p.pd),
      sqrtRho: Math.sqrt(p.rho),
      sqrtOneMinusRho: Math.sqrt(1 - p.rho),
      loss: Float64Array.from(p.loss),
      segment: Int32Array.from(p.segment),
      name: Int32Array.from(p.name),
      totalLoss: p.loss.reduce((a, b) => a + b, 0),
      segmentTotal,
      named: p.name.map((n, j) => (n >= 0 ? j : -1)).filter((j) => j >= 0),
      byRow,
      rowCount: Int32Array.from(p.rows, (r) => r.count),
      rowLoss: Float64Array.from(p.rows, (r) => r.loss),
      rowSegment: Int32Array.from(p.rows, (r) => r.segment),
      rowName: Int32Array.from(p.rows, (r) => r.name),
    };
  });
  const maxPool = pools.reduce((a, p) => Math.max(a, p.loss.length), 0);

  const losses = new Float64Array(paths);
  const wantContributions = contributionLevel !== undefined;
  const segmentLoss = wantContributions ? new Float64Array(paths * S) : null;
  const nameLoss = wantContributions ? new Float64Array(paths * T) : null;
  const stamp = new Int32Array(maxPool);
  const picked = new Int32Array(maxPool);
  let markCounter = 0;
  const rng = new Rng(options.seed, firstPath);

  for (let i = 0; i < paths; i++) {
    const path = firstPath + i;
    rng.reseed(options.seed, path);
    const z = rng.normal();
    let total = 0;
    for (const pool of pools) {
      const N = pool.loss.length;
      if (method === 'perClient') {
        // The textbook sampler: a latent normal per client (docs/reference-model.md §5).
        const systematic = pool.sqrtRho * z;
        for (let j = 0; j < N; j++) {
          if (systematic + pool.sqrtOneMinusRho * rng.normal() < pool.threshold) {
            total += pool.loss[j];
            if (segmentLoss) segmentLoss[i * S + pool.segment[j]] += pool.loss[j];
            if (nameLoss && pool.name[j] >= 0) nameLoss[i * T + pool.name[j]] += pool.loss[j];
          }
        }
        continue;
      }
      const p = pool.pd >= 1 ? 1 : normalCdf((pool.threshold - pool.sqrtRho * z) / pool.sqrtOneMinusRho);
      if (pool.byRow) {
        for (let r = 0; r < pool.rowCount.length; r++) {
          const c = pool.rowCount[r];
          const d = c === 1 ? (rng.next() < p ? 1 : 0) : binomial(c, p, rng);
          if (d === 0) continue;
          const x = d * pool.rowLoss[r];
          total += x;
          if (segmentLoss) segmentLoss[i * S + pool.rowSegment[r]] += x;
          if (nameLoss && pool.rowName[r] >= 0) nameLoss[i * T + pool.rowName[r]] += x;
        }
        continue;
      }
      const defaults = binomial(N, p, rng);
      if (defaults === 0) continue;
      // A uniformly random subset of `defaults` clients, or of the N − defaults survivors when that is
      // smaller, by rejection on a stamp array (a fresh mark per pool and path, so nothing is reset).
      const complement = defaults > N / 2;
      const picks = complement ? N - defaults : defaults;
      const mark = ++markCounter;
      for (let k = 0; k < picks; k++) {
        let j: number;
        do j = Math.floor(rng.next() * N);
        while (stamp[j] === mark);
        stamp[j] = mark;
        picked[k] = j;
      }
      const sign = complement ? -1 : 1;
      if (complement) {
        total += pool.totalLoss;
        if (segmentLoss) for (let s = 0; s < S; s++) segmentLoss[i * S + s] += pool.segmentTotal[s];
        if (nameLoss) for (const j of pool.named) nameLoss[i * T + pool.name[j]] += pool.loss[j];
      }
      for (let k = 0; k < picks; k++) {
        const j = picked[k];
        total += sign * pool.loss[j];
        if (segmentLoss) segmentLoss[i * S + pool.segment[j]] += sign * pool.loss[j];
        if (nameLoss && pool.name[j] >= 0) nameLoss[i * T + pool.name[j]] += sign * pool.loss[j];
      }
    }
    losses[i] = total;
  }

  // —— estimates ——
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < paths; i++) {
    sum += losses[i];
    sumSquares += losses[i] * losses[i];
  }
  const mean = sum / paths;
  const variance = Math.max(0, sumSquares / paths - mean * mean);
  const sorted = losses.slice().sort();
  const zc = normalQuantile(0.5 + 0.5 * (options.confidence ?? 0.95));
  const orderStatistic = (rank: number) => sorted[Math.min(paths - 1, Math.max(0, rank - 1))];
  const quantileAt = (q: number) => orderStatistic(Math.ceil(paths * q - 1e-9));
  const quantiles = levels.map(quantileAt);
  const quantileIntervals = levels.map((q) => {
    // Order statistics L_(j) ≤ VaR_q ≤ L_(k) with j, k = nq ∓ z·√(nq(1−q)) (normal approximation to the binomial count).
    const spread = zc * Math.sqrt(paths * q * (1 - q));
    return { lower: orderStatistic(Math.floor(paths * q - spread)), upper: orderStatistic(Math.ceil(paths * q + spread) + 1) };
  });
  const shortfall = (q: number) => {
    // ES = VaR + E[(L − VaR)⁺]/(1−q); its standard error from the sample variance of (L − VaR)⁺.
    const v = quantileAt(q);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < paths; i++) {
      const x = Math.max(0, losses[i] - v);
      s1 += x;
      s2 += x * x;
    }
    const m = s1 / paths;
    return { es: v + m / (1 - q), se: Math.sqrt(Math.max(0, s2 / paths - m * m) / paths) / (1 - q) };
  };
  const shortfalls = levels.map(shortfall);

  let contributions: LossMonteCarlo['contributions'];
  if (wantContributions && segmentLoss && nameLoss && contributionLevel !== undefined) {
    const q = contributionLevel;
    const v = quantileAt(q);
    let below = 0;
    let at = 0;
    for (let i = 0; i < paths; i++) {
      if (losses[i] < v) below++;
      else if (losses[i] === v) at++;
    }
    // h = 1 above VaR, θ at VaR, E[h] = 1 − q (Acerbi & Tasche 2002)
    const theta = at > 0 ? Math.max(0, (below + at - paths * q) / at) : 0;
    const estimate = (value: (i: number) => number, key: string): MonteCarloContribution => {
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < paths; i++) {
        const h = losses[i] > v ? 1 : losses[i] === v ? theta : 0;
        const x = h * value(i);
        s1 += x;
        s2 += x * x;
      }
      const m = s1 / paths;
      return { key, expectedShortfallContribution: m / (1 - q), standardError: Math.sqrt(Math.max(0, s2 / paths - m * m) / paths) / (1 - q) };
    };
    contributions = {
      level: q,
      bySegment: segmentKeys.map((key, s) => estimate((i) => segmentLoss[i * S + s], key)),
      byName: names.map(({ e, row }, t) => estimate((i) => nameLoss[i * T + t], e.id ?? `#${row}`)),
    };
  }

  return {
    paths,
    method,
    expectedLoss: mean,
    expectedLossStandardError: Math.sqrt(variance / paths),
    standardDeviation: Math.sqrt((variance * paths) / Math.max(1, paths - 1)),
    quantileLevels: levels,
    quantiles,
    quantileIntervals,
    expectedShortfalls: shortfalls.map((s) => s.es),
    expectedShortfallStandardErrors: shortfalls.map((s) => s.se),
    contributions,
    losses: sorted,
  };
}
