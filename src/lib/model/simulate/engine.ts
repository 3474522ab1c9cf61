/**
 * The fast Monte Carlo engine (docs/reference-model.md §7): bands, not clients. Each segment is a few size
 * classes (the book's largest clients as single names, the rest of each segment as bands of
 * consecutive sizes) holding counts of performing clients, in one vintage or two (the book at the
 * start; new clients, when adverse selection or IRB gives them another PD or risk weight). Per
 * step the counts move by binomial draws, as a per-client simulation of the same model would in
 * distribution (reference.ts):
 *
 * 1. the systematic factor Z_t = X_t + shift, X AR(1) with persistence φ, stationary N(0,1);
 * 2. defaults per class ~ Binomial(n, p(Z_t)), p the per-step Vasicek conditional PD; losses at
 *    LGD; defaulted loans sit as NPLs for the workout period, then are written off;
 * 3. attrition per class ~ Binomial(n, a), a from the products held;
 * 4. new lending toward the glide-path target, limited by the book's growth path, by demand
 *    (exp(−ε·Δbp/10)) and by client-manager capacity; new clients' sizes are drawn from the grid
 *    (a multinomial over the classes);
 * 5. loans falling due in segments above their glide path are not renewed, as far as the book
 *    would otherwise outgrow its growth path;
 * 6. loans reprice on their yearly LPR reset (a quarter of the book each quarter), new loans at
 *    the current LPR; deposit rates follow the schedule of setup.ts;
 * 7. the accounting of accounting.ts records the step's figures and breaches.
 *
 * Path i draws from createRng(seed, i)'s numbers only (one Rng reseeded per path), so a path's figures do not
 * depend on which part (worker) computes it.
 */
import { binomialTerms, drawBinomial, Rng, setBinomialTerms, type BinomialTerms } from '../random';
import type { Scenario } from '../scenario';
import { accountStep, createAggregates, initialCapitalState, SERIES_COUNT, SERIES_INDEX, type CapitalState, type StepAggregates } from './accounting';
import { CancelledError, CHECK_EVERY_PATHS } from './cancel';
import { conditionalPd, ensurePdTables, preparedFor, type Prepared } from './setup';
import { evaluate } from '../evaluate';
import type { InitialSnapshot, SeriesKey, SimulatePathsOptions, SimulationPart } from './types';

/** Checks a path range: whole numbers ≥ 0. */
export function checkRange(pathStart: number, pathCount: number): void {
  if (!Number.isInteger(pathStart) || pathStart < 0) throw new RangeError(`pathStart must be a whole number ≥ 0, got ${pathStart}`);
  if (!Number.isInteger(pathCount) || pathCount < 0) throw new RangeError(`pathCount must be a whole number ≥ 0, got ${pathCount}`);
}

/** Number of NPL workout steps. */
export function workoutSteps(prep: Prepared): number {
  return Math.max(0, Math.round((prep.dynamics.nplWorkoutQuarters * prep.stepsPerYear) / 4));
}

/** Client managers the initial book needs: Σ ceil(clients / clients per manager). */
export function initialManagersNeeded(prep: Prepared): number {
  return prep.segments.reduce((a, g) => a + Math.ceil(g.clients0 / g.clientsPerManager), 0);
}

/**
 * Below this many expected removals per class, removeBinomial draws the segment's total and picks who: a pick (a uniform and a
 * short walk) costs about half a binomial draw (an exp, or BTRD's setup), so picking wins below about two per class.
 */
const FEW_PER_CLASS = 2;

/** Scratch for removeBinomial: [exposure at the start, exposure removed, exposure left, clients removed, clients left]. */
const removed = new Float64Array(5);

/** The law of removeBinomial's draws when its rate changes from call to call (set per call, no table). */
const varyingLaw = binomialTerms(0);

