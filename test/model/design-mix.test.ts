import { describe, expect, it } from 'vitest';
import {
  CONSTRAINT_KEYS,
  LIMITS,
  applyLevers,
  createMixEvaluator,
  defaultDesignStep,
  demoScenario,
  designMix,
  designTransferables,
  evaluate,
  gridSize,
  marginalLoan,
  mixAt,
  rebalanceMix,
  tornado,
  withMarginalLoan,
  type Evaluation,
  type MixFigures,
  type Scenario,
  type Segment,
} from '../../src/lib/model';

const YI = 1e8;

/** The scenario with these shares (by segment order). */
function atMix(scenario: Scenario, shares: readonly number[]): Scenario {
  return { ...scenario, segments: scenario.segments.map((s, j) => ({ ...s, share: shares[j] })) };
}

/** The design's figures read from evaluate(), the reference implementation. */
function reference(e: Evaluation): MixFigures {
  return {
    netProfit: e.profitability.netProfit,
    preTaxProfit: e.profitability.preTaxProfit,
    raroc: e.profitability.raroc,
    eva: e.profitability.eva,
    economicCapital: e.safety.economicCapital,
    expectedLoss: e.profitability.expectedLoss,
    rwa: e.safety.rwa,
    capitalAdequacyRatio: e.safety.capitalAdequacyRatio,
    tier1Ratio: e.safety.tier1Ratio,
    cet1Ratio: e.safety.cet1Ratio,
    lcr: e.liquidity.lcr,
    nsfr: e.liquidity.nsfr,
    largestClientToCapital: e.safety.largestClientToCapital,
    top10ToCapital: e.safety.top10ToCapital,
    hhi: e.safety.hhi,
    clients: e.safety.clients,
    managers: e.segments.reduce((a, s) => a + s.managersNeeded, 0),
    corporateDeposits: e.liquidity.corporateDeposits,
  };
}

function expectSameFigures(actual: MixFigures, expected: MixFigures, rel = 1e-9): void {
  for (const key of Object.keys(expected) as (keyof MixFigures)[]) {
    const a = actual[key];
    const b = expected[key];
    const scale = Math.max(Math.abs(b), 1e-300);
    if (Math.abs(a - b) / scale > rel) throw new Error(`${key}: fast path ${a} vs evaluate ${b}`);
  }
}

/** A seeded uniform draw on the simplex (sorted uniforms), so failures reproduce. */
function randomMixes(k: number, count: number, seed: number): number[][] {
  let x = seed >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const out: number[][] = [];
  for (let i = 0; i < count; i++) {
    const cuts = Array.from({ length: k - 1 }, next).sort((a, b) => a - b);
    const edges = [0, ...cuts, 1];
    out.push(Array.from({ length: k }, (_, j) => edges[j + 1] - edges[j]));
  }
  return out;
}

/**
 * The demo bank with no franchise limits: every segment's terms are then the same at any share,
 * so EC and the loan's own figures are linear in its loans (the properties some tests need).
 */
function withoutFranchise(scenario: Scenario): Scenario {
  return { ...scenario, segments: scenario.segments.map((s) => ({ ...s, franchiseShare: 1 })) };
}

/**
 * A toy bank where profit and capital are linear in the shares: no fees, no costs, no
 * deposits, no franchise limit, no funding premium, flat FTP 2%, LPR 3%. A earns most and needs
 * most capital; B earns more than C and needs less (C is dominated).
 */
function toyScenario(): Scenario {
  const base = demoScenario.segments[1];
  const seg = (key: string, spreadBp: number, pd: number, avgExposure: number, sizeSigma: number): Segment => ({
    ...base,
    key,
    name: { zh: key, en: key },
    share: 1 / 3,
    avgExposure,
    sizeSigma,
    pd,
    lgd: 0.5,
    correlation: 0.2,
    spreadBp,
    marketSpreadBp: spreadBp,
    franchiseShare: 1,
    acquisitionCostPerClient: 0,
    undrawnPerLoan: 0,
    smallMicroCap: null,
    depositsPerLoan: 0,
    feePerClient: 0,
    servicingCostPerClient: 0,
  });
  const flat = { upTo3m: 0.02, m3to12: 0.02, y1to3: 0.02, y3to5: 0.02, over5y: 0.02 };
  return {
    ...demoScenario,
    market: { ...demoScenario.market, lpr1y: 0.03, ftpLoans: flat, wholesaleRate: demoScenario.market.ftpDepositCredit },
    bank: { ...demoScenario.bank, corporateLoans: 100 * YI },
    levers: { ...demoScenario.levers, managerCost: 0 },
    segments: [seg('A', 150, 0.02, 0.2 * YI, 0.5), seg('B', 0, 0.002, 0.1 * YI, 0.5), seg('C', 0, 0.01, 0.1 * YI, 0.5)],
  };
}

