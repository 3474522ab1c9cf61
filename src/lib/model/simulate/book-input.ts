/**
 * The over-time run started from a real loan book (我行实际贷款) instead of the book the scenario's
 * inputs generate. The book comes column-wise (typed arrays, so it crosses a worker boundary as a
 * few buffers, not 200,000 objects). Its obligors are the clients with each group of connected
 * clients (集团客户) summed as one, as the loss engine and the concentration limits count them; an
 * obligor belongs to the segment of its largest loan. The run then starts from those obligors (the
 * largest as single names, the rest of each segment in bands, as setup.ts does for a generated
 * book), and from the book's own totals: each segment's loans, obligor count, exposure-weighted PD
 * and LGD replace the scenario's share, average exposure, PD and LGD, and the corporate book is the
 * book's total. New clients are still won on the scenario's terms.
 */
import type { LoanBookRow } from '../book';
import type { Scenario } from '../scenario';

/** A loan book as the simulation takes it: one entry per loan, column by column. */
export interface SimulationBook {
  /** Index of the loan's segment in the scenario's segment order. */
  segment: Int32Array;
  /** Drawn exposure, yuan. */
  exposure: Float64Array;
  /** 1-year PD, decimal. */
  pd: Float64Array;
  /** LGD, decimal. */
  lgd: Float64Array;
  /** Group of connected clients (index into the book's groups), −1 for a client on its own. */
  group: Int32Array;
}

/** A segment's obligors in the book: their exposures (largest first) and the segment's totals. */
export interface BookSegment {
  /** Obligor exposures, largest first. */
  exposures: Float64Array;
  loans: number;
  /** Exposure-weighted PD and LGD of the segment's loans. */
  pd: number;
  lgd: number;
}

/**
 * Loan-book rows (checked against the scenario's segments) as a SimulationBook; rows of an unknown
 * segment are left out.
 * @example simulationBook([{ id: 'a', segment: 'large', exposure: 5e8, pd: 0.01, lgd: 0.45 }], demoScenario).exposure[0] // 5e8
 */
export function simulationBook(rows: readonly LoanBookRow[], scenario: Scenario): SimulationBook {
  const segmentOf = new Map(scenario.segments.map((s, i) => [s.key, i] as const));
  const groupOf = new Map<string, number>();
  const kept = rows.filter((r) => segmentOf.has(r.segment));
  const n = kept.length;
  const book: SimulationBook = {
    segment: new Int32Array(n),
    exposure: new Float64Array(n),
    pd: new Float64Array(n),
    lgd: new Float64Array(n),
    group: new Int32Array(n),
  };
  kept.forEach((r, i) => {
    book.segment[i] = segmentOf.get(r.segment)!;
    book.exposure[i] = r.exposure;
    book.pd[i] = r.pd;
    book.lgd[i] = r.lgd;
    if (r.group === undefined || r.group === '') book.group[i] = -1;
    else {
      let g = groupOf.get(r.group);
      if (g === undefined) groupOf.set(r.group, (g = groupOf.size));
      book.group[i] = g;
    }
  });
  return book;
}

/** The book's buffers, for a zero-copy postMessage of a copy (`transfer(copy, simulationBookBuffers(copy))`). */
export function simulationBookBuffers(book: SimulationBook): ArrayBuffer[] {
  return [book.segment, book.exposure, book.pd, book.lgd, book.group].map((a) => a.buffer as ArrayBuffer);
}

/** A copy whose buffers may be transferred (each worker of a pool gets its own). */
export function copySimulationBook(book: SimulationBook): SimulationBook {
  return { segment: book.segment.slice(), exposure: book.exposure.slice(), pd: book.pd.slice(), lgd: book.lgd.slice(), group: book.group.slice() };
}

/**
 * The book's obligors by segment: each group summed as one obligor, in the segment of its largest loan.
 * @example bookSegments(book, 3)[0].exposures[0] // the largest obligor of the first segment
 */
export function bookSegments(book: SimulationBook, segmentCount: number): BookSegment[] {
  const n = book.exposure.length;
  const loans = new Float64Array(segmentCount);
  const pdSum = new Float64Array(segmentCount);
  const lgdSum = new Float64Array(segmentCount);
  const single: number[][] = Array.from({ length: segmentCount }, () => []);
  // a group: its total, and the segment and size of its largest loan
  const groups = new Map<number, { total: number; segment: number; largest: number }>();
  for (let i = 0; i < n; i++) {
    const s = book.segment[i];
    const e = book.exposure[i];
    loans[s] += e;
    pdSum[s] += e * book.pd[i];
    lgdSum[s] += e * book.lgd[i];
    const g = book.group[i];
    if (g < 0) single[s].push(e);
    else {
      const entry = groups.get(g);
      if (!entry) groups.set(g, { total: e, segment: s, largest: e });
      else {
        entry.total += e;
        if (e > entry.largest) {
          entry.largest = e;
          entry.segment = s;
        }
      }
    }
  }
  for (const g of groups.values()) single[g.segment].push(g.total);
  return single.map((list, s) => ({
    exposures: Float64Array.from(list).sort().reverse(),
    loans: loans[s],
    pd: loans[s] > 0 ? pdSum[s] / loans[s] : 0,
    lgd: loans[s] > 0 ? lgdSum[s] / loans[s] : 0,
  }));
}

/**
 * The scenario as the book has it: the corporate book is the book's total, and each segment the
 * book holds takes the book's share, obligors (average exposure), PD and LGD. A segment the book
 * does not hold keeps its inputs with no loans at the start.
 */
export function scenarioForBook(scenario: Scenario, segments: readonly BookSegment[]): Scenario {
  const total = segments.reduce((a, s) => a + s.loans, 0);
  if (!(total > 0)) return scenario;
  return {
    ...scenario,
    bank: { ...scenario.bank, corporateLoans: total },
    segments: scenario.segments.map((seg, i) => {
      const b = segments[i];
      if (!b || !(b.loans > 0)) return { ...seg, share: 0 };
      return { ...seg, share: b.loans / total, avgExposure: b.loans / b.exposures.length, pd: b.pd, lgd: b.lgd };
    }),
  };
}

/** A cheap fingerprint of a book (FNV-1a over its values), to memoise what is built from it. */
export function simulationBookKey(book: SimulationBook): string {
  let h = 2166136261;
  const mix = (x: number) => {
    h = Math.imul(h ^ (x | 0), 16777619);
    h = Math.imul(h ^ ((x / 4294967296) | 0), 16777619);
  };
  const n = book.exposure.length;
  for (let i = 0; i < n; i++) {
    mix(book.segment[i]);
    mix(book.exposure[i]);
    mix(book.pd[i] * 1e9);
    mix(book.lgd[i] * 1e9);
    mix(book.group[i]);
  }
  return `${n}-${(h >>> 0).toString(36)}`;
}
