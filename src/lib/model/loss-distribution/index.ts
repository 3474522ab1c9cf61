/**
 * The credit loss distribution of a lumpy book (docs/reference-model.md §5).
 *
 * Model: the one-factor Gaussian copula (Vasicek 1987/2002; the Basel ASRF model). Client i
 * defaults when √ρᵢ·Z + √(1−ρᵢ)·εᵢ < Φ⁻¹(PDᵢ), Z and εᵢ independent N(0,1). Given Z = z the
 * clients are independent with p_i(z) = Φ((Φ⁻¹(PDᵢ) − √ρᵢ·z)/√(1−ρᵢ)), and a default costs
 * EADᵢ·LGDᵢ yuan (LGD deterministic, as in the IRB formula).
 *
 * Method, semi-analytic (the conditional-independence approach of Gordy 2000 and Andersen,
 * Sidenius & Basu 2003, "All your hedges in one basket", Risk):
 *
 * 1. Loss lattice. Every default loss is put on a lattice of step Δ yuan. A loss of u = ℓ/Δ
 *    units that is not an integer is split between ⌊u⌋ and ⌊u⌋+1 with probabilities that keep its
 *    mean (a two-point loss given default), so expected loss is exact on the lattice. Δ is chosen
 *    so the largest name (or, for a small book whose losses are commensurable, every name) sits
 *    exactly on the lattice: one name is then exact. A large band of identical clients is split
 *    as a whole (its binomial number of defaults times u, one rounding per band) so that the
 *    rounding does not add noise per client: the granular limit stays Vasicek's.
 * 2. Groups. Identical clients (a band with `count` > 1, or rows with the same segment, PD,
 *    correlation and lattice cell) form one group of iid members: its conditional loss is
 *    compound-binomial, exact. The 20 largest single names always stay their own group.
 * 3. Conditioning on Z. A trapezoid rule in a smoothly mapped variable z = g(u): exponentially
 *    convergent for the smooth integrands of EL and variance, with extra nodes where the granular
 *    part of the book moves faster across z than its own conditional spread (otherwise the mixture
 *    over z would ripple). The far bad tail of Z whose conditional loss would not fit the lattice
 *    is kept as one exact off-lattice atom (mass ≤ 1e-4·(1−q), above every reported quantile).
 * 4. Conditional distribution at each node: single names and small groups by exact recursion on
 *    the lattice (Bernoulli convolutions, support tracked), large groups as (1−p+p·b(t))ⁿ in
 *    Fourier space (or their binomial deposit, FFT'd); the node's spectrum is mixed over z with
 *    the quadrature weights and one inverse FFT gives the unconditional distribution.
 * 5. Risk contributions (Euler allocation of expected shortfall; Tasche 1999, "Risk contributions
 *    and performance measurement"; Acerbi & Tasche 2002 for the discrete weighting at VaR):
 *    E[Xⱼ·h(L)] with h = 1 above VaR, θ at VaR, 0 below, so E[h] = 1−q. For a member of group j,
 *    E[Y·h(L) | z] = p·Σᵥ v·b(v)·E[h(L⁽⁻¹⁾+v) | z], where L⁽⁻¹⁾ is the book without that member:
 *    its distribution is the node's distribution deconvolved by one member (a stable forward
 *    recursion when p(z) < ½; Fourier division otherwise; for a band split as a whole, the rest of
 *    the book's own spectrum). The contributions to ES sum to ES; to
 *    economic capital they are scaled, EC_c = (ES_c − EL_c)·EC/Σ(ES_c − EL_c), so they sum
 *    exactly to EC = VaR − EL.
 *
 * Pure: no DOM, no state between calls (FFT plans are memoised), inputs are never mutated.
 *
 * Files of this folder, one seam each (this file is the entry point: lossDistribution, the two
 * passes over the nodes, the granular closed form and the chart data):
 * - types.ts: the public types (CreditExposure, LossDistribution, …) and the defaults;
 * - fft.ts: radix-2 plans and the real transforms (step 4);
 * - book.ts: the book read once into risk classes and curves, conditional PD and moments given Z;
 * - lattice.ts: the step Δ and length of the lattice, the groups placed on it (steps 1–2);
 * - quadrature.ts: the mapped trapezoid over Z and the 32-point Gauss–Legendre table (step 3);
 * - conditional.ts: a node's conditional distribution, real space and Fourier (step 4);
 * - contributions.ts: a member's Euler contribution at a node (step 5).
 */