/** Per-yuan net margin and EC of each segment, read from evaluate() at the corners. */
function corners(scenario: Scenario): { margin: number[]; ec: number[] } {
  const k = scenario.segments.length;
  const L = scenario.bank.corporateLoans;
  const margin: number[] = [];
  const ec: number[] = [];
  for (let j = 0; j < k; j++) {
    const e = evaluate(atMix(scenario, Array.from({ length: k }, (_, i) => (i === j ? 1 : 0))));
    margin.push(e.profitability.netProfit / L);
    ec.push(e.safety.economicCapital / L);
  }
  return { margin, ec };
}

describe('designMix: the grid', () => {
  const d = designMix(demoScenario);

  it('has 5,151 mixes at 1 pp for three segments, each distinct, on the lattice and summing to 1', () => {
    expect(d.count).toBe(5151);
    expect(d.step).toBe(0.01);
    expect(d.value.length).toBe(5151);
    const seen = new Set<string>();
    const problems: string[] = [];
    for (let i = 0; i < d.count; i++) {
      const u = Array.from(d.units.subarray(i * 3, i * 3 + 3));
      const s = Array.from(d.shares.subarray(i * 3, i * 3 + 3));
      if (u[0] + u[1] + u[2] !== 100) problems.push(`units ${i}`);
      if (Math.abs(s[0] + s[1] + s[2] - 1) > 1e-12) problems.push(`sum ${i}`);
      if (s.some((x, j) => x !== u[j] / 100)) problems.push(`lattice ${i}`);
      seen.add(u.join(','));
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(5151);
  });

  it('counts mixes as C(N+k−1, k−1) and coarsens the default step for more segments', () => {
    expect(gridSize(3, 100)).toBe(5151);
    expect(gridSize(4, 50)).toBe(23426);
    expect(gridSize(2, 100)).toBe(101);
    expect(defaultDesignStep(3)).toBe(0.01);
    expect(defaultDesignStep(4)).toBe(0.02);
    expect(defaultDesignStep(5)).toBe(0.05);
    expect(() => designMix(demoScenario, { step: 0.03 })).toThrow(RangeError);
  });

  it('puts the demo bank where it is: 65/25/10 is a grid point, feasible under the regulatory limits', () => {
    expect(mixAt(d, d.currentIndex).mix).toEqual({ large: 0.65, mid: 0.25, small: 0.1 });
    expect(d.current.isFeasible).toBe(true);
    expectSameFigures(d.current.figures, reference(evaluate(demoScenario)));
    expectSameFigures(mixAt(d, d.currentIndex).figures, d.current.figures, 1e-12);
  });

  it('marks each mix with the constraints it breaks, and only those', () => {
    const ev = designMix(demoScenario, { constraints: { lcr: true, top10ToCapital: true, economicCapital: 60 * YI } });
    let infeasible = 0;
    const problems: number[] = [];
    for (let i = 0; i < ev.count; i++) {
      const p = mixAt(ev, i);
      const expected: string[] = [];
      if (p.figures.lcr < LIMITS.lcr) expected.push('lcr');
      if (p.figures.top10ToCapital > LIMITS.top10ToCapital) expected.push('top10ToCapital');
      if (p.figures.economicCapital > 60 * YI) expected.push('economicCapital');
      let ok = [...p.violations].sort().join() === expected.sort().join() && p.isFeasible === (expected.length === 0);
      if (!p.isFeasible) {
        infeasible++;
        ok &&= CONSTRAINT_KEYS[ev.primaryViolation[i]] === p.violations[0];
      } else ok &&= ev.primaryViolation[i] === 255;
      if (!ok) problems.push(i);
    }
    expect(problems).toEqual([]);
    expect(infeasible).toBeGreaterThan(100);
    expect(infeasible).toBeLessThan(ev.count);
  });

  it('the best mix is the best feasible value, for each objective', () => {
    for (const objective of ['netProfit', 'raroc', 'eva'] as const) {
      const r = designMix(demoScenario, { objective, constraints: { managers: true, lcr: true } });
      expect(r.bestIndex).toBeGreaterThanOrEqual(0);
      let max = -Infinity;
      for (let i = 0; i < r.count; i++) if (r.feasible[i]) max = Math.max(max, r.value[i]);
      expect(r.value[r.bestIndex]).toBe(max);
      expect(r.best?.value).toBe(r.figures[objective][r.bestIndex]);
    }
  });

  it('keeps its arrays transferable and does not mutate the scenario', () => {
    const before = JSON.stringify(demoScenario);
    const r = designMix(demoScenario, { objective: 'eva' });
    expect(JSON.stringify(demoScenario)).toBe(before);
    const buffers = designTransferables(r);
    expect(buffers.length).toBeGreaterThanOrEqual(6 + 18);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('runs for four segments on the coarser default grid', () => {
    const extra: Segment = { ...demoScenario.segments[2], key: 'micro', share: 0, avgExposure: 100e4, sizeSigma: 0.8, pd: 0.04 };
    const four = { ...demoScenario, segments: [...demoScenario.segments, extra] };
    const r = designMix(four, { constraints: {} });
    expect(r.step).toBe(0.02);
    expect(r.count).toBe(23426);
    expect(r.best).not.toBeNull();
    for (let i = 0; i < r.count; i += 997) {
      const s = Array.from(r.shares.subarray(i * 4, i * 4 + 4));
      expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
  });
});

describe('designMix: a hand-built scenario whose optimum is known', () => {
  const toy = toyScenario();
  const { margin, ec } = corners(toy);

  it('is built as intended: A earns and costs most, C is dominated by B', () => {
    expect(margin[0]).toBeGreaterThan(margin[1]);
    expect(margin[1]).toBeGreaterThan(margin[2]);
    expect(ec[0]).toBeGreaterThan(ec[2]);
    expect(ec[2]).toBeGreaterThan(ec[1]);
  });

  it('an EC budget binds on the A–B edge at s* = (b − e_B)/(e_A − e_B), found to within one grid step', () => {
    const sStar = 0.5371;
    const budget = toy.bank.corporateLoans * (ec[1] + sStar * (ec[0] - ec[1]));
    const r = designMix(toy, { constraints: { economicCapital: budget } });
    const best = r.best!;
    expect(best.shares[0]).toBeLessThanOrEqual(sStar);
    expect(sStar - best.shares[0]).toBeLessThan(0.01);
    expect(best.shares[2]).toBe(0);
    expect(best.mix).toEqual({ A: 0.53, B: 0.47, C: 0 });
    expect(r.binding).toEqual(['economicCapital']);
    const at = r.atOptimum.find((c) => c.key === 'economicCapital')!;
    expect(at.blocksImprovement).toBe(true);
    expect(at.slack).toBeGreaterThan(0);
    expect(at.slack).toBeCloseTo((sStar - 0.53) * (ec[0] - ec[1]) * toy.bank.corporateLoans, -2);
  });

  it('agrees with a brute force over evaluate() on every mix', () => {
    const budget = toy.bank.corporateLoans * (ec[1] + 0.5371 * (ec[0] - ec[1]));
    const r = designMix(toy, { constraints: { economicCapital: budget } });
    let bestIndex = -1;
    let bestValue = -Infinity;
    const mismatches: number[] = [];
    for (let i = 0; i < r.count; i++) {
      const e = evaluate(atMix(toy, Array.from(r.shares.subarray(i * 3, i * 3 + 3))));
      const ok = e.safety.economicCapital <= budget;
      if (r.feasible[i] !== (ok ? 1 : 0)) mismatches.push(i);
      if (ok && e.profitability.netProfit > bestValue) {
        bestValue = e.profitability.netProfit;
        bestIndex = i;
      }
    }
    expect(mismatches).toEqual([]);
    expect(r.bestIndex).toBe(bestIndex);
  });

  it('a single-client limit binds at s* = limit·capital / L when segment A is one client', () => {
    const oneClient: Scenario = {
      ...toy,
      bank: { ...toy.bank, netCapital: 0.8 * toy.bank.corporateLoans },
      segments: toy.segments.map((s, j) => (j === 0 ? { ...s, avgExposure: 1e15 } : s)),
    };
    const limit = 0.52;
    const sStar = (limit * oneClient.bank.netCapital) / oneClient.bank.corporateLoans; // 0.416
    const r = designMix(oneClient, { constraints: { singleClientToCapital: limit } });
    expect(r.best!.mix).toEqual({ A: 0.41, B: 0.59, C: 0 });
    expect(sStar - r.best!.shares[0]).toBeLessThan(0.01);
    expect(r.binding).toEqual(['singleClientToCapital']);
    // along A's share the largest client is A itself: s·L / capital
    const i = r.bestIndex;
    expect(r.figures.largestClientToCapital[i]).toBeCloseTo((0.41 * oneClient.bank.corporateLoans) / oneClient.bank.netCapital, 12);
  });

  it('without constraints the optimum is the most profitable corner and nothing binds', () => {
    const r = designMix(toy, { constraints: {} });
    expect(r.best!.mix).toEqual({ A: 1, B: 0, C: 0 });
    expect(r.binding).toEqual([]);
  });
});

describe('designMix: feasibility is monotone where it must be', () => {
  const ecNow = evaluate(demoScenario).safety.economicCapital;

  it('tightening the EC budget never enlarges the feasible set', () => {
    const all = designMix(demoScenario, { constraints: {} }).figures.economicCapital;
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    let previous: Uint8Array | null = null;
    let previousCount = Infinity;
    for (const f of [0.95, 0.7, 0.5, 0.3, 0.1]) {
      const r = designMix(demoScenario, { constraints: { economicCapital: lo + f * (hi - lo) } });
      const n = r.feasible.reduce((a, x) => a + x, 0);
      expect(n).toBeGreaterThan(0);
      if (previous) {
        const prev: Uint8Array = previous;
        expect(r.feasible.every((x, i) => x <= prev[i])).toBe(true);
        expect(n).toBeLessThan(previousCount);
      }
      previous = r.feasible;
      previousCount = n;
    }
  });

  it('on an edge where EC rises with a share, the feasible mixes form a prefix', () => {
    const linear = withoutFranchise(demoScenario);
    const r = designMix(linear, { constraints: { economicCapital: evaluate(linear).safety.economicCapital } });
    for (const [a, b] of [
      [0, 2],
      [0, 1],
      [1, 2],
    ]) {
      const edge: number[] = [];
      for (let i = 0; i < r.count; i++) if (r.units[i * 3 + 3 - a - b] === 0) edge.push(i);
      expect(edge.length).toBe(101);
      edge.sort((x, y) => r.figures.economicCapital[x] - r.figures.economicCapital[y]);
      const flags = edge.map((i) => r.feasible[i]);
      const firstInfeasible = flags.indexOf(0);
      if (firstInfeasible >= 0) expect(flags.slice(firstInfeasible).every((f) => f === 0)).toBe(true);
      // EC is linear in the shares along the edge: sorting by EC sorts by one segment's share
      const sa = edge.map((i) => r.units[i * 3 + a]);
      const isMonotone = sa.every((x, j) => j === 0 || x >= sa[j - 1]) || sa.every((x, j) => j === 0 || x <= sa[j - 1]);
      expect(isMonotone).toBe(true);
    }
  });
});

describe('designMix: the efficient frontier', () => {
  it('is non-decreasing, feasible, and no feasible mix lies above it', () => {
    const r = designMix(demoScenario);
    const { indices, economicCapital, netProfit } = r.frontier;
    expect(indices.length).toBeGreaterThan(10);
    for (let j = 1; j < indices.length; j++) {
      expect(economicCapital[j]).toBeGreaterThan(economicCapital[j - 1]);
      expect(netProfit[j]).toBeGreaterThan(netProfit[j - 1]);
    }
    for (const i of indices) expect(r.feasible[i]).toBe(1);
    const above: number[] = [];
    for (let i = 0; i < r.count; i++) {
      if (!r.feasible[i]) continue;
      // best frontier profit at EC ≤ this mix's EC
      let envelope = -Infinity;
      for (let j = 0; j < indices.length && economicCapital[j] <= r.figures.economicCapital[i]; j++) envelope = netProfit[j];
      if (envelope < r.figures.netProfit[i]) above.push(i);
    }
    expect(above).toEqual([]);
    // its top is the best net profit of the design
    expect(netProfit[netProfit.length - 1]).toBe(r.value[r.bestIndex]);
  });
});

describe('the fast path equals evaluate()', () => {
  it('at random mixes of the demo bank, to 1e-9 relative', () => {
    const ev = createMixEvaluator(demoScenario);
    for (const mix of randomMixes(3, 150, 7)) expectSameFigures(ev.figures(mix), reference(evaluate(atMix(demoScenario, mix))));
  });

  it('under IRB, stress and a deposit run-off', () => {
    const s: Scenario = {
      ...demoScenario,
      settings: { ...demoScenario.settings, capitalApproach: 'irb' },
      stress: { factorShift: [], pdMultiplier: { small: 1.8, large: 1.3 }, lprShock: -0.0025, depositRunOff: 0.2 },
    };
    const ev = createMixEvaluator(s);
    for (const mix of randomMixes(3, 60, 11)) expectSameFigures(ev.figures(mix), reference(evaluate(atMix(s, mix))));
  });

  it('with a segment of 100,000+ clients (the closed-form size shape) and four segments', () => {
    const micro: Segment = { ...demoScenario.segments[2], key: 'micro', share: 0.1, avgExposure: 50e4, sizeSigma: 1.2, pd: 0.04 };
    const s = { ...demoScenario, segments: [...demoScenario.segments, micro] };
    const ev = createMixEvaluator(s);
    const mixes = randomMixes(4, 25, 3);
    mixes.push([0, 0, 0.2, 0.8], [0, 0, 0, 1]);
    for (const mix of mixes) expectSameFigures(ev.figures(mix), reference(evaluate(atMix(s, mix))));
  });

  it('at grid points read back from the typed arrays', () => {
    const r = designMix(demoScenario, { constraints: {} });
    for (let i = 0; i < r.count; i += 73) {
      expectSameFigures(mixAt(r, i).figures, reference(evaluate(atMix(demoScenario, mixAt(r, i).shares))));
    }
  });

  it('the check itself catches a wrong figure', () => {
    const f = reference(evaluate(demoScenario));
    expect(() => expectSameFigures({ ...f, lcr: f.lcr * (1 + 1e-8) }, f)).toThrow(/lcr/);
  });
});

describe('marginalLoan: one more loan', () => {
  it('its figures are the differences evaluate() sees when the loan joins the book (no franchise limit: terms linear in loans)', () => {
    const bank = withoutFranchise(demoScenario);
    for (const [segmentKey, amount] of [
      ['small', 600e4],
      ['mid', 1.5 * YI],
      ['large', 20 * YI],
    ] as const) {
      const m = marginalLoan(bank, { segmentKey, amount });
      const before = evaluate(bank);
      const after = evaluate(withMarginalLoan(bank, segmentKey, amount));
      const i = bank.segments.findIndex((s) => s.key === segmentKey);
      expect(after.segments[i].loans - before.segments[i].loans).toBeCloseTo(amount, 0);
      for (let j = 0; j < 3; j++) if (j !== i) expect(after.segments[j].loans).toBeCloseTo(before.segments[j].loans, 0);
      const rel = (x: number, y: number) => expect(Math.abs(x - y) / Math.abs(y)).toBeLessThan(1e-6);
      rel(m.netInterestIncome, after.profitability.netInterestIncome - before.profitability.netInterestIncome);
      rel(m.depositMargin, after.profitability.depositMargin - before.profitability.depositMargin);
      rel(m.expectedLoss, after.profitability.expectedLoss - before.profitability.expectedLoss);
      rel(m.economicCapital, after.safety.economicCapital - before.safety.economicCapital);
      rel(m.deposits, after.liquidity.corporateDeposits - before.liquidity.corporateDeposits);
      rel(m.rwa, after.safety.corporateRwa - before.safety.corporateRwa);
      rel(m.fundingCost, after.profitability.fundingCost - before.profitability.fundingCost);
      expect(m.lcr.before).toBe(before.liquidity.lcr);
      expect(m.lcr.after).toBe(after.liquidity.lcr);
      expect(m.nsfr.change).toBe(after.liquidity.nsfr - before.liquidity.nsfr);
      expect(m.capitalAdequacyRatio.change).toBe(after.safety.capitalAdequacyRatio - before.safety.capitalAdequacyRatio);
      expect(m.raroc).toBeCloseTo(m.netProfit / m.economicCapital, 12);
      expect(m.eva).toBeCloseTo(m.netProfit - 0.1 * m.economicCapital, 6);
      expect(m.netProfit).toBeCloseTo(m.preTaxProfit * 0.75, 6);
      expect(m.singleClient.largestClientToCapital.before).toBeCloseTo(before.safety.largestClientToCapital, 12);
      expect(m.top10ToCapital.before).toBeCloseTo(before.safety.top10ToCapital, 12);
    }
  });

  it('a small SME loan clears the hurdle at the demo pricing, and the hurdle spread is where RAROC = hurdle', () => {
    const m = marginalLoan(demoScenario, { segmentKey: 'small', amount: 600e4 });
    expect(m.raroc).toBeGreaterThan(0.1);
    expect(m.isAboveHurdle).toBe(true);
    expect(m.hurdleSpreadBp).not.toBeNull();
    expect(m.hurdleSpreadBp!).toBeLessThan(80);
    // At or below the market spread the price moves no client, so the repriced loan's RAROC is the hurdle exactly.
    const repriced = applyLevers(demoScenario, { spreadBp: { small: m.hurdleSpreadBp! } });
    expect(marginalLoan(repriced, { segmentKey: 'small', amount: 600e4 }).raroc).toBeCloseTo(0.1, 10);
  });

  it('a big loan becomes the largest client and breaks the 10% single-client limit', () => {
    const nc = demoScenario.bank.netCapital;
    const m = marginalLoan(demoScenario, { segmentKey: 'large', amount: 0.125 * nc });
    expect(m.singleClient.sizeToCapital).toBeCloseTo(0.125, 12);
    expect(m.singleClient.isWithinLimit).toBe(false);
    expect(m.singleClient.isLargestClient).toBe(true);
    expect(m.singleClient.largestClientToCapital.after).toBeCloseTo(0.125, 12);
    expect(m.top10ToCapital.change).toBeGreaterThan(0);
    const small = marginalLoan(demoScenario, { segmentKey: 'large', amount: 0.05 * nc });
    expect(small.singleClient.isLargestClient).toBe(false);
    expect(small.singleClient.largestClientToCapital.change).toBe(0);
    expect(small.singleClient.isWithinLimit).toBe(true);
  });

  it('rejects unknown segments and non-positive amounts', () => {
    expect(() => marginalLoan(demoScenario, { segmentKey: 'nope', amount: 1e6 })).toThrow(RangeError);
    expect(() => marginalLoan(demoScenario, { segmentKey: 'small', amount: 0 })).toThrow(RangeError);
  });
});

describe('tornado', () => {
  it('is sorted by effect and speaks in levers with stated steps', () => {
    for (const metric of ['netProfit', 'raroc', 'capitalAdequacyRatio', 'lcr', 'nsfr'] as const) {
      const t = tornado(demoScenario, metric);
      expect(t.base).toBe(reference(evaluate(demoScenario))[metric]);
      for (let j = 1; j < t.bars.length; j++) expect(t.bars[j].effect).toBeLessThanOrEqual(t.bars[j - 1].effect);
      expect(t.bars[0].effect).toBeGreaterThan(0);
    }
  });

  it('moves each lever by its step: spread ±15 bp, LPR ±25 bp, mix ±5 pp rebalanced', () => {
    const t = tornado(demoScenario, 'netProfit');
    const bar = (id: string) => t.bars.find((b) => b.id === id)!;
    const L = demoScenario.bank.corporateLoans;
    // spread −15 bp on the small segment (below the market: no client moves): Δnet = −L·s·0.0015·(1 − 25%)
    const small = bar('spread.small');
    expect(small.low).toBe(65);
    expect(small.high).toBe(95);
    expect(small.down).toBeCloseTo(-L * 0.1 * 0.0015 * 0.75, 2);
    // +15 bp above the market: more per yuan on fewer loans, with worse borrowers
    const raised = evaluate(applyLevers(demoScenario, { spreadBp: { small: 95 } })).profitability.netProfit;
    expect(small.up).toBeCloseTo(raised - t.base, 2);
    const lpr = bar('lpr');
    expect(lpr.high - lpr.value).toBeCloseTo(0.0025, 12);
    // mix: the large share to 70%, the others in proportion
    const mix = bar('mix.large');
    expect(mix.high).toBeCloseTo(0.7, 12);
    const expected = evaluate(atMix(demoScenario, rebalanceMix([0.65, 0.25, 0.1], 0, 0.7))).profitability.netProfit;
    expect(mix.up).toBeCloseTo(expected - t.base, 2);
    const pd = bar('pd.small');
    expect(pd.stepKind).toBe('relative');
    expect(pd.high).toBeCloseTo(0.036, 12);
    // products per client lowers attrition, so fewer clients to replace at the acquisition cost
    expect(bar('productsPerClient.small').up).toBeGreaterThan(0);
  });

  it('takes custom steps and can add the input sensitivities', () => {
    const t = tornado(demoScenario, 'lcr', { step: { mix: 0.1 }, inputs: true });
    expect(t.bars.find((b) => b.id === 'mix.small')!.high).toBeCloseTo(0.2, 12);
    expect(t.inputs!.length).toBeGreaterThan(10);
  });
});