/**
 * Removes Binomial(n_c, p) clients from every class c in [from, to) of `counts`, independently,
 * and writes the exposures to `removed`. Two exact methods, picked by the expected number
 * removed (so the choice depends only on the state, never on the worker):
 * - few (N·p below 2 per class): the total D ~ Binomial(N, p) over the N clients of the
 *   classes, then a uniformly random D-subset of them, client by client (given D, who defaults
 *   among exchangeable clients is a uniform subset; the client of rank r is found by walking the
 *   classes from the last); one draw when nobody leaves, the usual case;
 * - many: one binomial per class.
 */
function removeBinomial(counts: Float64Array, exposure: Float64Array, from: number, to: number, p: number, rng: Rng): void {
  setBinomialTerms(varyingLaw, p);
  removeBinomialWithTerms(counts, exposure, from, to, varyingLaw, rng);
}

/** removeBinomial with the law's terms given (binomialTerms, when its rate is fixed for the run: attrition). */
function removeBinomialWithTerms(counts: Float64Array, exposure: Float64Array, from: number, to: number, law: BinomialTerms, rng: Rng): void {
  const p = law.p;
  let N = 0;
  let start = 0;
  for (let c = from; c < to; c++) {
    N += counts[c];
    start += counts[c] * exposure[c];
  }
  removed[0] = start;
  removed[1] = 0;
  removed[2] = start;
  removed[3] = 0;
  removed[4] = N;
  if (N === 0 || p <= 0) return;
  let lost = 0;
  let gone = 0;
  if (p >= 1) {
    for (let c = from; c < to; c++) counts[c] = 0;
    lost = start;
    gone = N;
  } else if (N * p < FEW_PER_CLASS * (to - from)) {
    let d = drawBinomial(N, law, rng);
    gone = d;
    let left = N;
    while (d > 0) {
      // From the last class down: a segment's classes run from its largest loans (single names,
      // one client each) to its smallest (the most clients), so the walk usually stops early.
      let r = Math.floor(rng.next() * left);
      let c = to - 1;
      while (c > from && r >= counts[c]) r -= counts[c--];
      counts[c]--;
      lost += exposure[c];
      left--;
      d--;
    }
  } else {
    for (let c = from; c < to; c++) {
      const n = counts[c];
      if (n > 0) {
        const d = drawBinomial(n, law, rng);
        if (d > 0) {
          counts[c] = n - d;
          lost += d * exposure[c];
          gone += d;
        }
      }
    }
  }
  removed[1] = lost;
  removed[2] = start - lost;
  removed[3] = gone;
  removed[4] = N - gone;
}

/**
 * The conditional laws of addMultinomial's binomials, which depend only on the grid: class c of a
 * segment takes Binomial(k_left, prob[c] / Σ_{c' ≥ c} prob[c']) of the clients left (a share ≥ 1:
 * all that are left). Their terms (binomialTerms) are computed once per run instead of once per
 * path and step.
 */
function multinomialTerms(prep: Prepared): BinomialTerms[] {
  const terms: BinomialTerms[] = [];
  for (const g of prep.segments) {
    let probLeft = 1;
    for (let c = g.classStart; c < g.classEnd; c++) {
      const pc = prep.classProbability[c];
      terms[c] = binomialTerms(pc >= probLeft || c === g.classEnd - 1 ? 1 : pc / probLeft);
      probLeft -= pc;
    }
  }
  return terms;
}

/**
 * Adds k new clients to the classes [from, to) of `counts`, each falling in class c with
 * probability prob[c] (a multinomial), and returns the exposure added: client by client by
 * inversion when k is below the number of classes, else by conditional binomials. The inversion
 * walks from the last class: a segment's last classes are its bands of many sizes, where most of
 * the probability is (its first are single names, 1/grid each), so the walk usually stops early.
 */
