/**
 * The client-portfolio workspace's state as rune classes:
 *
 * - `PortfolioSession`: the portfolio being edited (always valid: the forms commit only valid
 *   values), autosaved to its record in `db.portfolios`; the stored portfolios (each validated on
 *   read); new, duplicate, delete, import and export.
 * - `PortfolioAnalysis`: the quick analyses in the portfolio worker, re-run as the portfolio
 *   changes. Requests are coalesced: while one runs, only the newest waiting one is kept, so
 *   typing never queues stale work; the frontier and best allocation (milliseconds) are shown
 *   before the simulated VaR and cash needs (a few hundred ms).
 * - `RebalancingRun`: the rebalancing comparison on the worker pool, with progress, ETA, cancel
 *   and the finished results kept per inputs (a changed input never shows an old run).
 *
 * One session per page (`portfolioSession()`), so leaving the view and coming back keeps the
 * analyses and runs.
 */
import { describeError } from './errors';
import {
  DEFAULT_REBALANCE_RULES,
  demoClientPortfolio,
  type BestAllocation,
  type CashNeedsCheck,
  type ClientPortfolio,
  type FrontierPoint,
  type PortfolioRisk,
  type RebalanceRule,
  type RebalancingResult,
} from '../model';
import { MixLabDatabase } from '../db/database';
import {
  createPortfolio,
  deletePortfolio,
  exportPortfolioText,
  importPortfolios,
  listPortfolios,
  savePortfolio,
  type PortfolioEntry,
  type PortfolioImportResult,
} from '../db/portfolio-repo';
import { checkClientPortfolio } from '../portfolio-io/validate';
import { CancelledError, type PoolProgress } from '../workers/pool';
import { createPortfolioEngine, runRebalancingOnPool, type PortfolioEngine, type RebalancingPhase } from '../workers/portfolio-client';

const OPEN_KEY = 'tong-mix-lab.portfolio.open';
const AUTOSAVE_MS = 400;

/** Labels the session needs in the UI language (passed in: state does not pick a language). */
export interface NameLabels {
  copyLabel: string;
  fallbackTitle: string;
}

function remember(id: string | null): void {
  try {
    if (id) globalThis.localStorage?.setItem(OPEN_KEY, id);
  } catch {
    // not remembered: the most recent portfolio opens next time
  }
}

