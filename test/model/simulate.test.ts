import { describe, expect, it } from 'vitest';
import { preparedFor } from '../../src/lib/model/simulate/setup';
import {
  applyStressPreset,
  attritionRate,
  CancelledError,
  cloneScenario,
  createRng,
  demoScenario,
  Rng,
  evaluate,
  glideShare,
  isCancelledError,
  maturingFraction,
  mergeStepBands,
  simulate,
  simulatePaths,
  simulatePerClientReference,
  splitPaths,
  stepSlice,
  STRESS_PRESETS,
  summarizeSimulation,
  summarizeStepBands,
  type Scenario,
  type SimulationPart,
} from '../../src/lib/model';

/** A scenario with a shorter horizon, for speed. */
function withHorizon(s: Scenario, years: number): Scenario {
  return { ...s, simulation: { ...s.simulation, horizonYears: years } };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Mean and standard error of a number list. */
function meanSe(xs: number[]): { mean: number; se: number } {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, se: Math.sqrt(v / xs.length) };
}

describe('random streams', () => {
  it('an Rng reseeded per path (as the engine’s) gives createRng(seed, i)’s numbers, draw for draw', () => {
    const b = new Rng();
    for (const [seed, stream] of [
      [0, 0],
      [20071101, 7],
      [4294967295, 123456],
      [2 ** 40 + 3, 9], // seeds above 2³² use their high word too
    ]) {
      const a = createRng(seed, stream);
      b.reseed(seed, stream);
      const fromA: number[] = [];
      const fromB: number[] = [];
      for (let i = 0; i < 2000; i++) {
        fromA.push(a.next());
        fromB.push(b.next());
      }
      for (let i = 0; i < 500; i++) {
        fromA.push(a.normal());
        fromB.push(b.normal());
      }
      expect(fromB).toEqual(fromA);
      b.reseed(seed, stream + 1);
      expect(b.next()).toBe(createRng(seed, stream + 1).next());
    }
    expect(createRng(2 ** 40 + 3, 9).next()).not.toBe(createRng(3, 9).next());
  });
});

describe('dynamics helpers', () => {
  it('attrition interpolates the source’s curve: 1 product 1/2, 2 products 1/3, 3+ 10%', () => {
    const curve = [0.5, 1 / 3, 0.1];
    expect(attritionRate(curve, 1)).toBe(0.5);
    expect(attritionRate(curve, 1.5)).toBeCloseTo(0.41667, 5);
    expect(attritionRate(curve, 2.5)).toBeCloseTo(0.21667, 5);
    expect(attritionRate(curve, 4)).toBe(0.1);
    expect(attritionRate(curve, 0.5)).toBe(0.5);
  });

  it('quarterly maturities are the ≤3m bucket; the glide path is linear, pace 0 holds the mix', () => {
    expect(maturingFraction(demoScenario.segments[0].tenor, 0.25)).toBeCloseTo(0.08, 12);
    expect(maturingFraction(demoScenario.segments[2].tenor, 1)).toBeCloseTo(0.85, 12);
    expect(glideShare(0.65, 0.4, 8, 0.25, 4)).toBeCloseTo(0.525, 12);
    expect(glideShare(0.65, 0.4, 8, 0.25, 20)).toBeCloseTo(0.4, 12);
    expect(glideShare(0.65, 0.4, 0, 0.25, 4)).toBe(0.65);
  });

  it('splitPaths covers the paths once, in order', () => {
    expect(splitPaths(10, 3)).toEqual([
      { pathStart: 0, pathCount: 4 },
      { pathStart: 4, pathCount: 3 },
      { pathStart: 7, pathCount: 3 },
    ]);
    expect(splitPaths(2, 5)).toEqual([
      { pathStart: 0, pathCount: 1 },
      { pathStart: 1, pathCount: 1 },
    ]);
  });
});

