/// <reference types="vite-plugin-pwa/client" />
/**
 * The app: imported by the page's entry (main.ts) once index.html's static frame is painted. Makes the
 * page's services and workspace and mounts the app in place of the frame.
 */
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './App.svelte';
import { onDatabaseEvent, openDatabase } from './lib/db/database';
import { AppStatus } from './lib/state/app-status.svelte';
import { i18n } from './lib/i18n/i18n.svelte';
import { Workspace } from './lib/state/workspace.svelte';
import { createInProcessEngineOnDemand, createWorkerEngine } from './lib/workers/engine-client';
import { servicesContext } from './lib/state/context';
import { createServices, setPageServices } from './lib/state/services';
import { afterFirstPaint } from './lib/idle';

const hasWorkers = typeof Worker !== 'undefined';
// Two engine workers: the dashboard's evaluate() never queues behind a view's heavy call
// (a loss distribution, a design grid, the glass box's sensitivities).
const engine = hasWorkers ? createWorkerEngine() : createInProcessEngineOnDemand();
// The page's one database connection and its engines, passed down by context (and reachable by
// state made outside components, such as the portfolio session).
const services = createServices({ database: openDatabase(), engine, viewEngine: hasWorkers ? createWorkerEngine() : engine });
setPageServices(services);
const workspace = new Workspace(services.engine, services.database);
void workspace.init();

const status = new AppStatus(workspace);
onDatabaseEvent((event) => status.onDatabase(event));

// Save what is pending when the page is hidden or closed (synchronously into the journal too).
addEventListener('pagehide', () => workspace.saveOnPageHide());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    workspace.saveOnPageHide();
    void status.applyIfIdle();
  }
});

/**
 * A new version installs in the background and waits (never mixing its files with the running
 * version's); the page offers to reload into it. Registered after the workers' warm-ups (below), so
 * that its precaching, a few hundred ms of CPU, competes neither with the first figures nor with a
 * first Run on a two-core laptop.
 */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh: () => status.updateReady(() => updateSW(true)),
    onOfflineReady: () => (status.isOfflineReady = true),
  });
}

/**
 * Once the first screen is painted and the page is idle, start the engine workers (load, parse and
 * compile their code with one small evaluation), then two Monte Carlo pool workers and, once they
 * are warm, the client portfolio's two analysis workers, each with a small warm-up run, so that a
 * view's first heavy call or Run neither waits for their modules nor runs cold. One warm-up at a
 * time, and the portfolio's only once no Run has been going for a second: on a two-core laptop they
 * would otherwise slow the user's Runs down. Unused, they stop after a minute.
 */
function prewarm(): Promise<void> {
  const warm = (client: typeof engine) => void client.evaluate(workspace.scenario).catch(() => {});
  warm(services.engine);
  if (services.viewEngine !== services.engine) warm(services.viewEngine);
  if (!hasWorkers) return Promise.resolve();
  return import('./lib/workers/simulation-client')
    .then((m) => m.prewarmSimulationPool(2).then(() => m.whenPoolQuiet()))
    .then(() => import('./lib/state/portfolio-session.svelte'))
    .then((m) => m.portfolioSession().analysis.prewarm({ warmUp: true }))
    .catch(() => {});
}
afterFirstPaint(() => void prewarm().then(registerServiceWorker));

// The rest of the strings once the first screen is shown (a screen or a language that needs them sooner loads them then).
afterFirstPaint(() => void i18n.load().catch(() => {}));

// Mount in a task of its own: the first task only evaluates the scripts, so neither holds the main
// thread long (a key press during start-up is answered between them). A page in English waits for
// its strings (the page carries only the first screen's Chinese).
const strings = i18n.lang === 'zh' ? Promise.resolve() : i18n.load().catch(() => {});
void strings.then(() =>
  setTimeout(() => {
    mount(App, { target: document.getElementById('app')!, props: { workspace, status }, context: servicesContext(services) });
    document.getElementById('boot')?.remove();
    delete document.documentElement.dataset.bootLang;
  }, 0),
);