import { normalCdf, normalPdf, normalQuantile } from '../normal';
import { type CreditExposure, DEFAULTS, DEFAULT_LOSS_QUANTILES, type LossDistribution, type LossDistributionOptions, type RiskContribution } from './types';
import { realFft, realIfft } from './fft';
import { type Book, conditionalPd, conditionalReach, prepareBook } from './book';
import { MIN_POINTS, buildGroups, chooseLattice } from './lattice';
import { GAUSS_LEGENDRE_32, type Quadrature, Z_RANGE, buildQuadrature, mappedTrapezoid } from './quadrature';
import { ConditionalBook } from './conditional';
import { bandTailExpectation, deconvolvedExpectation, fourierExpectation, logTailBound } from './contributions';
export type { CreditExposure, LossDistributionOptions, RiskContribution, GranularSegment, LossDistribution } from './types';
export { DEFAULT_LOSS_QUANTILES } from './types';
export { logFactorial } from './conditional';

/**
 * The loss distribution of a credit book in the one-factor Gaussian copula, semi-analytically
 * (docs/reference-model.md §5; method in the module comment and docs/loss-distribution.md).
 *
 * Units: EAD and losses in yuan; PD, LGD, ρ and confidence levels as decimals.
 *
 * @example
 * const d = lossDistribution(
 *   [
 *     { ead: 2e9, pd: 0.006, lgd: 0.45, rho: 0.22, id: 'A', segment: 'large' },
 *     { ead: 6e6, pd: 0.03, lgd: 0.35, rho: 0.1, count: 2000, segment: 'small' },
 *   ],
 *   { quantiles: [0.99, 0.999] },
 * );
 * d.quantiles[1]; // VaR 99.9%, yuan
 * d.contributions.bySegment; // Euler contributions to EC, summing to d.economicCapital
 */