function addMultinomial(
  counts: Float64Array,
  exposure: Float64Array,
  prob: Float64Array,
  terms: readonly BinomialTerms[],
  from: number,
  to: number,
  k: number,
  rng: Rng,
): number {
  let amount = 0;
  // Counts as 32-bit integers (a step adds far fewer than 2³¹ clients): V8 hands an integer to drawBinomial as it is, a double in a fresh box.
  k = k | 0;
  if (k < to - from) {
    for (let m = 0; m < k; m++) {
      let v = rng.next();
      let c = to - 1;
      while (c > from && v >= prob[c]) v -= prob[c--];
      counts[c]++;
      amount += exposure[c];
    }
    return amount;
  }
  for (let c = from; c < to && k > 0; c++) {
    const law = terms[c];
    const sc = law.p;
    const m = (sc >= 1 ? k : sc <= 0 ? 0 : drawBinomial(k, law, rng)) | 0;
    if (m > 0) {
      counts[c] += m;
      amount += m * exposure[c];
      k -= m;
    }
  }
  return amount;
}

/**
 * Simulates paths pathStart … pathStart + pathCount − 1 and returns their raw figures.
 * Pure and deterministic: the same (scenario, seed, path index) always gives the same numbers.
 * @example const part = simulatePaths(demoScenario, { seed: 1, pathStart: 0, pathCount: 500 })
 */
export function simulatePaths(scenario: Scenario, options: SimulatePathsOptions): SimulationPart {
  return runFast(preparedFor(scenario, options.book), options);
}

/**
 * One FastPath per preparation, reused by every chunk of a run and by the next runs of the
 * scenario (start() resets it for each path). A new one per chunk would leave its predecessors to
 * the garbage collector, and the optimised code of the engine, which holds their hidden classes
 * weakly, would be thrown away and compiled again in the middle of a run.
 */
const pathEngines = new WeakMap<Prepared, FastPath>();

function pathEngine(prep: Prepared): FastPath {
  let engine = pathEngines.get(prep);
  if (!engine) {
    engine = new FastPath(prep);
    pathEngines.set(prep, engine);
  }
  return engine;
}

export function runFast(prep: Prepared, { seed, pathStart, pathCount, onProgress, isCancelled }: SimulatePathsOptions): SimulationPart {
  checkRange(pathStart, pathCount);
  ensurePdTables(prep);
  const T = prep.steps;
  const S = prep.segments.length;
  const columns = SERIES_COUNT + 2 * S;
  const values = new Float64Array(pathCount * T * columns);
  const breaches = new Uint8Array(pathCount * T);
  const engine = pathEngine(prep);
  for (let i = 0; i < pathCount; i++) {
    if (i % CHECK_EVERY_PATHS === 0) {
      if (isCancelled?.()) throw new CancelledError();
      if (i > 0) onProgress?.(i / pathCount);
    }
    engine.start(seed, pathStart + i);
    for (let t = 1; t <= T; t++) breaches[i * T + t - 1] = engine.step(t, values, ((t - 1) * pathCount + i) * columns);
  }
  onProgress?.(1);
  return { seed, pathStart, pathCount, steps: T, segmentCount: S, columns, values, breaches };
}

/**
 * The state of one path, reused for every path of a run (small methods, so each compiles on its
 * own and stays monomorphic).
 */
