/**
 * The engine client shared by views for one-off calls (glass-box drivers). Set once by main.ts
 * (a worker) or by a test (in-process).
 */
import type { EngineClient } from '../workers/engine-client';

let shared: EngineClient | null = null;

export function setViewEngine(engine: EngineClient): void {
  shared = engine;
}

export function engineForViews(): EngineClient {
  shared ??= inProcessOnDemand();
  return shared;
}

/**
 * The in-process engine, loaded at its first call (a test that set none): a static import would
 * put the whole engine in the page's first chunk, where the worker engine is always set instead.
 */
function inProcessOnDemand(): EngineClient {
  let loaded: Promise<EngineClient> | null = null;
  const load = () => (loaded ??= import('../workers/engine-in-process').then((m) => m.createInProcessEngine()));
  return new Proxy({} as EngineClient, {
    get:
      (_, name) =>
      (...args: unknown[]) =>
        load().then((engine) => (engine[name as keyof EngineClient] as (...a: unknown[]) => unknown)(...args)),
  });
}
