/**
 * The engine client shared by views for one-off calls (glass-box drivers). Set once by main.ts
 * (a worker) or by a test (in-process).
 */
import { createInProcessEngine, type EngineClient } from '../workers/engine-client';

let shared: EngineClient | null = null;

export function setViewEngine(engine: EngineClient): void {
  shared = engine;
}

export function engineForViews(): EngineClient {
  shared ??= createInProcessEngine();
  return shared;
}
