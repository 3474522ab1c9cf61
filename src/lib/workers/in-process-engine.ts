/**
 * The engine on the calling thread, behind the same API as the worker's (engine-client.ts loads
 * this module on the first in-process call).
 */
import { designMix, evaluate, evaluateNamed, marginalLoan, sensitivities, tornado, whatIfGrid } from '../model';
import { decodeShare } from '../db/share-link';
import { parseLibraryText } from '../db/transfer';
import { parseLoanBookCsv } from '../db/loan-book';
import type { EngineClient } from './engine-client';
import { riskProfile } from './risk-profile';

export const IN_PROCESS_ENGINE: EngineClient = {
  riskProfile: async (s, book) => riskProfile(s, book?.rows),
  evaluate: async (s) => evaluate(s),
  sensitivities: async (s, m, b) => sensitivities(s, m, b),
  designMix: async (s, o) => designMix(s, o),
  tornado: async (s, m, o) => tornado(s, m, o),
  marginalLoan: async (s, o) => marginalLoan(s, o),
  decodeShare,
  parseLibraryText: async (text, onProgress) => parseLibraryText(text, onProgress),
  parseLoanBookCsv: async (text, segments, onProgress) => parseLoanBookCsv(text, segments, onProgress),
  whatIfGrid: async (s, x, y, p) => whatIfGrid(s, x, y, p),
  evaluateNamed: async (s, l) => evaluateNamed(s, l),
  dispose: () => {},
};