class FastPath {
  private readonly rng = new Rng();
  private readonly S: number;
  private readonly P: number;
  private readonly n1: number;
  private readonly W: number;
  private readonly exposure: Float64Array;
  private readonly probability: Float64Array;
  private readonly multinomial: BinomialTerms[];
  /** Performing clients per class: the book at the start (and, when merged, everyone). */
  private readonly nOld: Float64Array;
  /** Performing clients per class who joined during the run with a different PD or risk weight. */
  private readonly nNew: Float64Array;
  private readonly phaseBal: Float64Array;
  private readonly phaseLpr: Float64Array;
  private readonly ringGross: Float64Array;
  private readonly ringNet: Float64Array;
  private readonly perf: Float64Array;
  private readonly target: Float64Array;
  private readonly want: Float64Array;
  private readonly added: Float64Array;
  private readonly leavers: Float64Array;
  private readonly clientsLeft: Float64Array;
  private readonly runOff: Float64Array;
  private readonly isMerged: boolean[];
  private readonly attritionLaw: BinomialTerms[];
  private readonly agg: StepAggregates;
  private readonly capital: CapitalState = { net: 0, tier1: 0, cet1: 0, hqla: 0 };
  private readonly phi: number;
  private readonly innovation: number;
  private readonly neededInitial: number;
  private readonly ftpPassThrough: number;
  private readonly onboarding: number;
  private nplGross = 0;
  private nplNet = 0;
  private headcount = 0;
  private x = 0;
  /** The step's systematic factor Z_t, read by defaults() and record() (a field, not an argument: V8 would box it on each call). */
  private z = 0;
  // per-step results handed from one phase to the next
  private expected = 0;
  private realised = 0;
  private newClients = 0;
  private acquisitionCost = 0;
  /** The book's intended total at this step: Σ segments' glide-path volumes. */
  private totalTarget = 0;

  constructor(private readonly prep: Prepared) {
    const S = prep.segments.length;
    const C = prep.classCount;
    this.S = S;
    this.P = prep.stepsPerYear;
    this.n1 = prep.steps + 1;
    this.W = workoutSteps(prep);
    this.exposure = prep.classExposure;
    this.probability = prep.classProbability;
    this.multinomial = multinomialTerms(prep);
    this.nOld = new Float64Array(C);
    this.nNew = new Float64Array(C);
    this.phaseBal = new Float64Array(S * this.P);
    this.phaseLpr = new Float64Array(S * this.P);
    this.ringGross = new Float64Array(Math.max(1, this.W));
    this.ringNet = new Float64Array(Math.max(1, this.W));
    this.perf = new Float64Array(S);
    this.target = new Float64Array(S);
    this.want = new Float64Array(S);
    this.added = new Float64Array(S);
    this.leavers = new Float64Array(S);
    this.clientsLeft = new Float64Array(S);
    this.runOff = new Float64Array(S);
    // When new loans carry the same PD, risk weight and spread as the old, one vintage is enough (same law, half the draws).
    this.isMerged = prep.segments.map((g) => g.pdStep[1] === g.pdStep[0] && g.riskWeight[1] === g.riskWeight[0] && g.spread[1] === g.spread[0]);
    this.attritionLaw = prep.segments.map((g) => binomialTerms(g.attrition));
    this.agg = createAggregates(S);
    this.phi = Math.min(1, Math.max(-1, prep.dynamics.factorPersistence));
    this.innovation = Math.sqrt(1 - this.phi * this.phi);
    this.neededInitial = initialManagersNeeded(prep);
    this.ftpPassThrough = prep.scenario.market.ftpPassThrough;
    this.onboarding = Math.max(0, prep.scenario.levers.onboardingPerManagerPerQuarter) * (4 / this.P);
  }

  /** Resets the state to the book at t = 0 and the random stream to createRng(seed, path)'s. */
  start(seed: number, path: number): void {
    const { prep, P } = this;
    this.rng.reseed(seed, path);
    this.nOld.set(prep.classInitial);
    this.nNew.fill(0);
    for (let s = 0; s < this.S; s++) {
      for (let j = 0; j < P; j++) {
        this.phaseBal[s * P + j] = prep.segments[s].loans0 / P; // resets spread evenly over the year
        this.phaseLpr[s * P + j] = prep.lpr0;
      }
    }
    this.ringGross.fill(0);
    this.ringNet.fill(0);
    this.nplGross = 0;
    this.nplNet = 0;
    initialCapitalState(prep, this.capital);
    this.headcount = prep.headcount ? prep.headcount[1] : this.neededInitial;
  }

