/**
 * The client portfolio being edited (always valid: the forms commit only valid values), autosaved
 * to its record in `db.portfolios`; the stored portfolios (each validated on read); new,
 * duplicate, delete, import and export.
 *
 * One session per page (`portfolioSession()`), with its `PortfolioAnalysis` and `RebalancingRun`,
 * so leaving the view and coming back keeps the analyses and runs.
 */
import { pageServices } from './services';
import { demoClientPortfolio, type ClientPortfolio } from '../model';
import type { MixLabDatabase } from '../db/database';
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
import { checkClientPortfolio } from '../io/portfolio-validate';
import { PortfolioAnalysis } from './portfolio-analysis.svelte';
import { RebalancingRun } from './rebalancing-run.svelte';

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
      return {
        ok: false,
        problems: [{ path: '', message: { zh: '浏览器存储不可用，无法导入', en: 'Browser storage is unavailable: nothing can be imported' } }],
      };
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

// —— one session per page ——

let shared: { session: PortfolioSession; analysis: PortfolioAnalysis; run: RebalancingRun } | null = null;

/** The page's portfolio session, analysis and run, created on first use. */
export function portfolioSession(): { session: PortfolioSession; analysis: PortfolioAnalysis; run: RebalancingRun } {
  if (!shared) {
    const session = new PortfolioSession(pageServices().database);
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
