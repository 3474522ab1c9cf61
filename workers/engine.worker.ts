/**
 * The engine's worker boundary (after GoogleChromeLabs/proxx): a thin Comlink adapter that
 * exposes pure model functions. The UI imports only the type.
 */
import { expose, transfer } from 'comlink';
import { designMix, designTransferables, evaluate, marginalLoan, sensitivities, tornado, type DesignOptions, type MixDesign, type Scenario } from '../src/lib/model';
import { riskProfile, riskProfileTransferables, type RiskProfile } from '../src/lib/workers/risk-profile';
import { decodeShare } from '../src/lib/db/share-link';
import { parseLibraryText } from '../src/lib/db/transfer';

const engine = {
  /** The whole book's loss distribution and concentration (issue 3); typed arrays transferred. */
  riskProfile: (scenario: Scenario): RiskProfile => {
    const profile = riskProfile(scenario);
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
  /** A share link's data, inflated (up to its cap) and validated here, off the page's thread. */
  decodeShare,
  /** An imported library file, parsed and validated here (2,000 scenarios take about a second). */
  parseLibraryText: (text: string, onProgress?: (fraction: number) => void) => parseLibraryText(text, onProgress),
};

export type EngineWorkerApi = typeof engine;

expose(engine);