  /** Simulates step t, writes its row into `values` at `row` and returns the breach mask. */
  step(t: number, values: Float64Array, row: number): number {
    // 1. the systematic factor: X_1 from the stationary distribution, then AR(1)
    this.x = t === 1 ? this.rng.normal() : this.phi * this.x + this.innovation * this.rng.normal();
    this.z = this.x + this.prep.factorShift[t];
    this.defaults(t);
    this.attrition();
    this.newLending(t);
    this.runOffAboveGlide();
    this.reprice(t);
    const mask = this.record(t, values, row);
    if (t < this.prep.steps) this.headcount = this.prep.headcount ? this.prep.headcount[t + 1] : values[row + SERIES_INDEX.managersNeeded];
    return mask;
  }

  /** 2. Defaults per class ~ Binomial(n, p(Z)); losses at LGD; NPLs for the workout period. */
  private defaults(t: number): void {
    const { prep, nOld, nNew, exposure, rng, z } = this;
    let expected = 0;
    let realised = 0;
    let defaultedGross = 0;
    let defaultedNet = 0;
    for (let s = 0; s < this.S; s++) {
      const g = prep.segments[s];
      removeBinomial(nOld, exposure, g.classStart, g.classEnd, conditionalPd(prep, s, 0, z), rng);
      const startOld = removed[0];
      let lost = removed[1];
      let after = removed[2];
      let gone = removed[3];
      let startNew = 0;
      if (!this.isMerged[s]) {
        removeBinomial(nNew, exposure, g.classStart, g.classEnd, conditionalPd(prep, s, 1, z), rng);
        startNew = removed[0];
        lost += removed[1];
        after += removed[2];
        gone += removed[3];
      }
      this.leavers[s] = gone;
      expected += (startOld * g.pdStep[0] + startNew * g.pdStep[1]) * g.lgd;
      realised += lost * g.lgd;
      defaultedGross += lost;
      defaultedNet += lost * (1 - g.lgd);
      this.perf[s] = after;
    }
    if (this.W > 0) {
      const k = t % this.W; // the slot of step t − W: written off now
      this.nplGross += defaultedGross - this.ringGross[k];
      this.nplNet += defaultedNet - this.ringNet[k];
      this.ringGross[k] = defaultedGross;
      this.ringNet[k] = defaultedNet;
    }
    this.expected = expected;
    this.realised = realised;
  }

  /** 3. Attrition: clients leave at the rate implied by the products they hold. */
  private attrition(): void {
    const { prep, nOld, nNew, exposure, rng } = this;
    for (let s = 0; s < this.S; s++) {
      const g = prep.segments[s];
      removeBinomialWithTerms(nOld, exposure, g.classStart, g.classEnd, this.attritionLaw[s], rng);
      let after = removed[2];
      let gone = removed[3];
      let left = removed[4];
      if (!this.isMerged[s]) {
        removeBinomialWithTerms(nNew, exposure, g.classStart, g.classEnd, this.attritionLaw[s], rng);
        after += removed[2];
        gone += removed[3];
        left += removed[4];
      }
      this.perf[s] = after;
      this.leavers[s] += gone;
      this.clientsLeft[s] = left;
    }
  }