export function lossDistribution(exposures: readonly CreditExposure[], options: LossDistributionOptions = {}): LossDistribution {
  const levels = [...(options.quantiles ?? DEFAULT_LOSS_QUANTILES)];
  for (const q of levels) if (!(q > 0 && q < 1)) throw new RangeError(`lossDistribution: quantile ${q} must be in (0, 1)`);
  const ecConfidence = options.ecConfidence ?? DEFAULTS.ecConfidence;
  if (!(ecConfidence > 0 && ecConfidence < 1)) throw new RangeError('lossDistribution: ecConfidence must be in (0, 1)');
  const topCount = Math.max(0, Math.floor(options.topNames ?? DEFAULTS.topNames));
  const tolerance = Math.max(0, options.mergeTolerance ?? DEFAULTS.mergeTolerance);
  const qMax = Math.max(ecConfidence, ...levels);

  const book = prepareBook(exposures, topCount, tolerance);
  const empty = book.classes.length === 0;
  const zTail = normalQuantile(1 - qMax);
  // Below zMin the conditional losses may leave the lattice; nodes there that do not fit form an
  // atom above every lattice point, of mass ≤ 1e-4·(1−q).
  const zMin = Math.min(-3, Math.max(-8.5, normalQuantile(1e-4 * (1 - qMax))));
  const lattice = empty ? { points: MIN_POINTS, step: 1 } : chooseLattice(book, zTail, zMin, options);
  const M = lattice.points;
  const step = lattice.step;
  const latticeSpan = (M - 1) * step;
  const groups = empty ? [] : buildGroups(book, exposures, step, M, tolerance);
  // Bands split as a whole cost an FFT per node each: the 8 largest only, the rest member by member.
  groups
    .filter((g) => g.aggregate)
    .sort((a, b) => b.count - a.count)
    .slice(8)
    .forEach((g) => (g.aggregate = false));
  const quadrature = empty ? mappedTrapezoid(0.5, 0.5, 0, 0) : buildQuadrature(book, groups, zMin, zTail, options);
  const K = quadrature.z.length;
  const U = book.curves.length;
  const pz = new Float64Array(K * U);
  for (let n = 0; n < K; n++) for (let u = 0; u < U; u++) pz[n * U + u] = conditionalPd(book.curves[u], quadrature.z[n]);

  // —— pass 1: mix the conditional distributions over Z ——
  const engine = new ConditionalBook(groups, pz, U, M);
  const half = engine.half;
  const latticeNodes: number[] = [];
  const G = groups.length;
  let atomMass = 0;
  let atomLoss = 0;
  const atomGroup = new Float64Array(G); // E[group loss; atom]
  for (let n = 0; n < K && !empty; n++) {
    if (quadrature.z[n] >= zMin || conditionalReach(book, quadrature.z[n]) <= latticeSpan * (1 + 1e-12)) {
      latticeNodes.push(n);
      continue;
    }
    const w = quadrature.w[n];
    atomMass += w;
    for (let gi = 0; gi < G; gi++) {
      const x = w * pz[n * U + groups[gi].curve] * groups[gi].lossSum;
      atomGroup[gi] += x;
      atomLoss += x;
    }
  }
  const cacheBudget = options.spectrumCacheBytes ?? DEFAULTS.spectrumCacheBytes;
  const stride = engine.usesFourier ? engine.partsLength : M;
  const cache = !empty && latticeNodes.length * stride * 8 <= cacheBudget ? new Float64Array(latticeNodes.length * stride) : null;
  const pmf = new Float64Array(M);
  const specRe = new Float64Array(half + 1);
  const specIm = new Float64Array(half + 1);
  const scratchParts = engine.usesFourier && !cache ? new Float64Array(stride) : null;
  /** The spectra of the i-th lattice node (from the cache, or computed now). */
  const partsOf = (i: number): Float64Array => {
    if (cache) return cache.subarray(i * stride, (i + 1) * stride);
    engine.parts(latticeNodes[i], scratchParts as Float64Array);
    return scratchParts as Float64Array;
  };
  if (!empty) mixNodes(engine, quadrature, latticeNodes, cache, stride, pmf, specRe, specIm);

  /** The conditional distribution at the i-th lattice node, in real space, into f. */
  const nodeDistribution = (i: number, f: Float64Array) => {
    if (engine.usesFourier) {
      engine.combine(partsOf(i), -1, specRe, specIm);
      realIfft(engine.plan, specRe, specIm, f, engine.scratchRe, engine.scratchIm);
    } else if (cache) f.set(cache.subarray(i * stride, (i + 1) * stride));
    else f.set(engine.realSpace(latticeNodes[i]));
  };

  // —— quantiles and expected shortfall ——
  const cdf = new Float64Array(M);
  const upperLoss = new Float64Array(M + 1); // E[L·1{L ≥ kΔ}] on the lattice, summed from the top
  const upperMass = new Float64Array(M + 1);
  let latticeMean = atomLoss;
  {
    let running = 0;
    for (let k = 0; k < M; k++) {
      running += pmf[k];
      cdf[k] = running;
      latticeMean += k * step * pmf[k];
    }
    for (let k = M - 1; k >= 0; k--) {
      upperLoss[k] = upperLoss[k + 1] + k * step * pmf[k];
      upperMass[k] = upperMass[k + 1] + pmf[k];
    }
  }
  const quantileIndex = (q: number) => {
    if (cdf[M - 1] < q) return M - 1; // only if the atom held more than 1 − q (never by construction)
    let lo = 0;
    let hi = M - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] >= q) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // The atom sits above every lattice point: P(L ≤ kΔ) = cdf[k]. Acerbi & Tasche (2002):
  // ES_q = (E[L·1{L > VaR}] + VaR·(P(L ≤ VaR) − q))/(1 − q); h = 1 above VaR, θ at VaR.
  const tailAt = (q: number) => {
    if (empty) return { index: 0, valueAtRisk: 0, expectedShortfall: 0, theta: 0, atVar: 0 };
    const v = quantileIndex(q);
    const atVar = Math.max(0, 1 - q - (upperMass[v + 1] + atomMass));
    const es = (upperLoss[v + 1] + atomLoss + v * step * atVar) / (1 - q);
    return { index: v, valueAtRisk: v * step, expectedShortfall: es, theta: pmf[v] > 0 ? atVar / pmf[v] : 0, atVar };
  };
  const tails = levels.map(tailAt);
  const ec = tailAt(ecConfidence);
  const expectedLoss = book.expectedLoss;
  const economicCapital = ec.valueAtRisk - expectedLoss;

  // —— standard deviation: E[Var(L|Z)] + Var(E[L|Z]) with the quadrature and exact losses ——
  let secondMoment = 0;
  for (let n = 0; n < K && !empty; n++) {
    let mean = 0;
    let variance = 0;
    for (const g of groups) {
      const p = pz[n * U + g.curve];
      mean += p * g.lossSum;
      variance += p * g.lossSquareSum - (p * p * g.lossSum * g.lossSum) / g.count;
    }
    secondMoment += quadrature.w[n] * (variance + mean * mean);
  }
  const standardDeviation = Math.sqrt(Math.max(0, secondMoment - expectedLoss * expectedLoss));

  // —— pass 2: Euler contributions to ES at ecConfidence ——
  const groupTail = Float64Array.from(atomGroup); // E[X_g·h(L)], the atom entirely in the tail
  let fourierFallbacks = 0;
  const totalTail = empty ? 0 : upperLoss[ec.index + 1] + ec.index * step * ec.atVar + atomLoss; // E[L·h(L)]
  if (!empty) {
    const v = ec.index;
    const f = new Float64Array(M);
    const g = new Float64Array(M);
    const rest = new Float64Array(M);
    const restRe = new Float64Array(half + 1);
    const restIm = new Float64Array(half + 1);
    let hRe: Float64Array | null = null;
    let hIm: Float64Array | null = null;
    // A node is skipped when its whole tail could move the contributions by < 1e-12 of ES·(1−q).
    const threshold = 1e-12 * (1 - ecConfidence) * Math.max(ec.valueAtRisk, step);
    // P(L ≥ VaR | z) falls as z rises: the last relevant node is found by bisection on Chernoff's bound.
    const logThreshold = Math.log(threshold / (latticeSpan * Math.max(...quadrature.w)));
    const negligible = (i: number) => quadrature.z[latticeNodes[i]] > zTail && logTailBound(groups, pz, U, latticeNodes[i], v) < logThreshold;
    let end = latticeNodes.length;
    {
      let lo = 0;
      let hi = latticeNodes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (negligible(mid)) hi = mid;
        else lo = mid + 1;
      }
      end = lo;
    }
    for (let i = 0; i < end; i++) {
      const n = latticeNodes[i];
      const w = quadrature.w[n];
      nodeDistribution(i, f);
      let total = 0;
      let tail = 0;
      for (let k = 0; k < M; k++) {
        total += f[k];
        if (k >= v) tail += f[k];
      }
      if (w * tail * latticeSpan < threshold) continue;
      if (total - tail + f[v] < 1e-13 * total) {
        // The whole node lies above VaR (h = 1): each group contributes its mean.
        for (let gi = 0; gi < G; gi++) groupTail[gi] += w * pz[n * U + groups[gi].curve] * groups[gi].count * groups[gi].meanUnits * step;
        continue;
      }
      let spectrumReady = false;
      for (let gi = 0; gi < G; gi++) {
        const grp = groups[gi];
        const p = pz[n * U + grp.curve];
        if (p <= 0) continue;
        if (grp.aggregate) {
          // E[X·h(L)] = Σ_k k·Δ·P(X = k)·E[h(R + k)], R the rest of the book (its spectrum without this band)
          engine.combine(partsOf(i), engine.bandOrder.indexOf(gi), restRe, restIm);
          realIfft(engine.plan, restRe, restIm, rest, engine.scratchRe, engine.scratchIm);
          groupTail[gi] += w * step * bandTailExpectation(engine.bandDistribution(n, gi), engine.bandRange, rest, v, ec.theta);
          continue;
        }
        const a0 = 1 - p + (grp.lo === 0 ? p * grp.weights[0] : 0);
        let expectation: number;
        if (a0 > 0 && (1 - a0) / a0 < 0.98) expectation = deconvolvedExpectation(f, g, total, v, ec.theta, grp, p, a0);
        else {
          fourierFallbacks++;
          if (!hRe || !hIm) {
            hRe = new Float64Array(half + 1);
            hIm = new Float64Array(half + 1);
            const h = new Float64Array(M);
            h[v] = ec.theta;
            for (let k = v + 1; k < M; k++) h[k] = 1;
            realFft(engine.plan, h, hRe, hIm, engine.scratchRe, engine.scratchIm);
          }
          if (!spectrumReady) {
            realFft(engine.plan, f, specRe, specIm, engine.scratchRe, engine.scratchIm);
            spectrumReady = true;
          }
          expectation = fourierExpectation(engine, specRe, specIm, hRe, hIm, grp, p);
        }
        groupTail[gi] += w * grp.count * p * step * expectation;
      }
    }
  }
  let sumTail = 0;
  for (let gi = 0; gi < G; gi++) sumTail += groupTail[gi];
  const contributionResidual = totalTail > 0 ? Math.abs(sumTail - totalTail) / totalTail : 0;

  // —— contributions to ES and EC ——
  const S = book.segmentKeys.length;
  const segmentTail = new Float64Array(S);
  for (let gi = 0; gi < G; gi++) segmentTail[groups[gi].segment] += groupTail[gi];
  // EC_c = (ES_c − EL_c)·EC/Σ(ES_c − EL_c): the segments sum exactly to EC.
  const denominator = sumTail / (1 - ecConfidence) - expectedLoss;
  const scale = denominator > 0 ? economicCapital / denominator : 0;
  const contribution = (key: string, s: number, clients: number, ead: number, el: number, tailValue: number): RiskContribution => {
    const es = tailValue / (1 - ecConfidence);
    const cap = (es - el) * scale;
    return {
      key,
      segment: book.segmentKeys[s] ?? '',
      clients,
      ead,
      expectedLoss: el,
      expectedShortfallContribution: es,
      economicCapital: cap,
      shareOfEconomicCapital: economicCapital !== 0 ? cap / economicCapital : 0,
    };
  };
  const bySegment = book.segmentKeys.map((key, s) =>
    contribution(key, s, book.segmentClients[s], book.segmentEad[s], book.segmentExpectedLoss[s], segmentTail[s]),
  );
  const nameGroup = new Map<number, number>();
  groups.forEach((g, gi) => g.name >= 0 && nameGroup.set(g.name, gi));
  const topNames = book.topRows.map((row, t) => {
    const e = exposures[row];
    const gi = nameGroup.get(t);
    const s = book.segmentKeys.indexOf(e.segment ?? '');
    return contribution(e.id ?? `#${row}`, s, 1, e.ead, e.ead * e.lgd * e.pd, gi === undefined ? 0 : groupTail[gi]);
  });

  const granular = granularClosedForm(book, levels, ecConfidence);
  const plot = plotData(
    book,
    pmf,
    cdf,
    step,
    M,
    latticeSpan,
    tails.map((t) => t.valueAtRisk).concat(ec.valueAtRisk, granular.valueAtRisk),
    qMax,
    options.plotPoints,
  );
  let last = M - 1;
  while (last > 0 && pmf[last] === 0) last--;

  return {
    expectedLoss,
    standardDeviation,
    quantileLevels: levels,
    quantiles: tails.map((t) => t.valueAtRisk),
    expectedShortfalls: tails.map((t) => t.expectedShortfall),
    ecConfidence,
    valueAtRisk: ec.valueAtRisk,
    expectedShortfall: ec.expectedShortfall,
    economicCapital,
    granularityAddOn: economicCapital - granular.economicCapital,
    grid: {
      lossStep: step,
      probabilities: pmf.slice(0, last + 1),
      beyondGridProbability: atomMass,
      beyondGridMeanLoss: atomMass > 0 ? atomLoss / atomMass : 0,
    },
    plot,
    contributions: { bySegment, topNames },
    granular,
    diagnostics: {
      latticePoints: M,
      quadratureNodes: K,
      atomNodes: K - latticeNodes.length,
      groups: G,
      fourierGroups: engine.fourierOrder.length,
      latticeMean,
      contributionResidual,
      fourierFallbacks,
    },
  };
}

