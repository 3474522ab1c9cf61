/**
 * Client value and the 20/80 rule (二八法则): "about 20% of clients create 80% of profit". Clients
 * are ranked one by one by what each brings the bank, not by its tier's average: a client's
 * pre-tax profit is what its loans earn per yuan (interest over FTP, the margin on the deposits
 * they bring, less the funding premium and the expected loss) times its own exposure, on the
 * segment's lognormal size grid (docs/reference-model.md §2), plus what it does with the bank as a client
 * (fees) less what it costs as one (servicing, its share of a manager, replacing it when it leaves).
 * The source's card example: value is what a client does with the bank, not what it owns.
 */
import { segmentWeights, type Evaluation, type SegmentResult } from '../model';

/** One client's pre-tax profit: exposure × the segment's per-yuan earnings + its per-client business. */
function clientProfits(s: SegmentResult, sizeSigma: number): Float64Array {
  const n = s.clients;
  const out = new Float64Array(n);
  if (n <= 0 || s.loans <= 0) return out;
  const perYuan = (s.netInterestIncome + s.depositMargin - s.fundingCost - s.expectedLoss) / s.loans;
  const perClient = (s.feeIncome - s.operatingCost) / n;
  const w = segmentWeights(n, sizeSigma);
  for (let i = 0; i < n; i++) out[i] = w[i] * s.loans * perYuan + perClient;
  return out;
}

/**
 * Share of pre-tax profit made by the most profitable `top` fraction of clients (default 20%).
 * Clients with a loss count with their loss, so the share can exceed 100%.
 * @example topClientsProfitShare(evaluate(demoScenario), demoScenario.segments.map((s) => s.sizeSigma)) // ≈ 0.8
 */
export function topClientsProfitShare(e: Evaluation, sizeSigmas: readonly number[], top = 0.2): number {
  const all: number[] = [];
  e.segments.forEach((s, i) => {
    for (const p of clientProfits(s, sizeSigmas[i] ?? 0)) all.push(p);
  });
  const total = all.reduce((a, b) => a + b, 0);
  if (!(total > 0) || all.length === 0) return 0;
  all.sort((a, b) => b - a);
  const take = Math.round(top * all.length);
  let profit = 0;
  for (let i = 0; i < take; i++) profit += all[i];
  return profit / total;
}
