/**
 * A real loan book name by name (docs/reference-model.md §2, §5, §6): the whole book's loss distribution, each
 * client's expected loss, economic capital and RAROC, the groups of connected clients (集团客户)
 * summed, and the names that matter (largest by loans, by EL, by capital).
 *
 * Per-client figures are kept in columns (typed arrays) so a 200,000-row book stays small and can
 * be transferred out of a worker without copying.
 */
import { concentration, CONCENTRATION_LIMITS, loanBookExposures, type Concentration, type LoanBookRow } from './book';
import { EC_CONFIDENCE, evaluateClosedForm, type Evaluation } from './closed-form';
import { lossDistribution, type CreditExposure, type LossDistribution } from './loss-distribution';
import type { Scenario } from './scenario';
import { vasicekLossQuantile } from './vasicek';

export interface ClientRiskOptions {
  /**
   * The largest names (by exposure) whose Euler contribution to EC is computed exactly by the loss
   * distribution. The others share their segment's remaining contribution in proportion to their
   * granular (Vasicek) capital. Default 50 (each exact name is a class of its own in the
   * distribution, so the run slows as this grows).
   */
  exactNames?: number;
  /** Confidence levels of VaR and ES besides EC's 99.9%. Default [0.99, 0.999]. */
  quantiles?: number[];
  /** The rows' exposures when the caller has them already (loanBookExposures(rows, scenario)). */
  exposures?: CreditExposure[];
}

/** Per-client columns: index i is the i-th row of the book, in the order given. */
export interface ClientColumns {
  ids: string[];
  segments: string[];
  /** Group of connected clients; '' for a client on its own. */
  groups: string[];
  exposure: Float64Array;
  /** PD under the scenario's stress, decimal. */
  pd: Float64Array;
  lgd: Float64Array;
  /** EAD·PD·LGD, yuan. */
  expectedLoss: Float64Array;
  /** Contribution to the book's economic capital at 99.9%, yuan; sums to the book's EC. */
  economicCapital: Float64Array;
  /** 1 where economicCapital is the exact Euler contribution, 0 where it is allocated within the segment. */
  isExact: Uint8Array;
  /** Net profit of the client after tax, yuan (see clientRisk()). */
  netProfit: Float64Array;
  /** netProfit / economicCapital; NaN where the client holds no capital. */
  raroc: Float64Array;
  /** Exposure of the client's obligor: the group's total, or the client's own. */
  obligorExposure: Float64Array;
  /** Room under the concentration limit that binds the client, yuan (negative: over the limit). */
  headroom: Float64Array;
}

export interface GroupRisk {
  group: string;
  clients: number;
  exposure: number;
  expectedLoss: number;
  economicCapital: number;
  netProfit: number;
  raroc: number;
  /** exposure / net capital. */
  shareOfNetCapital: number;
  /** 15% of net capital − exposure, yuan. */
  headroom: number;
}

export interface ClientRisk {
  netCapital: number;
  /** The book's loss distribution (exposures from loanBookExposures()). */
  distribution: LossDistribution;
  /** The scenario's closed-form year, whose per-segment margins price the clients. */
  evaluation: Evaluation;
  clients: ClientColumns;
  /** Groups with at least one client, largest exposure first. */
  groups: GroupRisk[];
  /** Clients one by one (engine's concentration()). */
  concentration: Concentration;
  /** Obligors: each group summed as one client, the others on their own (top-10 and largest obligor). */
  obligorConcentration: Concentration;
  /** The book's EC and the net profit of all clients: the book's RAROC. */
  totals: { exposure: number; expectedLoss: number; economicCapital: number; netProfit: number; raroc: number };
}

