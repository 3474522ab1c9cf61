/**
 * Client portfolios in IndexedDB (the `portfolios` table of database v2). Every read goes through
 * the validator: a damaged record is listed as damaged with its problems, never dropped or
 * overwritten. An import writes all its portfolios in one transaction, or none.
 */
import type { ClientPortfolio, ValidationProblem } from '../model';
import { validateClientPortfolio } from '../io/portfolio-validate';
import {
  buildPortfolioFile,
  parsePortfolioText,
  planPortfolioImport,
  portfolioTitle,
  serializePortfolioFile,
  type PlannedPortfolio,
} from '../io/portfolio-file';
import type { MixLabDatabase, PortfolioRecord } from './database';
import { uniqueTitle } from '../io/limits';

export function newPortfolioId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export type PortfolioEntry =
  { status: 'ok'; record: PortfolioRecord; portfolio: ClientPortfolio } | { status: 'damaged'; record: PortfolioRecord; problems: ValidationProblem[] };

export function checkPortfolioRecord(record: PortfolioRecord): PortfolioEntry {
  const checked = validateClientPortfolio(record.data);
  return checked.ok ? { status: 'ok', record, portfolio: checked.portfolio } : { status: 'damaged', record, problems: checked.problems };
}

/** Every stored portfolio, most recently edited first. */
export async function listPortfolios(db: MixLabDatabase): Promise<PortfolioEntry[]> {
  const records = await db.portfolios.toArray();
  records.sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return records.map(checkPortfolioRecord);
}

/**
 * Adds a portfolio under a name not yet used (a clash gets the copy label); returns the record.
 * The client's name is set to the record's name, so the two never disagree.
 */
export async function createPortfolio(
  db: MixLabDatabase,
  portfolio: ClientPortfolio,
  options: { copyLabel: string; fallbackTitle: string },
  now = Date.now(),
): Promise<PortfolioRecord> {
  return db.transaction('rw', db.portfolios, async () => {
    const taken = new Set((await db.portfolios.toArray()).map((r) => r.title));
    const title = uniqueTitle(portfolioTitle(portfolio, options.fallbackTitle), taken, options.copyLabel);
    const record: PortfolioRecord = { id: newPortfolioId(), title, updatedAt: now, data: { ...portfolio, client: { ...portfolio.client, name: title } } };
    await db.portfolios.add(record);
    return record;
  });
}

/** Autosave: writes the portfolio being edited (its name follows the client's name). */
export async function savePortfolio(db: MixLabDatabase, id: string, portfolio: ClientPortfolio, fallbackTitle: string, now = Date.now()): Promise<void> {
  await db.portfolios.put({ id, title: portfolioTitle(portfolio, fallbackTitle), updatedAt: now, data: portfolio });
}

export async function deletePortfolio(db: MixLabDatabase, id: string): Promise<void> {
  await db.portfolios.delete(id);
}

export type PortfolioImportResult = { ok: true; added: PlannedPortfolio[] } | { ok: false; problems: ValidationProblem[] };

/**
 * Imports a file's text: validated first (nothing is written from an invalid file), then every
 * portfolio added in one transaction under a free id and name (a clash imports a copy).
 */
export async function importPortfolios(
  db: MixLabDatabase,
  text: string,
  options: { copyLabel: string; fallbackTitle: string },
  now = Date.now(),
): Promise<PortfolioImportResult> {
  const parsed = parsePortfolioText(text);
  if (!parsed.ok) return parsed;
  const added = await db.transaction('rw', db.portfolios, async () => {
    const existing = (await db.portfolios.toArray()).map((r) => ({ id: r.id, title: r.title }));
    const plan = planPortfolioImport(parsed.entries, existing, { newId: newPortfolioId, ...options });
    await db.portfolios.bulkAdd(plan.map((p) => ({ id: p.id, title: p.title, updatedAt: now, data: p.portfolio })));
    return plan;
  });
  return { ok: true, added };
}

/** The export file's text for the given valid entries. */
export function exportPortfolioText(entries: readonly { record: PortfolioRecord; portfolio: ClientPortfolio }[], now: Date): string {
  return serializePortfolioFile(
    buildPortfolioFile(
      entries.map((e) => ({ id: e.record.id, title: e.record.title, updatedAt: e.record.updatedAt, portfolio: e.portfolio })),
      now,
    ),
  );
}