  /**
   * 4. New lending toward the glide path (its volumes already scaled by the demand each price
   * keeps), within the book's growth path and the client managers' onboarding capacity. Every new
   * client, a replacement of one who left or growth, takes a manager's onboarding time and costs
   * the segment's acquisition cost.
   */
  private newLending(t: number): void {
    const { prep, perf, target, want, runOff, S } = this;
    let totalTarget = 0;
    let runOffMax = 0;
    let totalPerf = 0;
    for (let s = 0; s < S; s++) {
      const g = prep.segments[s];
      target[s] = prep.targetTotal[t] * prep.glide[s * this.n1 + t];
      totalTarget += target[s];
      // Above its target a segment can shed at most its maturing loans, and not below the target.
      runOff[s] = perf[s] > target[s] ? Math.min(g.maturing * perf[s], perf[s] - target[s]) : 0;
      runOffMax += runOff[s];
      totalPerf += perf[s];
    }
    this.totalTarget = totalTarget;
    const room = Math.max(0, totalTarget - (totalPerf - runOffMax));
    let sumWant = 0;
    for (let s = 0; s < S; s++) {
      want[s] = Math.max(0, target[s] - perf[s]);
      sumWant += want[s];
    }
    const growthScale = sumWant > room ? room / sumWant : 1;
    let sumClients = 0;
    let newLoad = 0;
    let load = 0;
    for (let s = 0; s < S; s++) {
      const g = prep.segments[s];
      want[s] = g.meanNewExposure > 0 ? (want[s] * growthScale) / g.meanNewExposure : 0; // now: clients wanted
      sumClients += want[s];
      newLoad += want[s] / g.clientsPerManager;
      load += this.clientsLeft[s] / g.clientsPerManager;
    }
    let capacityScale = 1;
    if (sumClients > 0) {
      capacityScale = Math.min(1, (this.onboarding * this.headcount) / sumClients);
      // A fixed team also cannot look after more clients than it has managers for.
      if (prep.headcount && newLoad * capacityScale > this.headcount - load) capacityScale = Math.max(0, this.headcount - load) / newLoad;
    }
    let newClients = 0;
    let acquisitionCost = 0;
    for (let s = 0; s < S; s++) {
      const g = prep.segments[s];
      const xs = want[s] * capacityScale;
      let k = Math.floor(xs);
      const frac = xs - k;
      if (frac > 0 && this.rng.next() < frac) k++;
      this.added[s] =
        k > 0
          ? addMultinomial(this.isMerged[s] ? this.nOld : this.nNew, this.exposure, this.probability, this.multinomial, g.classStart, g.classEnd, k, this.rng)
          : 0;
      newClients += k;
      acquisitionCost += k * g.acquisitionCostPerClient;
    }
    this.newClients = newClients;
    this.acquisitionCost = acquisitionCost;
  }

  /** 5. Loans falling due above the glide path are not renewed, as far as the book keeps to its growth path. */
  private runOffAboveGlide(): void {
    const { prep, perf, runOff, added, S } = this;
    let runOffMax = 0;
    let totalAfter = 0;
    for (let s = 0; s < S; s++) {
      runOffMax += runOff[s];
      totalAfter += perf[s] + added[s];
    }
    const excess = totalAfter - this.totalTarget;
    if (!(excess > 0 && runOffMax > 0)) return;
    const share = Math.min(1, excess / runOffMax);
    for (let s = 0; s < S; s++) {
      if (runOff[s] <= 0 || perf[s] <= 0) continue;
      const g = prep.segments[s];
      const q = Math.min(1, (runOff[s] * share) / perf[s]);
      removeBinomial(this.nOld, this.exposure, g.classStart, g.classEnd, q, this.rng);
      let after = removed[2];
      if (!this.isMerged[s]) {
        removeBinomial(this.nNew, this.exposure, g.classStart, g.classEnd, q, this.rng);
        after += removed[2];
      }
      perf[s] = after;
    }
  }

  /** 6. Repricing: the loans whose yearly reset falls in step t take its LPR; new loans join them. */
  private reprice(t: number): void {
    const { prep, P, phaseBal, phaseLpr } = this;
    const lprT = prep.lpr[t];
    const j = (t - 1) % P;
    for (let s = 0; s < this.S; s++) {
      const base = s * P;
      let B = 0;
      for (let h = 0; h < P; h++) B += phaseBal[base + h];
      const f = B > 0 ? this.perf[s] / B : 0;
      phaseLpr[base + j] = lprT;
      let interest = 0;
      let balance = 0;
      for (let h = 0; h < P; h++) {
        let b = phaseBal[base + h] * f;
        if (h === j) b += this.added[s];
        phaseBal[base + h] = b;
        interest += b * phaseLpr[base + h];
        balance += b;
      }
      this.agg.interest[s] = interest / P; // the LPR part; record() adds each vintage's spread
      // A loan's FTP is set with its rate: it moves by the pass-through of its LPR since the start, at its reset.
      this.agg.ftpCharge[s] = (balance * prep.segments[s].ftp + this.ftpPassThrough * (interest - balance * prep.lpr0)) / P;
    }
  }

