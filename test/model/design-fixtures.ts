/** Helpers shared by the mix design tests (design-mix*.test.ts): the reference figures from evaluate(). */
import { type Evaluation, type MixFigures, type Scenario } from '../../src/lib/model';

export const YI = 1e8;

/** The scenario with these shares (by segment order). */
export function atMix(scenario: Scenario, shares: readonly number[]): Scenario {
  return { ...scenario, segments: scenario.segments.map((s, j) => ({ ...s, share: shares[j] })) };
}

/** The design's figures read from evaluate(), the reference implementation. */
export function reference(e: Evaluation): MixFigures {
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

/**
 * The demo bank with no franchise limits: every segment's terms are then the same at any share,
 * so EC and the loan's own figures are linear in its loans (the properties some tests need).
 */
export function withoutFranchise(scenario: Scenario): Scenario {
  return { ...scenario, segments: scenario.segments.map((s) => ({ ...s, franchiseShare: 1 })) };
}