/** Pass 1: Σ over lattice nodes of w·(conditional distribution), mixed in Fourier space when any group lives there. */
function mixNodes(
  engine: ConditionalBook,
  quadrature: Quadrature,
  nodes: number[],
  cache: Float64Array | null,
  stride: number,
  pmf: Float64Array,
  specRe: Float64Array,
  specIm: Float64Array,
): void {
  const half = engine.half;
  const M = engine.M;
  if (engine.usesFourier) {
    const accRe = new Float64Array(half + 1);
    const accIm = new Float64Array(half + 1);
    const scratch = cache ? null : new Float64Array(stride);
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const parts = cache ? cache.subarray(i * stride, (i + 1) * stride) : (scratch as Float64Array);
      engine.parts(n, parts);
      engine.combine(parts, -1, specRe, specIm);
      const w = quadrature.w[n];
      for (let t = 0; t <= half; t++) {
        accRe[t] += w * specRe[t];
        accIm[t] += w * specIm[t];
      }
    }
    realIfft(engine.plan, accRe, accIm, pmf, engine.scratchRe, engine.scratchIm);
    for (let k = 0; k < M; k++) if (pmf[k] < 0) pmf[k] = 0; // FFT round-off (~1e-17) below zero
  } else {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const f = engine.realSpace(n);
      const w = quadrature.w[n];
      for (let k = engine.support[0]; k <= engine.support[1]; k++) pmf[k] += w * f[k];
      if (cache) cache.set(f, i * M);
    }
  }
}