/**
 * The loan book's risk and return client by client.
 *
 * - Loss distribution of `loanBookExposures(rows, scenario)` (one-factor model, docs/reference-model.md §5), with
 *   the Euler contributions of the `exactNames` largest names; each other client gets
 *   EC_i = R_s · g_i / Σ_{j∈s} g_j, R_s its segment's contribution less its exact names', and
 *   g_i = EAD_i·(LGD_i·Φ((Φ⁻¹(PD_i) + √ρ_s·Φ⁻¹(0.999))/√(1−ρ_s)) − PD_i·LGD_i) its granular capital
 *   (Vasicek 2002). The clients' EC sum to the book's EC.
 * - Net profit (docs/reference-model.md §3, per client): EAD·(rate − FTP_s) when the row has a rate (else the
 *   segment's NII per yuan), + deposits·(the segment's deposit margin per yuan, run-off applied;
 *   the segment's deposits per loan when the row has none), + the segment's fee per client −
 *   its operating cost per client − EL, less tax on a positive result. The segment figures are
 *   evaluate()'s. RAROC = net profit / EC.
 * - Limits (docs/reference-values.md, 核心指标 2005): a client ≤ 10% of net capital, its group ≤ 15%;
 *   headroom is the smaller room of the two. The obligor concentration sums each group as one
 *   client for the single-name and top-10 figures.
 *
 * @example clientRisk(rows, demoScenario).clients.economicCapital // EC by client, summing to the book's EC
 */
