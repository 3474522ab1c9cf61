/**
 * The engine's worker boundary (after GoogleChromeLabs/proxx): a thin Comlink adapter that
 * exposes pure model functions. The UI imports only the type.
 */
import { expose, transfer } from 'comlink';
import {
  designMix,
  designTransferables,
  evaluate,
  evaluateNamed,
  marginalLoan,
  sensitivities,
  tornado,
  whatIfGrid,
  whatIfTransferables,
  type DesignOptions,
  type LoanBookRow,
  type MixDesign,
  type Scenario,
  type WhatIfAxis,
  type WhatIfGrid,
} from '../src/lib/model';
import { riskProfile, riskProfileTransferables, type RiskProfile } from '../src/lib/workers/risk-profile';

const engine = {
  /** The whole book's loss distribution and concentration (issue 3); typed arrays transferred. */
  riskProfile: (scenario: Scenario, rows?: LoanBookRow[]): RiskProfile => {
    const profile = riskProfile(scenario, rows);
    return transfer(profile, riskProfileTransferables(profile));
  },
  evaluate,
  sensitivities,
  /** The mix-design grid; its typed arrays are transferred, not copied (≈1 MB for 5,151 mixes). */
  designMix: (scenario: Scenario, options?: DesignOptions): MixDesign => {
    const design = designMix(scenario, options);
    return transfer(design, designTransferables(design));
  },
  tornado,
  marginalLoan,
  /** The two-way what-if table; progress after each row (a Comlink proxy); typed arrays transferred. */
  whatIfGrid: (scenario: Scenario, x: WhatIfAxis, y: WhatIfAxis, onProgress?: (done: number, total: number) => void): WhatIfGrid => {
    const grid = whatIfGrid(scenario, x, y, onProgress);
    return transfer(grid, whatIfTransferables(grid));
  },
  evaluateNamed,
};

export type EngineWorkerApi = typeof engine;

expose(engine);