describe('simulate: reproducible and independent of the split', () => {
  const scenario = withHorizon(demoScenario, 2);

  it('the same seed gives identical results; another seed does not', () => {
    const a = simulate(scenario, { paths: 60, seed: 7 });
    const b = simulate(scenario, { paths: 60, seed: 7 });
    expect(b).toEqual(a);
    const c = simulate(scenario, { paths: 60, seed: 8 });
    expect(c.bands.realisedLoss.mean).not.toEqual(a.bands.realisedLoss.mean);
  });

  it('one part and three parts (in any order) give identical results', () => {
    const whole = simulatePaths(scenario, { seed: 3, pathStart: 0, pathCount: 50 });
    const parts = [
      simulatePaths(scenario, { seed: 3, pathStart: 33, pathCount: 17 }),
      simulatePaths(scenario, { seed: 3, pathStart: 0, pathCount: 13 }),
      simulatePaths(scenario, { seed: 3, pathStart: 13, pathCount: 20 }),
    ];
    // values are step-major within a part: row of (step t, path k) at (t·pathCount + k)·columns
    const row = (part: SimulationPart, t: number, k: number) =>
      Array.from(part.values.subarray((t * part.pathCount + k) * part.columns, (t * part.pathCount + k + 1) * part.columns));
    for (const part of parts) {
      for (let k = 0; k < part.pathCount; k++) {
        for (let t = 0; t < part.steps; t++) expect(row(part, t, k)).toEqual(row(whole, t, part.pathStart + k));
        expect(Array.from(part.breaches.subarray(k * part.steps, (k + 1) * part.steps))).toEqual(
          Array.from(whole.breaches.subarray((part.pathStart + k) * whole.steps, (part.pathStart + k + 1) * whole.steps)),
        );
      }
    }
    const one = summarizeSimulation(scenario, [whole]);
    const three = summarizeSimulation(scenario, parts);
    expect(three).toEqual(one);
    expect(simulate(scenario, { paths: 50, seed: 3 })).toEqual(one);
  });

  it('the steps summarised apart (as the workers share them out) and merged give the same result', () => {
    const parts = [simulatePaths(scenario, { seed: 4, pathStart: 20, pathCount: 30 }), simulatePaths(scenario, { seed: 4, pathStart: 0, pathCount: 20 })];
    const whole = summarizeSimulation(scenario, parts);
    const T = whole.steps;
    const head = summarizeSimulation(scenario, parts, null, { bandSteps: [0, 3] });
    expect(head.bands.netProfit.p50[3]).toBeUndefined(); // left for the other workers
    mergeStepBands(head, summarizeStepBands(parts.map((p) => stepSlice(p, 3, 5, true))));
    mergeStepBands(head, summarizeStepBands(parts.map((p) => stepSlice(p, 5, T, true))));
    expect(head).toEqual(whole);
    expect(() => summarizeStepBands([stepSlice(parts[0], 3, 5), stepSlice(parts[1], 4, 5)])).toThrow(RangeError);
  });

  it('a new seed or number of paths reuses the preparation (and its engine); any other input does not', () => {
    const prepared = preparedFor(scenario);
    expect(preparedFor({ ...scenario, simulation: { ...scenario.simulation, seed: 99, paths: 5 } })).toBe(prepared);
    expect(preparedFor({ ...scenario, market: { ...scenario.market, taxRate: scenario.market.taxRate + 0.01 } })).not.toBe(prepared);
    // a chunk after chunks of another seed and of another scenario draws the same numbers as a fresh one
    const fresh = simulatePaths(scenario, { seed: 5, pathStart: 10, pathCount: 5 });
    simulatePaths(withHorizon(demoScenario, 3), { seed: 6, pathStart: 0, pathCount: 7 });
    simulatePaths({ ...scenario, simulation: { ...scenario.simulation, seed: 6 } }, { seed: 6, pathStart: 0, pathCount: 7 });
    expect(simulatePaths(scenario, { seed: 5, pathStart: 10, pathCount: 5 })).toEqual(fresh);
  });

  it('rejects parts that do not fit together', () => {
    const a = simulatePaths(scenario, { seed: 3, pathStart: 0, pathCount: 5 });
    const gap = simulatePaths(scenario, { seed: 3, pathStart: 6, pathCount: 5 });
    const otherSeed = simulatePaths(scenario, { seed: 4, pathStart: 5, pathCount: 5 });
    expect(() => summarizeSimulation(scenario, [a, gap])).toThrow(RangeError);
    expect(() => summarizeSimulation(scenario, [a, otherSeed])).toThrow(RangeError);
    expect(() => summarizeSimulation(withHorizon(demoScenario, 3), [a])).toThrow(RangeError);
    expect(() => simulatePaths(scenario, { seed: 3, pathStart: -1, pathCount: 5 })).toThrow(RangeError);
  });

  it('records every step of the horizon, with finite numbers and ordered bands', () => {
    const r = simulate(scenario, { paths: 200, seed: 1 });
    expect(r.steps).toBe(8);
    expect(r.time).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    for (const band of [...Object.values(r.bands), ...r.segments.flatMap((g) => [g.loans, g.clients, g.share])]) {
      for (let t = 0; t < r.steps; t++) {
        for (const v of [band.p5[t], band.p25[t], band.p50[t], band.p75[t], band.p95[t], band.mean[t]]) expect(Number.isFinite(v)).toBe(true);
        expect(band.p5[t]).toBeLessThanOrEqual(band.p25[t]);
        expect(band.p25[t]).toBeLessThanOrEqual(band.p50[t]);
        expect(band.p50[t]).toBeLessThanOrEqual(band.p75[t]);
        expect(band.p75[t]).toBeLessThanOrEqual(band.p95[t]);
      }
    }
    expect(r.cumulativeProfit.histogram.counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(r.cumulativeProfit.percentiles.p5).toBeLessThanOrEqual(r.cumulativeProfit.percentiles.p95);
    expect(r.breaches.map((b) => b.key)).toEqual(evaluate(demoScenario).limits.map((l) => l.key));
  });
});

describe('simulate: consistent with the closed form', () => {
  it('at t = 0 the book is evaluate()’s book', () => {
    const e = evaluate(demoScenario);
    const r = simulate(withHorizon(demoScenario, 1), { paths: 4, seed: 1 });
    const i = r.initial;
    expect(i.netProfit).toBeCloseTo(e.profitability.netProfit, 0);
    expect(i.netInterestIncome).toBeCloseTo(e.profitability.netInterestIncome, 0);
    expect(i.expectedLoss).toBeCloseTo(e.profitability.expectedLoss, 0);
    expect(i.nim).toBeCloseTo(e.profitability.nim, 12);
    expect(i.capitalAdequacyRatio).toBeCloseTo(e.safety.capitalAdequacyRatio, 12);
    expect(i.cet1Ratio).toBeCloseTo(e.safety.cet1Ratio, 12);
    expect(i.lcr).toBeCloseTo(e.liquidity.lcr, 12);
    expect(i.nsfr).toBeCloseTo(e.liquidity.nsfr, 12);
    expect(i.corporateDeposits).toBeCloseTo(e.liquidity.corporateDeposits, 0);
    expect(i.clients).toBe(e.safety.clients);
    expect(i.managersNeeded).toBe(e.segments.reduce((a, s) => a + s.managersNeeded, 0));
    expect(i.largestClientToCapital).toBeCloseTo(e.safety.largestClientToCapital, 12);
    expect(i.top10ToCapital).toBeCloseTo(e.safety.top10ToCapital, 12);
  });

  it('a book that cannot move reproduces evaluate() at every step', () => {
    const frozen: Scenario = {
      ...demoScenario,
      segments: demoScenario.segments.map((s) => ({ ...s, pd: 0 })),
      bank: { ...demoScenario.bank, corporateLoanGrowth: 0 },
      levers: { ...demoScenario.levers, targetMix: null, paceQuarters: 0 },
      simulation: { ...demoScenario.simulation, horizonYears: 2, attritionCurve: [0], profitRetention: 0 },
    };
    const e = evaluate(frozen);
    const r = simulate(frozen, { paths: 5, seed: 1 });
    for (let t = 0; t < r.steps; t++) {
      expect(r.bands.netProfit.p5[t] * 4).toBeCloseTo(e.profitability.netProfit, -1);
      expect(r.bands.netProfit.p95[t] * 4).toBeCloseTo(e.profitability.netProfit, -1);
      expect(r.bands.capitalAdequacyRatio.p50[t]).toBeCloseTo(e.safety.capitalAdequacyRatio, 10);
      expect(r.bands.lcr.p50[t]).toBeCloseTo(e.liquidity.lcr, 10);
      expect(r.bands.nsfr.p50[t]).toBeCloseTo(e.liquidity.nsfr, 10);
      expect(r.bands.nim.p50[t]).toBeCloseTo(e.profitability.nim, 10);
      expect(r.bands.totalLoans.p50[t]).toBeCloseTo(demoScenario.bank.corporateLoans, -2);
      expect(r.bands.realisedLoss.p95[t]).toBe(0);
    }
  });

  /**
   * A closed book: no growth (the growth path falls), no maturities (all loans over 5 years, so
   * nothing can be left unrenewed), no attrition, no new lending. Its expected loss over the first
   * year is Σ exposure·(1 − E[Π(1 − p(Z_t))])·LGD: with independent quarters (φ = 0) exactly
   * evaluate()'s EL = Σ L·PD·LGD, since 1 − (1 − PD_q)⁴ = PD. With φ = 0.5 the quarters are
   * correlated and the yearly default chance is lower by about 0.2% of EL (second order), far
   * inside the band.
   */
  it.each([0, 0.5])('the mean one-year loss agrees with the closed-form EL (φ = %f)', (phi) => {
    const closed: Scenario = {
      ...demoScenario,
      segments: demoScenario.segments.map((s) => ({ ...s, tenor: { upTo3m: 0, m3to12: 0, y1to3: 0, y3to5: 0, over5y: 1 } })),
      bank: { ...demoScenario.bank, corporateLoanGrowth: -0.5 },
      levers: { ...demoScenario.levers, targetMix: null, paceQuarters: 0 },
      simulation: { ...demoScenario.simulation, horizonYears: 1, attritionCurve: [0], factorPersistence: phi },
    };
    const r = simulate(closed, { paths: 20000, seed: 2024 });
    expect(r.bands.clients.p95[3]).toBeLessThanOrEqual(r.initial.clients); // nobody joins
    const el = evaluate(closed).profitability.expectedLoss;
    const y1 = r.lossByYear[0];
    expect(Math.abs(y1.mean - el)).toBeLessThan(3.5 * y1.standardError);
    expect(y1.standardError / el).toBeLessThan(0.02); // the band is narrow enough to mean something
  });

  it('with PD 0 there are no losses and no NPLs; with ρ = 0 the factor does not matter', () => {
    const noRisk: Scenario = { ...demoScenario, segments: demoScenario.segments.map((s) => ({ ...s, pd: 0, correlation: 0 })) };
    const r = simulate(withHorizon(noRisk, 2), { paths: 100, seed: 9 });
    for (let t = 0; t < r.steps; t++) {
      expect(r.bands.realisedLoss.p95[t]).toBe(0);
      expect(r.bands.realisedLoss.mean[t]).toBe(0);
      expect(r.bands.expectedLoss.mean[t]).toBe(0);
      expect(r.bands.nplRatio.p95[t]).toBe(0);
    }
    // ρ = 0: defaults are independent of Z, so the persistence and the stress shift change nothing but Z itself.
    const rho0: Scenario = withHorizon({ ...demoScenario, segments: demoScenario.segments.map((s) => ({ ...s, correlation: 0 })) }, 2);
    const a = simulate(rho0, { paths: 100, seed: 9 });
    const b = simulate(
      { ...rho0, simulation: { ...rho0.simulation, factorPersistence: 0.9 }, stress: { ...rho0.stress, factorShift: [-3, -3] } },
      { paths: 100, seed: 9 },
    );
    expect(b.bands.realisedLoss).toEqual(a.bands.realisedLoss);
    expect(b.bands.netProfit).toEqual(a.bands.netProfit);
    expect(b.bands.factor.mean).not.toEqual(a.bands.factor.mean);
  });

  /**
   * The per-client reference simulates the same model client by client. To make the loss check
   * sharp with few reference paths, the factor is switched off (ρ = 0) and PDs are tripled, so
   * the yearly loss is a sum of many independent defaults; the book's dynamics (attrition, new
   * lending under capacity, run-off above the glide path) are compared through clients and loans.
   */
  it('the fast engine and the per-client reference agree (losses, clients, loans)', () => {
    const s: Scenario = withHorizon(
      {
        ...demoScenario,
        segments: demoScenario.segments.map((g) => ({ ...g, correlation: 0 })),
        stress: { ...demoScenario.stress, pdMultiplier: { large: 3, mid: 3, small: 3 } },
      },
      1,
    );
    const fastResult = simulate(s, { paths: 4000, seed: 77 });
    const ref = simulatePerClientReference(s, { paths: 150, seed: 78 });
    const f = fastResult.lossByYear[0];
    const r = ref.lossByYear[0];
    expect(r.standardError / r.mean).toBeLessThan(0.06);
    expect(Math.abs(f.mean - r.mean)).toBeLessThan(4 * Math.hypot(f.standardError, r.standardError));
    const last = fastResult.steps - 1;
    expect(ref.bands.clients.mean[last] / fastResult.bands.clients.mean[last]).toBeCloseTo(1, 2);
    expect(ref.bands.totalLoans.mean[last] / fastResult.bands.totalLoans.mean[last]).toBeCloseTo(1, 2);
    expect(ref.bands.newClients.mean[last] / fastResult.bands.newClients.mean[last]).toBeCloseTo(1, 1);
    for (let g = 0; g < s.segments.length; g++) {
      expect(ref.segments[g].share.mean[last]).toBeCloseTo(fastResult.segments[g].share.mean[last], 2);
    }
  });
});

describe('simulate: the levers move the book', () => {
  it('with pace 0 (or the target = today’s mix) the mix does not move; the demo’s glide path moves it', () => {
    const hold: Scenario = withHorizon({ ...demoScenario, levers: { ...demoScenario.levers, paceQuarters: 0 } }, 3);
    const same: Scenario = withHorizon({ ...demoScenario, levers: { ...demoScenario.levers, targetMix: null } }, 3);
    for (const s of [hold, same]) {
      const r = simulate(s, { paths: 200, seed: 5 });
      r.segments.forEach((g, i) => {
        for (let t = 0; t < r.steps; t++) {
          expect(Math.abs(g.share.p50[t] - demoScenario.segments[i].share)).toBeLessThan(0.005);
          expect(Math.abs(g.share.mean[t] - demoScenario.segments[i].share)).toBeLessThan(0.01);
        }
      });
    }
    const moving = simulate(withHorizon(demoScenario, 3), { paths: 200, seed: 5 });
    const large = moving.segments.find((g) => g.key === 'large')!;
    expect(large.share.p50[moving.steps - 1]).toBeLessThan(0.55);
    expect(moving.bands.clients.p50[moving.steps - 1]).toBeGreaterThan(1.5 * moving.initial.clients);
  });

  it('more client managers speed the rebalancing up; pricing above the market slows it', () => {
    const base = withHorizon(demoScenario, 2);
    const smallShare = (s: Scenario) => simulate(s, { paths: 100, seed: 4 }).segments.find((g) => g.key === 'small')!.share.p50[7];
    const bigTeam = (s: Scenario): Scenario => ({ ...s, levers: { ...s.levers, managerHeadcount: 300, onboardingPerManagerPerQuarter: 10 } });
    const today = smallShare(base);
    const team = smallShare(bigTeam(base));
    expect(team).toBeGreaterThan(today + 0.02);
    // With capacity to spare, demand binds: LPR + 150 bp instead of + 80 bp keeps exp(−0.06·7) ≈ 66% of SME demand.
    const pricey = smallShare(bigTeam({ ...base, segments: base.segments.map((s) => (s.key === 'small' ? { ...s, spreadBp: 150 } : s)) }));
    expect(pricey).toBeLessThan(team - 0.01);
  });
});

describe('stress presets', () => {
  const base = withHorizon(demoScenario, 3);
  const run = (s: Scenario) => simulate(s, { paths: 400, seed: 12 });

  it('are pure functions returning a new scenario', () => {
    const frozen = deepFreeze(cloneScenario(base));
    for (const p of Object.values(STRESS_PRESETS)) {
      const s = p.apply(frozen);
      expect(s).not.toBe(frozen);
      expect(s.segments).toBe(frozen.segments);
    }
    expect(applyStressPreset(frozen, 'recessionYear2').stress.factorShift).toEqual([0, -2]);
    expect(applyStressPreset(applyStressPreset(frozen, 'depositRun'), 'none').stress).toEqual(demoScenario.stress);
  });

  it('a recession in year 2 raises year-2 losses; an LPR cut narrows the margin; a deposit run hits the LCR', () => {
    const none = run(base);
    const recession = run(applyStressPreset(base, 'recessionYear2'));
    expect(recession.lossByYear[1].mean).toBeGreaterThan(2 * none.lossByYear[1].mean);
    expect(recession.lossByYear[1].mean).toBeGreaterThan(2 * recession.lossByYear[0].mean);
    expect(recession.cumulativeProfit.mean).toBeLessThan(none.cumulativeProfit.mean);

    // The shock is the regime the run starts in (t = 0 is the dashboard's steady state after it) ...
    const cut = run(applyStressPreset(base, 'lprCut50bp'));
    expect(cut.initial.netProfit).toBe(evaluate(applyStressPreset(base, 'lprCut50bp')).profitability.netProfit);
    expect(cut.bands.nim.p50[0]).toBeLessThan(none.bands.nim.p50[0]);
    expect(cut.cumulativeProfit.mean).toBeLessThan(none.cumulativeProfit.mean);
    // ... while a cut on the LPR path reaches the loans at their yearly reset, a quarter of the book each quarter.
    const path = run({ ...base, market: { ...base.market, lprPath: [0, -0.005] } });
    const gap = (t: number) => none.bands.nim.p50[t] - path.bands.nim.p50[t];
    expect(Math.abs(gap(3))).toBeLessThan(1e-4); // year 1: no cut yet
    expect(gap(4)).toBeGreaterThan(0); // a quarter of the book has reset
    // after a year every loan has reset: margin over FTP down by (1 − FTP pass-through)·50 bp = 10 bp
    expect(gap(7)).toBeGreaterThan(gap(4) + 0.0005);
    expect(gap(7)).toBeCloseTo(0.001, 3);

    const runOff = run(applyStressPreset(base, 'depositRun'));
    expect(runOff.bands.lcr.p50[0]).toBeLessThan(none.bands.lcr.p50[0] - 0.05);
    expect(runOff.bands.corporateDeposits.p50[0]).toBeLessThan(0.85 * none.bands.corporateDeposits.p50[0]);
    expect(runOff.breaches.find((b) => b.key === 'lcr')!.probability).toBeGreaterThan(0.9);
  });
});

describe('run control', () => {
  const s = withHorizon(demoScenario, 1);

  it('reports progress up to 1 and stops when cancelled', () => {
    const seen: number[] = [];
    simulate(s, { paths: 100, seed: 1, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);

    let checks = 0;
    let progressAtCancel = 0;
    const run = () =>
      simulate(s, {
        paths: 1000,
        seed: 1,
        isCancelled: () => ++checks > 2,
        onProgress: (f) => (progressAtCancel = f),
      });
    expect(run).toThrow(CancelledError);
    expect(checks).toBe(3);
    expect(progressAtCancel).toBeLessThan(0.1);
    try {
      run();
    } catch (e) {
      expect(isCancelledError(e)).toBe(true);
    }
    expect(isCancelledError({ name: 'CancelledError', message: 'from a worker' })).toBe(true);
    expect(isCancelledError(new Error('other'))).toBe(false);
  });

  it('never mutates its inputs', () => {
    const frozen = deepFreeze(cloneScenario(withHorizon(demoScenario, 1)));
    const before = JSON.stringify(frozen);
    simulate(frozen, { paths: 20, seed: 1 });
    simulatePerClientReference(frozen, { paths: 2, seed: 1 });
    const part = simulatePaths(frozen, { seed: 1, pathStart: 0, pathCount: 10 });
    const copy = Float64Array.from(part.values);
    summarizeSimulation(frozen, [part]);
    expect(part.values).toEqual(copy);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('reads scenarios saved before the dynamics fields existed', () => {
    const old = cloneScenario(withHorizon(demoScenario, 1)) as unknown as { simulation: Record<string, unknown> };
    for (const k of ['factorPersistence', 'nplWorkoutQuarters', 'attritionCurve', 'depositPassThrough', 'depositRepricingQuarters', 'profitRetention'])
      delete old.simulation[k];
    const a = simulate(old as unknown as Scenario, { paths: 20, seed: 1 });
    const b = simulate(withHorizon(demoScenario, 1), { paths: 20, seed: 1 });
    expect(a).toEqual(b);
  });
});

describe('a per-path view (means, for the record)', () => {
  it('expected loss per step tracks realised loss on average over the horizon', () => {
    const r = simulate(withHorizon(demoScenario, 2), { paths: 2000, seed: 31 });
    const realised = r.bands.realisedLoss.mean.reduce((a, b) => a + b, 0);
    const expected = r.bands.expectedLoss.mean.reduce((a, b) => a + b, 0);
    const se = Math.sqrt(r.lossByYear.reduce((a, y) => a + y.standardError ** 2, 0) * 2);
    expect(Math.abs(realised - expected)).toBeLessThan(4 * se);
    const { mean } = meanSe(r.bands.factor.mean);
    expect(Math.abs(mean)).toBeLessThan(0.1);
  });
});
