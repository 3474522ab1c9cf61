/**
 * The page's services: its one database connection (null where IndexedDB is unavailable, then
 * everything lives in memory), the repositories over it, and the engine clients. start.ts makes one
 * and passes it down by Svelte context (`useServices()` in context.ts); code that runs outside a
 * component's initialisation (the portfolio session, the views' engine) reaches the same object
 * through `pageServices()`. A component test or a stand-alone component gets a default made on
 * first use: the app's database opened then, and an in-process engine.
 */
import { openDatabase, type MixLabDatabase } from '../db/database';
import { createInProcessEngineOnDemand, type EngineClient } from '../workers/engine-client';

export interface Services {
  /** The page's one connection to IndexedDB, or null (memory only). */
  readonly database: MixLabDatabase | null;
  /** The dashboard's engine (evaluate on every edit). */
  readonly engine: EngineClient;
  /** The views' engine for heavier one-off calls, so the dashboard never queues behind them. */
  readonly viewEngine: EngineClient;
}

/**
 * Services over the given parts; a part left out is made on first use (the database opened, an
 * in-process engine), so a test that never touches storage opens none.
 */
export function createServices(parts: { database?: MixLabDatabase | null; engine?: EngineClient; viewEngine?: EngineClient } = {}): Services {
  let database = parts.database;
  let engine = parts.engine;
  let viewEngine = parts.viewEngine;
  return {
    get database() {
      if (database === undefined) database = openDatabase();
      return database;
    },
    get engine() {
      engine ??= createInProcessEngineOnDemand();
      return engine;
    },
    get viewEngine() {
      viewEngine ??= this.engine;
      return viewEngine;
    },
  };
}

let page: Services | null = null;

/** The page's services (made with defaults on first use when start.ts or a test has set none). */
export function pageServices(): Services {
  page ??= createServices();
  return page;
}

/** Sets the page's services: start.ts once at start-up, a test for its own database or engine. */
export function setPageServices(services: Services | null): void {
  page = services;
}