  /** 7. The book at the end of the step, through the accounting. */
  private record(t: number, values: Float64Array, row: number): number {
    const { prep, agg, nOld, nNew, exposure } = this;
    for (let s = 0; s < this.S; s++) {
      const g = prep.segments[s];
      let lo = 0;
      let ln = 0;
      let cl = 0;
      for (let c = g.classStart; c < g.classEnd; c++) {
        lo += nOld[c] * exposure[c];
        ln += nNew[c] * exposure[c];
        cl += nOld[c] + nNew[c];
      }
      agg.loans[s] = lo + ln;
      agg.rwa[s] = lo * g.riskWeight[0] + ln * g.riskWeight[1];
      agg.rwaStandardized[s] = (lo + ln) * g.riskWeightStandardized;
      agg.interest[s] += (lo * g.spread[0] + ln * g.spread[1]) / this.P;
      agg.clients[s] = cl;
    }
    let largest = 0;
    let top10 = 0;
    let taken = 0;
    const byExposure = prep.classByExposure;
    for (let r = 0; r < byExposure.length && taken < 10; r++) {
      const c = byExposure[r];
      const cnt = nOld[c] + nNew[c];
      if (cnt > 0) {
        if (taken === 0) largest = exposure[c];
        const take = Math.min(cnt, 10 - taken);
        top10 += take * exposure[c];
        taken += take;
      }
    }
    agg.lossCharge = this.realised;
    agg.expectedLoss = this.expected;
    agg.realisedLoss = this.realised;
    agg.nplGross = this.nplGross;
    agg.nplNet = this.nplNet;
    agg.largestClient = largest;
    agg.top10 = top10;
    agg.headcount = prep.headcount ? this.headcount : NaN;
    agg.factor = this.z;
    agg.newClients = this.newClients;
    agg.acquisitionCost = this.acquisitionCost;
    return accountStep(prep, agg, this.capital, t, values, row);
  }
}

/** The book at t = 0: evaluate()'s steady state, the same figures the dashboard shows. */
export function initialSnapshot(prep: Prepared): InitialSnapshot {
  const e = evaluate(prep.scenario);
  const snapshot: Record<SeriesKey, number> = {
    netProfit: e.profitability.netProfit,
    netInterestIncome: e.profitability.netInterestIncome,
    nim: e.profitability.nim,
    expectedLoss: e.profitability.expectedLoss,
    realisedLoss: e.profitability.expectedLoss,
    nplRatio: 0,
    capitalAdequacyRatio: e.safety.capitalAdequacyRatio,
    tier1Ratio: e.safety.tier1Ratio,
    cet1Ratio: e.safety.cet1Ratio,
    lcr: e.liquidity.lcr,
    nsfr: e.liquidity.nsfr,
    totalLoans: e.liquidity.totalLoans - prep.scenario.bank.retailLoans,
    corporateDeposits: e.liquidity.corporateDeposits,
    clients: e.safety.clients,
    managersNeeded: e.segments.reduce((a, s) => a + s.managersNeeded, 0),
    newClients: e.segments.reduce((a, s) => a + s.replacements, 0),
    largestClientToCapital: e.safety.largestClientToCapital,
    top10ToCapital: e.safety.top10ToCapital,
    factor: 0,
  };
  return { ...snapshot, segments: e.segments.map((s) => ({ key: s.key, loans: s.loans, clients: s.clients })) };
}
