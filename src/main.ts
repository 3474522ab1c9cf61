import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { MixLabDatabase } from './lib/db/database';
import { i18n } from './lib/i18n/i18n.svelte';
import { Workspace } from './lib/state/workspace.svelte';
import { createInProcessEngine, createWorkerEngine } from './lib/workers/engine-client';
import { setViewEngine } from './lib/state/engine-access';

document.documentElement.lang = i18n.lang === 'zh' ? 'zh-CN' : 'en';

function openDatabase(): MixLabDatabase | null {
  try {
    return typeof indexedDB === 'undefined' ? null : new MixLabDatabase();
  } catch {
    return null;
  }
}

const hasWorkers = typeof Worker !== 'undefined';
// Two engine workers: the dashboard's evaluate() never queues behind a view's heavy call
// (a loss distribution, a design grid, the glass box's sensitivities).
const engine = hasWorkers ? createWorkerEngine() : createInProcessEngine();
setViewEngine(hasWorkers ? createWorkerEngine() : engine);
const workspace = new Workspace(engine, openDatabase());
void workspace.init();

// Save what is pending when the page is hidden or closed (synchronously into the journal too).
addEventListener('pagehide', () => workspace.saveOnPageHide());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') workspace.saveOnPageHide();
});

export default mount(App, { target: document.getElementById('app')!, props: { workspace } });