export function clientRisk(rows: readonly LoanBookRow[], scenario: Scenario, options: ClientRiskOptions = {}): ClientRisk {
  const exactNames = Math.max(0, Math.floor(options.exactNames ?? 50));
  const netCapital = scenario.bank.netCapital;
  const exposures = options.exposures ?? loanBookExposures(rows, scenario);
  const distribution = lossDistribution(exposures, {
    quantiles: options.quantiles ?? [0.99, EC_CONFIDENCE],
    ecConfidence: EC_CONFIDENCE,
    topNames: exactNames,
  });
  const evaluation = evaluateClosedForm(scenario);
  const n = rows.length;
  const c: ClientColumns = {
    ids: new Array<string>(n),
    segments: new Array<string>(n),
    groups: new Array<string>(n),
    exposure: new Float64Array(n),
    pd: new Float64Array(n),
    lgd: new Float64Array(n),
    expectedLoss: new Float64Array(n),
    economicCapital: new Float64Array(n),
    isExact: new Uint8Array(n),
    netProfit: new Float64Array(n),
    raroc: new Float64Array(n),
    obligorExposure: new Float64Array(n),
    headroom: new Float64Array(n),
  };
  const exact = new Map(distribution.contributions.topNames.map((t) => [t.key, t.economicCapital] as const));
  const segmentEc = new Map(distribution.contributions.bySegment.map((s) => [s.key, s.economicCapital] as const));
  const residual = new Map(segmentEc);
  // Books are rated on a master scale: the Vasicek quantile is worked once per (PD, ρ), not per row.
  const stressedPdMemo = new Map<number, Map<number, number>>();
  const stressedPd = (pd: number, rho: number): number => {
    let byPd = stressedPdMemo.get(rho);
    if (!byPd) stressedPdMemo.set(rho, (byPd = new Map()));
    let v = byPd.get(pd);
    if (v === undefined) byPd.set(pd, (v = vasicekLossQuantile({ pd, rho, lgd: 1, q: EC_CONFIDENCE })));
    return v;
  };
  const granular = new Float64Array(n);
  const granularSum = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = exposures[i];
    const r = rows[i];
    c.ids[i] = r.id;
    c.segments[i] = r.segment;
    c.groups[i] = r.group ?? '';
    c.exposure[i] = e.ead;
    c.pd[i] = e.pd;
    c.lgd[i] = e.lgd;
    c.expectedLoss[i] = e.ead * e.pd * e.lgd;
    const ec = exact.get(r.id);
    if (ec !== undefined) {
      c.economicCapital[i] = ec;
      c.isExact[i] = 1;
      residual.set(r.segment, (residual.get(r.segment) ?? 0) - ec);
    } else {
      const g = e.ead * e.lgd * (stressedPd(e.pd, e.rho) - e.pd);
      granular[i] = g;
      granularSum.set(r.segment, (granularSum.get(r.segment) ?? 0) + g);
    }
  }
  for (let i = 0; i < n; i++) {
    if (c.isExact[i]) continue;
    const sum = granularSum.get(c.segments[i]) ?? 0;
    c.economicCapital[i] = sum > 0 ? ((residual.get(c.segments[i]) ?? 0) * granular[i]) / sum : 0;
  }

  // Net profit from evaluate()'s per-segment margins (one home for each formula).
  const bySegment = new Map(evaluation.segments.map((s) => [s.key, s] as const));
  const segmentInput = new Map(scenario.segments.map((s) => [s.key, s] as const));
  const per = (a: number, b: number) => (b > 0 ? a / b : 0);
  const taxRate = scenario.market.taxRate;
  const runOff = 1 - scenario.stress.depositRunOff;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const s = bySegment.get(r.segment);
    const input = segmentInput.get(r.segment);
    let pre = -c.expectedLoss[i];
    if (s) {
      pre += r.rate !== undefined ? r.exposure * (r.rate - s.ftpRate) : r.exposure * per(s.netInterestIncome, s.loans);
      const deposits = (r.deposits ?? (input ? input.depositsPerLoan * r.exposure : 0)) * runOff;
      pre += deposits * per(s.depositMargin, s.deposits);
      pre += per(s.feeIncome - s.operatingCost, s.clients);
    }
    const net = pre - Math.max(0, pre) * taxRate;
    c.netProfit[i] = net;
    c.raroc[i] = c.economicCapital[i] > 0 ? net / c.economicCapital[i] : NaN;
  }

  // Groups and obligors.
  const groupIndex = new Map<string, GroupRisk>();
  for (let i = 0; i < n; i++) {
    const g = c.groups[i];
    if (g === '') continue;
    let gr = groupIndex.get(g);
    if (!gr)
      groupIndex.set(
        g,
        (gr = { group: g, clients: 0, exposure: 0, expectedLoss: 0, economicCapital: 0, netProfit: 0, raroc: NaN, shareOfNetCapital: 0, headroom: 0 }),
      );
    gr.clients++;
    gr.exposure += c.exposure[i];
    gr.expectedLoss += c.expectedLoss[i];
    gr.economicCapital += c.economicCapital[i];
    gr.netProfit += c.netProfit[i];
  }
  const groups = [...groupIndex.values()].sort((a, b) => b.exposure - a.exposure);
  for (const g of groups) {
    g.raroc = g.economicCapital > 0 ? g.netProfit / g.economicCapital : NaN;
    g.shareOfNetCapital = netCapital > 0 ? g.exposure / netCapital : 0;
    g.headroom = CONCENTRATION_LIMITS.groupToCapital * netCapital - g.exposure;
  }
  const single = CONCENTRATION_LIMITS.singleClientToCapital * netCapital;
  for (let i = 0; i < n; i++) {
    const gr = c.groups[i] === '' ? undefined : groupIndex.get(c.groups[i]);
    c.obligorExposure[i] = gr ? gr.exposure : c.exposure[i];
    c.headroom[i] = Math.min(single - c.exposure[i], gr ? gr.headroom : Infinity);
  }
  const obligors = exposures
    .filter((e) => e.group === undefined)
    .concat(groups.map((g) => ({ ead: g.exposure, pd: 0, lgd: 0, rho: 0, id: g.group, group: g.group })));
  let totalExposure = 0;
  let totalNet = 0;
  for (let i = 0; i < n; i++) {
    totalExposure += c.exposure[i];
    totalNet += c.netProfit[i];
  }
  return {
    netCapital,
    distribution,
    evaluation,
    clients: c,
    groups,
    concentration: concentration(exposures, netCapital),
    obligorConcentration: concentration(obligors, netCapital),
    totals: {
      exposure: totalExposure,
      expectedLoss: distribution.expectedLoss,
      economicCapital: distribution.economicCapital,
      netProfit: totalNet,
      raroc: distribution.economicCapital > 0 ? totalNet / distribution.economicCapital : NaN,
    },
  };
}

/** The per-client columns a top-name table can rank by. */
export type ClientRankKey = 'exposure' | 'expectedLoss' | 'economicCapital' | 'netProfit' | 'raroc' | 'headroom';

export interface ClientFilter {
  /** Only clients of this segment key. */
  segment?: string;
  /** Only clients of this group ('' : clients outside any group). */
  group?: string;
  /** Only clients whose id or group contains this text (case-insensitive). */
  text?: string;
}

