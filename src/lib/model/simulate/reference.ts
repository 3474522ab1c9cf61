/**
 * The same model as engine.ts, simulated client by client, written straightforwardly: a list of
 * client objects, one Bernoulli draw per client for default and one for attrition (and one for
 * renewal above the glide path), new clients drawn one at a time from the segment's grid of
 * exposures, and the exact conditional PD of vasicek.ts.
 *
 * It exists to check the fast engine (its mean losses and book dynamics must agree,
 * test/model/simulate.test.ts) and to measure the fast engine's speed-up
 * (bench/simulate.bench.ts). Its random numbers are used differently, so single paths differ
 * from the fast engine's; distributions agree. Two small differences by construction: clients
 * keep their exact grid exposure (the fast engine uses the mean of their band), and the yearly
 * reset date of an initial client is its grid index mod stepsPerYear (the fast engine spreads each
 * segment's balance exactly evenly over reset dates).
 */
import type { Scenario } from '../scenario';
import { conditionalDefaultProbability } from '../vasicek';
import { accountStep, createAggregates, initialCapitalState, SERIES_COUNT, SERIES_INDEX, type CapitalState, type StepAggregates } from './accounting';
import { CancelledError, CHECK_EVERY_PATHS } from './cancel';
import { checkRange, initialManagersNeeded, workoutSteps } from './engine';
import { preparedFor, type Prepared } from './setup';
import { Rng } from '../random';
import { summarizeSimulation } from './summary';
import type { SimulateOptions, SimulatePathsOptions, SimulationPart, SimulationResult } from './types';

class Client {
  constructor(
    public segment: number,
    public exposure: number,
    /** Joined during the run (carries the adverse-selection PD). */
    public isNew: boolean,
    /** Step of the year at which its rate resets to the LPR. */
    public resetPhase: number,
    /** LPR its rate is set on. */
    public lpr: number,
  ) {}
}

/** One path of the per-client simulation. */
class ReferencePath {
  private book: Client[] = [];
  private readonly nplHistory: { gross: number; net: number }[] = [];
  private readonly capital: CapitalState;
  private headcount: number;
  private x = 0;
  private readonly S: number;
  private readonly leavers: Float64Array;

  constructor(
    private readonly prep: Prepared,
    private readonly rng: Rng,
    private readonly agg: StepAggregates,
  ) {
    this.S = prep.segments.length;
    this.leavers = new Float64Array(this.S);
    prep.segments.forEach((g, s) => {
      for (let k = 0; k < g.clients0; k++) this.book.push(new Client(s, g.grid[k], false, k % prep.stepsPerYear, prep.lpr0));
    });
    this.capital = initialCapitalState(prep);
    this.headcount = prep.headcount ? prep.headcount[1] : initialManagersNeeded(prep);
  }

  /** Simulates step t and writes its row into `values` at `row`; returns the breach mask. */
  step(t: number, values: Float64Array, row: number): number {
    const { prep, rng, agg } = this;
    const phi = Math.min(1, Math.max(-1, prep.dynamics.factorPersistence));
    this.x = t === 1 ? rng.normal() : phi * this.x + Math.sqrt(1 - phi * phi) * rng.normal();
    const z = this.x + prep.factorShift[t];
    this.leavers.fill(0);
    const losses = this.defaults(z);
    this.attrition();
    const { joined: newClients, acquisitionCost } = this.newLending(t);
    this.reprice(t);

    const top: number[] = [];
    agg.loans.fill(0);
    agg.rwa.fill(0);
    agg.rwaStandardized.fill(0);
    agg.clients.fill(0);
    agg.interest.fill(0);
    agg.ftpCharge.fill(0);
    for (const c of this.book) {
      const g = prep.segments[c.segment];
      agg.loans[c.segment] += c.exposure;
      agg.rwa[c.segment] += c.exposure * g.riskWeight[c.isNew ? 1 : 0];
      agg.rwaStandardized[c.segment] += c.exposure * g.riskWeightStandardized;
      agg.clients[c.segment] += 1;
      agg.interest[c.segment] += (c.exposure * (c.lpr + g.spread[c.isNew ? 1 : 0])) / prep.stepsPerYear;
      agg.ftpCharge[c.segment] += (c.exposure * (g.ftp + prep.scenario.market.ftpPassThrough * (c.lpr - prep.lpr0))) / prep.stepsPerYear;
      if (top.length < 10 || c.exposure > top[top.length - 1]) {
        top.push(c.exposure);
        top.sort((a, b) => b - a);
        if (top.length > 10) top.pop();
      }
    }
    const W = workoutSteps(prep);
    const onBook = W > 0 ? this.nplHistory.slice(-W) : [];
    agg.lossCharge = losses.realised;
    agg.expectedLoss = losses.expected;
    agg.realisedLoss = losses.realised;
    agg.nplGross = onBook.reduce((a, h) => a + h.gross, 0);
    agg.nplNet = onBook.reduce((a, h) => a + h.net, 0);
    agg.largestClient = top[0] ?? 0;
    agg.top10 = top.reduce((a, b) => a + b, 0);
    agg.headcount = prep.headcount ? this.headcount : NaN;
    agg.factor = z;
    agg.newClients = newClients;
    agg.acquisitionCost = acquisitionCost;
    const mask = accountStep(prep, agg, this.capital, t, values, row);
    if (t < prep.steps) this.headcount = prep.headcount ? prep.headcount[t + 1] : values[row + SERIES_INDEX.managersNeeded];
    return mask;
  }