function recalled(): string | null {
  try {
    return globalThis.localStorage?.getItem(OPEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export class PortfolioSession {
  portfolio = $state.raw<ClientPortfolio>(demoClientPortfolio());
  /** The record being edited; null before init or without storage. */
  id = $state<string | null>(null);
  entries = $state.raw<PortfolioEntry[]>([]);
  storage = $state<'pending' | 'ready' | 'unavailable'>('pending');
  saveStatus = $state<'saved' | 'saving' | 'error'>('saved');

  #db: MixLabDatabase | null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #dirty = false;
  #labels: NameLabels = { copyLabel: '副本', fallbackTitle: '客户' };
  #init: Promise<void> | null = null;

  constructor(db: MixLabDatabase | null) {
    this.#db = db;
  }

  /** Opens storage and the last portfolio edited (the demo client on a first visit). Idempotent. */
  init(labels?: NameLabels): Promise<void> {
    if (labels) this.#labels = labels;
    this.#init ??= this.#open();
    return this.#init;
  }

  async #open(): Promise<void> {
    if (!this.#db) {
      this.storage = 'unavailable';
      return;
    }
    try {
      await this.#db.open();
      this.storage = 'ready';
      await this.refresh();
      const wanted = recalled();
      const ok = this.entries.filter((e) => e.status === 'ok');
      const pick = ok.find((e) => e.record.id === wanted) ?? ok[0];
      if (pick && pick.status === 'ok') {
        this.portfolio = pick.portfolio;
        this.id = pick.record.id;
      } else {
        await this.createNew(demoClientPortfolio());
      }
    } catch {
      this.storage = 'unavailable';
    }
  }

  async refresh(): Promise<void> {
    if (this.#db && this.storage === 'ready') this.entries = await listPortfolios(this.#db);
  }

  /** Replaces the portfolio being edited and schedules its autosave. */
  update(next: ClientPortfolio): void {
    this.portfolio = next;
    this.#dirty = true;
    if (!this.#db || this.storage !== 'ready' || !this.id) return;
    this.saveStatus = 'saving';
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Writes a pending autosave now (before switching portfolio, or when the page is hidden). */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#dirty || !this.#db || this.storage !== 'ready' || !this.id) return;
    this.#dirty = false;
    const p = this.portfolio;
    // a guard, not a path users hit: the forms commit only valid values
    if (checkClientPortfolio(p).length > 0) {
      this.saveStatus = 'error';
      return;
    }
    try {
      await savePortfolio(this.#db, this.id, p, this.#labels.fallbackTitle);
      this.saveStatus = 'saved';
      await this.refresh();
    } catch {
      this.saveStatus = 'error';
    }
  }

  async open(id: string): Promise<void> {
    await this.flush();
    const entry = this.entries.find((e) => e.record.id === id);
    if (!entry || entry.status !== 'ok') return;
    this.portfolio = entry.portfolio;
    this.id = id;
    remember(id);
  }

  /** Stores a new portfolio (the demo client by default) and opens it. */
  async createNew(portfolio: ClientPortfolio = demoClientPortfolio()): Promise<void> {
    await this.flush();
    if (!this.#db || this.storage !== 'ready') {
      this.portfolio = portfolio;
      return;
    }
    const record = await createPortfolio(this.#db, portfolio, this.#labels);
    await this.refresh();
    await this.open(record.id);
  }

  /** A copy of the portfolio being edited, opened. */
  duplicate(): Promise<void> {
    return this.createNew(this.portfolio);
  }

  /** Deletes a stored portfolio; deleting the open one opens the next (or a fresh demo client). */
  async remove(id: string): Promise<void> {
    if (!this.#db || this.storage !== 'ready') return;
    if (id === this.id) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      this.#dirty = false;
    }
    await deletePortfolio(this.#db, id);
    await this.refresh();
    if (id === this.id) {
      const next = this.entries.find((e) => e.status === 'ok');
      if (next) await this.open(next.record.id);
      else await this.createNew(demoClientPortfolio());
    }
  }

  /** Imports a file's text: all or nothing, clashes imported as copies. */
  async importText(text: string): Promise<PortfolioImportResult> {
    if (!this.#db || this.storage !== 'ready') {
      return { ok: false, problems: [{ path: '', message: { zh: '浏览器存储不可用，无法导入', en: 'Browser storage is unavailable: nothing can be imported' } }] };
    }
    await this.flush();
    const result = await importPortfolios(this.#db, text, this.#labels);
    await this.refresh();
    return result;
  }

  /** The export file for the given ids (the open one's latest edits included). */
  async exportText(ids: readonly string[]): Promise<string> {
    await this.flush();
    const chosen = this.entries.filter((e): e is Extract<PortfolioEntry, { status: 'ok' }> => e.status === 'ok' && ids.includes(e.record.id));
    return exportPortfolioText(chosen, new Date());
  }

  setLabels(labels: NameLabels): void {
    this.#labels = labels;
  }
}

// —— quick analyses ——

/**
 * What the analyses depend on: not the client's name nor the labels of the cash needs, so
 * renaming never re-runs a simulation.
 */
export function analysisKey(p: ClientPortfolio): string {
  const c = p.client;
  return JSON.stringify([p.assets, p.weights, p.bounds ?? null, c.riskProfile, c.horizonYears, c.amount, c.cashNeeds.map((n) => [n.year, n.amount])]);
}

export interface FrontierAnalysis {
  /** `analysisKey` of the portfolio analysed. */
  key: string;
  frontier: FrontierPoint[];
  best: BestAllocation;
}

export interface RiskAnalysis {
  key: string;
  current: PortfolioRisk;
  best: PortfolioRisk;
  cashCurrent: CashNeedsCheck;
  cashBest: CashNeedsCheck;
}

/** Simulation sizes of the quick analyses (fixed seed: figures do not jitter between edits). */
export const ANALYSIS_SETTINGS = { frontierPoints: 30, riskPaths: 20_000, cashPaths: 10_000, seed: 1, quantiles: [0.95, 0.99] } as const;

export class PortfolioAnalysis {
  frontier = $state.raw<FrontierAnalysis | null>(null);
  risk = $state.raw<RiskAnalysis | null>(null);
  error = $state<string | null>(null);
  isPending = $state(false);

  #engine: PortfolioEngine | null = null;
  #makeEngine: () => PortfolioEngine;
  #waiting: { p: ClientPortfolio; key: string } | null = null;
  #isBusy = false;
  #runningKey: string | null = null;

  constructor(makeEngine: () => PortfolioEngine = createPortfolioEngine) {
    this.#makeEngine = makeEngine;
  }

  /** Asks for the analyses of `p`; only the newest request waiting is kept. */
  request(p: ClientPortfolio): void {
    const key = analysisKey(p);
    if (this.frontier?.key === key && this.risk?.key === key) return;
    if (this.#isBusy && this.#runningKey === key) {
      this.#waiting = null; // back to what is being computed: nothing newer to wait for
      return;
    }
    this.#waiting = { p, key };
    this.isPending = true;
    if (!this.#isBusy) void this.#loop();
  }

  async #loop(): Promise<void> {
    this.#isBusy = true;
    this.#engine ??= this.#makeEngine();
    const engine = this.#engine;
    while (this.#waiting) {
      const { p, key } = this.#waiting;
      this.#waiting = null;
      this.#runningKey = key;
      try {
        const constraints = { bounds: p.bounds ?? {} };
        const [frontier, best] = await Promise.all([
          engine.efficientFrontier(p.assets, { ...constraints, points: ANALYSIS_SETTINGS.frontierPoints }),
          engine.bestAllocation(p.assets, constraints, p.client.riskProfile, p.client.horizonYears),
        ]);
        this.frontier = { key, frontier, best };
        this.error = null;
        if (this.#waiting) continue; // a newer portfolio: skip the slow part for this one
        const riskOptions = { horizonYears: p.client.horizonYears, amount: p.client.amount, quantiles: [...ANALYSIS_SETTINGS.quantiles], paths: ANALYSIS_SETTINGS.riskPaths, seed: ANALYSIS_SETTINGS.seed };
        const bestPortfolio: ClientPortfolio = { ...p, weights: best.weights };
        const cashOptions = { paths: ANALYSIS_SETTINGS.cashPaths, seed: ANALYSIS_SETTINGS.seed };
        const [current, bestRisk, cashCurrent, cashBest] = await Promise.all([
          engine.portfolioRisk(p.weights, p.assets, riskOptions),
          engine.portfolioRisk(best.weights, p.assets, riskOptions),
          engine.cashNeedsCheck(p, cashOptions),
          engine.cashNeedsCheck(bestPortfolio, cashOptions),
        ]);
        this.risk = { key, current, best: bestRisk, cashCurrent, cashBest };
      } catch (e) {
        this.error = describeError(e);
      }
    }
    this.#isBusy = false;
    this.#runningKey = null;
    this.isPending = false;
  }

  dispose(): void {
    this.#engine?.dispose();
    this.#engine = null;
  }
}

// —— the rebalancing comparison ——

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RebalancingSettings {
  paths: number;
  seed: number;
  costRate: number;
  withdrawCashNeeds: boolean;
}

export const DEFAULT_REBALANCING_SETTINGS: RebalancingSettings = { paths: 5_000, seed: 2024, costRate: 0.001, withdrawCashNeeds: false };

/** A stable key of the inputs of a run (not the number of workers: it never changes a number). */
export function rebalancingKey(p: ClientPortfolio, rules: readonly RebalanceRule[], s: RebalancingSettings): string {
  const text = JSON.stringify([p, rules, s.paths, s.seed, s.costRate, s.withdrawCashNeeds]);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}-${text.length}-${s.seed}-${s.paths}`;
}

type Runner = typeof runRebalancingOnPool;

export interface FinishedRun {
  key: string;
  result: RebalancingResult;
  workers: number;
  /** Wall time from Run to the summary, ms; `pathsMs` of it simulating the paths on the pool. */
  elapsedMs: number;
  pathsMs: number;
}

export class RebalancingRun {
  status = $state<RunStatus>('idle');
  phase = $state<RebalancingPhase>('paths');
  progress = $state.raw<PoolProgress>({ fraction: 0, elapsedMs: 0, etaMs: null });
  /** The settings of the next run (kept while the user visits other views). */
  settings = $state<RebalancingSettings>({ ...DEFAULT_REBALANCING_SETTINGS });
  /** The last finished run (check its key against the current inputs before showing it). */
  finished = $state.raw<FinishedRun | null>(null);
  error = $state<string | null>(null);

  #controller: AbortController | null = null;
  #cache = new Map<string, FinishedRun>();
  #run: Runner;

  constructor(run: Runner = runRebalancingOnPool) {
    this.#run = run;
  }

  /** The finished run for these inputs, if any. */
  cached(key: string): FinishedRun | null {
    return this.#cache.get(key) ?? null;
  }

  async start(p: ClientPortfolio, rules: readonly RebalanceRule[] = DEFAULT_REBALANCE_RULES, settings: RebalancingSettings, workers: number): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const key = rebalancingKey(p, rules, settings);
    this.status = 'running';
    this.phase = 'paths';
    this.error = null;
    this.progress = { fraction: 0, elapsedMs: 0, etaMs: null };
    const t0 = performance.now();
    let pathsMs = 0;
    try {
      const result = await this.#run(p, rules, {
        paths: settings.paths,
        seed: settings.seed,
        costRate: settings.costRate,
        withdrawCashNeeds: settings.withdrawCashNeeds,
        workers,
        signal: controller.signal,
        onProgress: (pr) => (this.progress = pr),
        onPhase: (ph) => {
          if (ph === 'summary') pathsMs = performance.now() - t0;
          this.phase = ph;
        },
      });
      if (this.#controller !== controller) return; // superseded or cancelled
      const run = { key, result, workers, elapsedMs: performance.now() - t0, pathsMs };
      this.#cache.set(key, run);
      this.finished = run;
      this.status = 'done';
    } catch (e) {
      if (this.#controller !== controller) return;
      if (e instanceof CancelledError) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = describeError(e);
      }
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }

  /** Stops the run at once: the pool terminates its workers. */
  cancel(): void {
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = null;
      this.status = 'cancelled';
    }
  }
}

// —— one session per page ——

let shared: { session: PortfolioSession; analysis: PortfolioAnalysis; run: RebalancingRun } | null = null;

function openDatabase(): MixLabDatabase | null {
  try {
    return typeof indexedDB === 'undefined' ? null : new MixLabDatabase();
  } catch {
    return null;
  }
}

/** The page's portfolio session, analysis and run, created on first use. */
export function portfolioSession(): { session: PortfolioSession; analysis: PortfolioAnalysis; run: RebalancingRun } {
  if (!shared) {
    const session = new PortfolioSession(openDatabase());
    shared = { session, analysis: new PortfolioAnalysis(), run: new RebalancingRun() };
    if (typeof addEventListener === 'function') {
      addEventListener('pagehide', () => void session.flush());
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void session.flush());
    }
  }
  return shared;
}

/** For tests: a session over a given database and engine. */
export function setPortfolioSession(value: { session: PortfolioSession; analysis: PortfolioAnalysis; run: RebalancingRun } | null): void {
  shared = value;
}