/**
 * Indices of the `count` clients ranked first by `key` (largest first, or smallest with
 * `ascending`), among those passing the filter. One pass over the book with a bounded sorted
 * list: O(N·log count), instant for 200,000 rows. NaN values (RAROC without capital) rank last.
 * @example topClients(risk.clients, 'economicCapital', 20) // the 20 largest capital users
 */
export function topClients(c: ClientColumns, key: ClientRankKey, count: number, filter: ClientFilter = {}, ascending = false): number[] {
  const values = c[key];
  const text = filter.text?.trim().toLowerCase() ?? '';
  const out: number[] = [];
  const before = (a: number, b: number) => {
    const va = values[a];
    const vb = values[b];
    if (Number.isNaN(vb)) return !Number.isNaN(va);
    if (Number.isNaN(va)) return false;
    return ascending ? va < vb : va > vb;
  };
  for (let i = 0; i < values.length; i++) {
    if (filter.segment !== undefined && c.segments[i] !== filter.segment) continue;
    if (filter.group !== undefined && c.groups[i] !== filter.group) continue;
    if (text && !c.ids[i].toLowerCase().includes(text) && !c.groups[i].toLowerCase().includes(text)) continue;
    if (out.length === count && !before(i, out[count - 1])) continue;
    let at = out.length;
    while (at > 0 && before(i, out[at - 1])) at--;
    out.splice(at, 0, i);
    if (out.length > count) out.pop();
  }
  return out;
}

export interface SegmentMixChange {
  key: string;
  /** The book's loans in the segment now, yuan. */
  loans: number;
  /** The target share × the book's total, yuan. */
  targetLoans: number;
  /** targetLoans − loans: positive to add, negative to run off. */
  change: number;
  /** Clients to run off, lowest RAROC first, until the run-off is covered; row indices. */
  runOff: number[];
  /** Loans of those clients, yuan (at least the run-off). */
  runOffLoans: number;
  /** New clients to win at the segment's average exposure in the book (or the scenario's when the segment is empty). */
  newClients: number;
  /** Per quarter over the pace: loans changed, yuan, and clients added or run off. */
  perQuarter: { loans: number; clients: number };
}

/**
 * A mix change applied to the real book: the book's total kept, each segment moved to its target
 * share. A segment that shrinks runs off its least profitable clients first (lowest RAROC, then
 * smallest) until the run-off is covered; one that grows needs new clients at its average
 * exposure. Spread evenly over `paceQuarters` (the scenario's `levers.paceQuarters`).
 * @example bookMixChange(risk.clients, { large: 0.4, mid: 0.3, small: 0.3 }, demoScenario)
 */
export function bookMixChange(
  c: ClientColumns,
  target: Readonly<Record<string, number>>,
  scenario: Scenario,
  paceQuarters = scenario.levers.paceQuarters,
): SegmentMixChange[] {
  const total = c.exposure.reduce((a, x) => a + x, 0);
  const pace = Math.max(1, Math.round(paceQuarters));
  return scenario.segments.map((seg) => {
    const rows: number[] = [];
    let loans = 0;
    for (let i = 0; i < c.ids.length; i++) {
      if (c.segments[i] !== seg.key) continue;
      rows.push(i);
      loans += c.exposure[i];
    }
    const targetLoans = (target[seg.key] ?? 0) * total;
    const change = targetLoans - loans;
    const runOff: number[] = [];
    let runOffLoans = 0;
    let newClients = 0;
    if (change < 0) {
      const rank = (i: number) => (Number.isNaN(c.raroc[i]) ? Infinity : c.raroc[i]);
      rows.sort((a, b) => rank(a) - rank(b) || c.exposure[a] - c.exposure[b]);
      for (const i of rows) {
        if (runOffLoans >= -change) break;
        runOff.push(i);
        runOffLoans += c.exposure[i];
      }
    } else if (change > 0) {
      const average = rows.length > 0 ? loans / rows.length : seg.avgExposure;
      newClients = Math.ceil(change / average);
    }
    const clients = change < 0 ? runOff.length : newClients;
    return { key: seg.key, loans, targetLoans, change, runOff, runOffLoans, newClients, perQuarter: { loans: change / pace, clients: clients / pace } };
  });
}