  /** 1. Each client defaults with its conditional PD. */
  private defaults(z: number): { expected: number; realised: number } {
    const { prep, rng } = this;
    const pd = prep.segments.map((g) => [0, 1].map((v) => conditionalDefaultProbability(g.pdStep[v], g.correlation, z)));
    let expected = 0;
    let realised = 0;
    let gross = 0;
    let net = 0;
    const survivors: Client[] = [];
    for (const c of this.book) {
      const g = prep.segments[c.segment];
      const v = c.isNew ? 1 : 0;
      expected += c.exposure * g.pdStep[v] * g.lgd;
      if (rng.next() < pd[c.segment][v]) {
        realised += c.exposure * g.lgd;
        gross += c.exposure;
        net += c.exposure * (1 - g.lgd);
        this.leavers[c.segment]++;
      } else {
        survivors.push(c);
      }
    }
    this.nplHistory.push({ gross, net });
    this.book = survivors;
    return { expected, realised };
  }

  /** 2. Each client leaves with the attrition rate of its segment. */
  private attrition(): void {
    const { prep, rng } = this;
    this.book = this.book.filter((c) => {
      const leaves = rng.next() < prep.segments[c.segment].attrition;
      if (leaves) this.leavers[c.segment]++;
      return !leaves;
    });
  }

