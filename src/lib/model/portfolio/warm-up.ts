/**
 * Every quick analysis of the client-portfolio screen, small, thrown away: a worker that runs it
 * while the page is idle has its code compiled before the screen asks for the real analyses
 * (cold, they take about three times as long). In the screen's order: the frontier and the best
 * allocation, then the VaR and the cash-needs check, these two twice and with the options the
 * screen passes: after a single call V8 has only compiled their long loop on its own (on-stack
 * replacement), and the first real call then compiled the whole function and threw it away again
 * on a branch the warm-up had not taken (the first VaR of 20,000 paths took 60–100 ms, later ones
 * 37 ms, in Node).
 */
import { ANALYSIS_SETTINGS, demoClientPortfolio } from './defaults';
import { bestAllocation, efficientFrontier } from './frontier';
import { portfolioRisk } from './risk';
import { cashNeedsCheck } from './cash-needs';

/** The warm-up's sizes: a tenth of the screen's analyses, enough calls of every loop to be optimised. */
const WARM_UP = { frontierPoints: 10, paths: 2000, simulatedCalls: 2 };

/**
 * Runs the warm-up on the demo client.
 * @example warmUpPortfolioAnalyses()
 */
export function warmUpPortfolioAnalyses(): void {
  const p = demoClientPortfolio();
  const horizonYears = p.client.horizonYears;
  efficientFrontier(p.assets, { points: WARM_UP.frontierPoints });
  bestAllocation(p.assets, {}, p.client.riskProfile, horizonYears);
  for (let call = 0; call < WARM_UP.simulatedCalls; call++) {
    const { seed, quantiles } = ANALYSIS_SETTINGS;
    portfolioRisk(p.weights, p.assets, { horizonYears, amount: p.client.amount, quantiles: [...quantiles], paths: WARM_UP.paths, seed });
    cashNeedsCheck(p, { paths: WARM_UP.paths, seed });
  }
}