/**
 * The infinitely granular book (ASRF, Gordy 2003): its loss is the decreasing function
 * ℓ(z) = Σ Σℓ·p(z) of Z, so VaR_q = ℓ(Φ⁻¹(1−q)) (Vasicek's formula summed over the book) and
 * ES_q = (1/(1−q))·∫_(−∞)^(Φ⁻¹(1−q)) ℓ(z)φ(z)dz (32-point Gauss–Legendre on [−9, Φ⁻¹(1−q)]).
 */
function granularClosedForm(book: Book, levels: number[], ecConfidence: number): LossDistribution['granular'] {
  const S = book.segmentKeys.length;
  const U = book.curves.length;
  const lossBy = new Float64Array(U * (S + 1)); // Σℓ per curve and segment; column S: the book
  for (const k of book.classes) {
    lossBy[k.curve * (S + 1) + k.segment] += k.lossSum;
    lossBy[k.curve * (S + 1) + S] += k.lossSum;
  }
  const lossAt = (z: number, column: number) => {
    let x = 0;
    for (let u = 0; u < U; u++) {
      const l = lossBy[u * (S + 1) + column];
      if (l > 0) x += l * conditionalPd(book.curves[u], z);
    }
    return x;
  };
  const shortfall = (q: number) => {
    const upper = normalQuantile(1 - q);
    const [x, wt] = GAUSS_LEGENDRE_32;
    const mid = 0.5 * (upper - Z_RANGE);
    const radius = 0.5 * (upper + Z_RANGE);
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      const z = mid + radius * x[i];
      sum += wt[i] * lossAt(z, S) * normalPdf(z);
    }
    return (sum * radius) / (1 - q);
  };
  const zEc = normalQuantile(1 - ecConfidence);
  const valueAtRisk = lossAt(zEc, S);
  return {
    expectedLoss: book.expectedLoss,
    quantiles: levels.map((q) => lossAt(normalQuantile(1 - q), S)),
    expectedShortfalls: levels.map((q) => (U === 0 ? 0 : shortfall(q))),
    valueAtRisk,
    economicCapital: valueAtRisk - book.expectedLoss,
    bySegment: book.segmentKeys.map((segment, s) => {
      const v = lossAt(zEc, s);
      return { segment, ead: book.segmentEad[s], expectedLoss: book.segmentExpectedLoss[s], valueAtRisk: v, economicCapital: v - book.segmentExpectedLoss[s] };
    }),
  };
}