  /** 3. New clients toward the glide path, then 4. no renewal above it; returns the clients who joined and what they cost. */
  private newLending(t: number): { joined: number; acquisitionCost: number } {
    const { prep, rng, S } = this;
    const segments = prep.segments;
    const perf = new Float64Array(S);
    const clientsLeft = new Float64Array(S);
    for (const c of this.book) {
      perf[c.segment] += c.exposure;
      clientsLeft[c.segment] += 1;
    }
    const target = new Float64Array(S);
    const runOff = new Float64Array(S);
    const wanted = new Float64Array(S);
    let totalTarget = 0;
    let runOffMax = 0;
    let totalPerf = 0;
    for (let s = 0; s < S; s++) {
      target[s] = prep.targetTotal[t] * prep.glide[s * (prep.steps + 1) + t];
      totalTarget += target[s];
      runOff[s] = perf[s] > target[s] ? Math.min(segments[s].maturing * perf[s], perf[s] - target[s]) : 0;
      runOffMax += runOff[s];
      totalPerf += perf[s];
      wanted[s] = Math.max(0, target[s] - perf[s]);
    }
    const room = Math.max(0, totalTarget - (totalPerf - runOffMax));
    const sumWanted = wanted.reduce((a, b) => a + b, 0);
    const growthScale = sumWanted > room ? room / sumWanted : 1;
    const clients = new Float64Array(S);
    let sumClients = 0;
    let newLoad = 0;
    let load = 0;
    for (let s = 0; s < S; s++) {
      const g = segments[s];
      clients[s] = g.meanNewExposure > 0 ? (wanted[s] * growthScale) / g.meanNewExposure : 0;
      sumClients += clients[s];
      newLoad += clients[s] / g.clientsPerManager;
      load += clientsLeft[s] / g.clientsPerManager;
    }
    const onboarding = Math.max(0, prep.scenario.levers.onboardingPerManagerPerQuarter) * (4 / prep.stepsPerYear);
    let capacityScale = 1;
    if (sumClients > 0) {
      capacityScale = Math.min(1, (onboarding * this.headcount) / sumClients);
      if (prep.headcount && newLoad * capacityScale > this.headcount - load) capacityScale = Math.max(0, this.headcount - load) / newLoad;
    }
    const phase = (t - 1) % prep.stepsPerYear;
    let joined = 0;
    let acquisitionCost = 0;
    let totalAfter = totalPerf;
    for (let s = 0; s < S; s++) {
      const g = segments[s];
      const xs = clients[s] * capacityScale;
      let k = Math.floor(xs);
      if (xs - k > 0 && rng.next() < xs - k) k++;
      joined += k;
      acquisitionCost += k * g.acquisitionCostPerClient;
      for (let m = 0; m < k; m++) {
        const exposure = g.grid[Math.min(g.grid.length - 1, Math.floor(rng.next() * g.grid.length))];
        this.book.push(new Client(s, exposure, true, phase, prep.lpr[t]));
        totalAfter += exposure;
      }
    }
    // 4. loans falling due above the glide path are not renewed, as far as the book keeps to its growth path
    const excess = totalAfter - totalTarget;
    if (excess > 0 && runOffMax > 0) {
      const share = Math.min(1, excess / runOffMax);
      const notRenewed = new Float64Array(S);
      for (let s = 0; s < S; s++) notRenewed[s] = runOff[s] > 0 && perf[s] > 0 ? Math.min(1, (runOff[s] * share) / perf[s]) : 0;
      this.book = this.book.filter((c) => !(notRenewed[c.segment] > 0 && rng.next() < notRenewed[c.segment]));
    }
    return { joined, acquisitionCost };
  }

  /** 5. Loans whose yearly reset falls in this step take the step's LPR. */
  private reprice(t: number): void {
    const phase = (t - 1) % this.prep.stepsPerYear;
    for (const c of this.book) if (c.resetPhase === phase) c.lpr = this.prep.lpr[t];
  }
}

/** The per-client simulation of paths pathStart … pathStart + pathCount − 1, in the fast engine's part format. */
export function simulatePerClientReferencePaths(
  scenario: Scenario,
  { seed, pathStart, pathCount, onProgress, isCancelled }: SimulatePathsOptions,
): SimulationPart {
  checkRange(pathStart, pathCount);
  const prep = preparedFor(scenario);
  const T = prep.steps;
  const S = prep.segments.length;
  const columns = SERIES_COUNT + 2 * S;
  const values = new Float64Array(pathCount * T * columns);
  const breaches = new Uint8Array(pathCount * T);
  const agg = createAggregates(S);
  for (let i = 0; i < pathCount; i++) {
    if (i % CHECK_EVERY_PATHS === 0) {
      if (isCancelled?.()) throw new CancelledError();
      if (i > 0) onProgress?.(i / pathCount);
    }
    // createRng(seed, i)'s numbers, the same stream as the fast engine's path i
    const path = new ReferencePath(prep, new Rng(seed, pathStart + i), agg);
    for (let t = 1; t <= T; t++) breaches[i * T + t - 1] = path.step(t, values, ((t - 1) * pathCount + i) * columns);
  }
  onProgress?.(1);
  return { seed, pathStart, pathCount, steps: T, segmentCount: S, columns, values, breaches };
}

/**
 * The per-client reference run, summarised like simulate().
 * @example simulatePerClientReference(demoScenario, { paths: 200, seed: 1 })
 */
export function simulatePerClientReference(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const paths = options.paths ?? scenario.simulation.paths;
  const seed = options.seed ?? scenario.simulation.seed;
  const pathStart = options.pathStart ?? 0;
  const pathCount = options.pathCount ?? paths - pathStart;
  const part = simulatePerClientReferencePaths(scenario, { seed, pathStart, pathCount, isCancelled: options.isCancelled, onProgress: options.onProgress });
  return summarizeSimulation(scenario, [part]);
}
