/**
 * Client value and the 20/80 rule (二八法则): "about 20% of clients create 80% of profit".
 * Clients are ranked by their segment's pre-tax profit per client (each client at its segment's
 * average: the segments' size dispersion is left out, so the figure understates concentration).
 */
import type { Evaluation } from '../model';

/**
 * Share of pre-tax profit made by the most profitable `top` fraction of clients (default 20%).
 * Clients with a loss count with their loss, so the share can exceed 100%.
 * @example topClientsProfitShare(evaluate(demoScenario)) // ≈ 0.81
 */
export function topClientsProfitShare(e: Evaluation, top = 0.2): number {
  const total = e.segments.reduce((a, s) => a + s.preTaxProfit, 0);
  const clients = e.segments.reduce((a, s) => a + s.clients, 0);
  if (!(total > 0) || clients <= 0) return 0;
  const ranked = e.segments
    .filter((s) => s.clients > 0)
    .map((s) => ({ clients: s.clients, perClient: s.preTaxProfit / s.clients }))
    .sort((a, b) => b.perClient - a.perClient);
  let left = top * clients;
  let profit = 0;
  for (const r of ranked) {
    if (left <= 0) break;
    const take = Math.min(left, r.clients);
    profit += take * r.perClient;
    left -= take;
  }
  return profit / total;
}
