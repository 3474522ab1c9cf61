/**
 * Every quick analysis of the client-portfolio screen once, small, thrown away: a worker that runs
 * it while the page is idle has its code compiled before the screen asks for the real analyses
 * (cold, they take about three times as long). In the screen's order: the frontier and the best
 * allocation, then the VaR and the cash-needs check.
 */
import { demoClientPortfolio } from './defaults';
import { bestAllocation, efficientFrontier } from './frontier';
import { portfolioRisk } from './risk';
import { cashNeedsCheck } from './cash-needs';

/** The warm-up's sizes: a tenth of the screen's analyses, enough calls of every loop to be optimised. */
const WARM_UP = { frontierPoints: 10, paths: 2000 };

/**
 * Runs the warm-up on the demo client.
 * @example warmUpPortfolioAnalyses()
 */
export function warmUpPortfolioAnalyses(): void {
  const p = demoClientPortfolio();
  const horizonYears = p.client.horizonYears;
  efficientFrontier(p.assets, { points: WARM_UP.frontierPoints });
  bestAllocation(p.assets, {}, p.client.riskProfile, horizonYears);
  portfolioRisk(p.weights, p.assets, { horizonYears, paths: WARM_UP.paths });
  cashNeedsCheck(p, { paths: WARM_UP.paths });
}