/**
 * The distribution downsampled for charts: `plotPoints` bins from 0 to beyond the largest VaR
 * (1.3×) or the 1 − 0.01·(1−q) quantile, density per yuan and P(L > x); the granular book at the
 * same losses, P(L_granular > x) = Φ(z*) with ℓ(z*) = x and density φ(z*)/|ℓ′(z*)|.
 */
function plotData(
  book: Book,
  pmf: Float64Array,
  cdf: Float64Array,
  step: number,
  M: number,
  span: number,
  vars: number[],
  qMax: number,
  points: number = DEFAULTS.plotPoints,
): LossDistribution['plot'] {
  const n = Math.max(16, Math.floor(points));
  const loss = new Float64Array(n);
  const density = new Float64Array(n);
  const exceedance = new Float64Array(n);
  const granularDensity = new Float64Array(n);
  const granularExceedance = new Float64Array(n);
  if (book.classes.length === 0) return { loss, density, exceedance, granularDensity, granularExceedance };
  const far = (() => {
    const q = Math.min(1 - 1e-5, 1 - 0.01 * (1 - qMax));
    let k = 0;
    while (k < M - 1 && cdf[k] < q) k++;
    return k * step;
  })();
  const xMax = Math.min(span, Math.max(1.3 * Math.max(...vars), far, step * n));
  const cells = Math.max(1, Math.ceil(xMax / step / n));
  // The granular loss curve on a fine grid of z, inverted by interpolation.
  const U = book.curves.length;
  const curveLoss = new Float64Array(U);
  for (const k of book.classes) curveLoss[k.curve] += k.lossSum;
  const zs: number[] = [];
  const ls: number[] = [];
  for (let z = -Z_RANGE; z <= Z_RANGE + 1e-9; z += 0.02) {
    let x = 0;
    for (let u = 0; u < U; u++) x += curveLoss[u] * conditionalPd(book.curves[u], z);
    zs.push(z);
    ls.push(x);
  }
  for (let i = 0; i < n; i++) {
    const k0 = i * cells;
    let mass = 0;
    for (let k = k0; k < Math.min(M, k0 + cells); k++) mass += pmf[k];
    const x = (k0 + 0.5 * (cells - 1)) * step;
    loss[i] = x;
    density[i] = mass / (cells * step);
    exceedance[i] = Math.max(0, 1 - cdf[Math.min(M - 1, k0 + cells - 1)]);
    if (x >= ls[0]) continue; // beyond the granular book's largest loss
    if (x <= ls[ls.length - 1]) {
      granularExceedance[i] = 1;
      continue;
    }
    let lo = 0;
    let hi = ls.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ls[mid] > x) lo = mid;
      else hi = mid;
    }
    const t = (ls[lo] - x) / (ls[lo] - ls[hi]);
    const zStar = zs[lo] + t * (zs[hi] - zs[lo]);
    const slope = (ls[lo] - ls[hi]) / (zs[hi] - zs[lo]);
    granularExceedance[i] = normalCdf(zStar);
    granularDensity[i] = slope > 0 ? normalPdf(zStar) / slope : 0;
  }
  return { loss, density, exceedance, granularDensity, granularExceedance };
}
