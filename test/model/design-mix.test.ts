import { describe, expect, it } from 'vitest';
import {
  CONSTRAINT_KEYS,
  LIMITS,
  createMixEvaluator,
  defaultDesignStep,
  demoScenario,
  designMix,
  designTransferables,
  evaluate,
  gridSize,
  mixAt,
  type MixFigures,
  type Scenario,
  type Segment,
} from '../../src/lib/model';
import { YI, atMix, reference, withoutFranchise } from './design-fixtures';

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
    const e = evaluate(
      atMix(
        scenario,
        Array.from({ length: k }, (_, i) => (i === j ? 1 : 0)),
      ),
    );
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
