/**
 * The engine's worker boundary (after GoogleChromeLabs/proxx): a thin Comlink adapter that
 * exposes pure model functions. The UI imports only the type.
 */
import { expose } from 'comlink';
import { evaluate, sensitivities } from '../src/lib/model';

const engine = { evaluate, sensitivities };

export type EngineWorkerApi = typeof engine;

expose(engine);
