/**
 * The engine client shared by views for one-off calls (glass-box drivers): the page services'
 * view engine (a worker, set up by start.ts; in-process in a test or a stand-alone component).
 */
import type { EngineClient } from '../workers/engine-client';
import { pageServices } from './services';

export function engineForViews(): EngineClient {
  return pageServices().viewEngine;
}
