/**
 * Export and import of client portfolios, like scenarios: pure functions, no Dexie, never throw.
 * An import is all-or-nothing: either every portfolio in the file is valid, or every problem is
 * returned (path, expected, found) and nothing is to be written. `planPortfolioImport` then
 * picks ids and names so that nothing stored is overwritten: a clash imports a copy.
 *
 * File format (JSON):
 *   { format: 'tong-mix-lab/portfolios', schemaVersion: 1, exportedAt: ISO date,
 *     portfolios: [{ id, title, updatedAt, portfolio }] }
 * A bare ClientPortfolio (what `validateClientPortfolio` accepts) is also accepted, as a file of one.
 */
import * as v from 'valibot';
import type { ClientPortfolio, ValidationProblem } from '../model';
import { envelopeProblem, prefixed, readEnvelope, readJsonText } from './envelope';
import { placeIncoming } from './library-file';
import { PORTFOLIO_LIMITS } from './portfolio-specs';
import { validateClientPortfolio } from './portfolio-validate';

export const PORTFOLIO_FILE_FORMAT = 'tong-mix-lab/portfolios';
export const PORTFOLIO_FILE_VERSION = 1;
export const PORTFOLIO_TRANSFER_LIMITS = { fileChars: 20_000_000, portfolios: 500 } as const;

export interface ExportedPortfolio {
  id: string;
  /** The name shown in lists (the client's name). */
  title: string;
  updatedAt: number;
  portfolio: ClientPortfolio;
}

export interface PortfolioFile {
  format: typeof PORTFOLIO_FILE_FORMAT;
  schemaVersion: typeof PORTFOLIO_FILE_VERSION;
  exportedAt: string;
  portfolios: ExportedPortfolio[];
}

export type ParsedPortfolioImport = { ok: true; kind: 'file' | 'portfolio'; entries: ExportedPortfolio[] } | { ok: false; problems: ValidationProblem[] };

/** Builds an export file. Pure: the caller supplies the entries and the time. */
export function buildPortfolioFile(entries: readonly ExportedPortfolio[], now: Date): PortfolioFile {
  return { format: PORTFOLIO_FILE_FORMAT, schemaVersion: PORTFOLIO_FILE_VERSION, exportedAt: now.toISOString(), portfolios: entries.map((e) => ({ ...e })) };
}

/** The file as text, two-space indent (diff-friendly). */
export function serializePortfolioFile(file: PortfolioFile): string {
  return JSON.stringify(file, null, 2);
}

/** A file name for an export: letters, digits and CJK kept, the rest dashed. */
export function portfolioFileName(title: string, now: Date): string {
  const safe =
    title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'portfolios';
  return `mix-lab-portfolio-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

/** The name a portfolio is listed under: its client's name, or a fallback. */
export function portfolioTitle(p: ClientPortfolio, fallback: string): string {
  const name = p.client.name?.trim();
  return (name || fallback).slice(0, PORTFOLIO_LIMITS.name);
}

const entrySchema = v.object({
  id: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
  title: v.optional(v.pipe(v.string(), v.maxLength(PORTFOLIO_LIMITS.name)), ''),
  updatedAt: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15)), 0),
  portfolio: v.unknown(),
});

function looksLikePortfolio(x: unknown): boolean {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && 'client' in x && 'assets' in x && !('format' in x);
}

/**
 * Validates parsed JSON as a portfolio file or a bare portfolio. Never throws.
 * Problems carry full paths, e.g. `portfolios.1.portfolio.assets.correlation.2.4`.
 */
export function parsePortfolioData(data: unknown): ParsedPortfolioImport {
  try {
    if (looksLikePortfolio(data)) {
      const checked = validateClientPortfolio(data);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      return { ok: true, kind: 'portfolio', entries: [{ id: '', title: portfolioTitle(checked.portfolio, ''), updatedAt: 0, portfolio: checked.portfolio }] };
    }
    const envelope = readEnvelope(data, {
      format: PORTFOLIO_FILE_FORMAT,
      version: PORTFOLIO_FILE_VERSION,
      listKey: 'portfolios',
      maxItems: PORTFOLIO_TRANSFER_LIMITS.portfolios,
      notThisFile: {
        expected: `{ format: "${PORTFOLIO_FILE_FORMAT}", schemaVersion: ${PORTFOLIO_FILE_VERSION}, portfolios: […] }`,
        message: { zh: '不是砼 Mix Lab 的客户组合文件', en: 'not a Mix Lab client-portfolio file' },
      },
    });
    if (!envelope.ok) return envelope;
    const problems: ValidationProblem[] = [];
    const entries: ExportedPortfolio[] = [];
    envelope.items.forEach((raw, i) => {
      const at = `portfolios.${i}`;
      const e = v.safeParse(entrySchema, raw);
      if (!e.success) {
        problems.push(...e.issues.map((issue) => envelopeProblem(issue, at)));
        return;
      }
      const checked = validateClientPortfolio(e.output.portfolio);
      if (!checked.ok) {
        problems.push(...prefixed(checked.problems, `${at}.portfolio`));
        return;
      }
      entries.push({
        id: e.output.id,
        title: e.output.title || portfolioTitle(checked.portfolio, ''),
        updatedAt: e.output.updatedAt,
        portfolio: checked.portfolio,
      });
    });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, kind: 'file', entries };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } }] };
  }
}

/** Parses the text of a file (JSON) and validates it. Never throws. */
export function parsePortfolioText(textContent: string): ParsedPortfolioImport {
  const read = readJsonText(textContent, PORTFOLIO_TRANSFER_LIMITS.fileChars);
  return read.ok ? parsePortfolioData(read.data) : read;
}

export interface PlannedPortfolio {
  id: string;
  title: string;
  /** Imported under a new id or name because the file's clashed with a stored one. */
  isCopy: boolean;
  /** The portfolio with its client's name set to `title`. */
  portfolio: ClientPortfolio;
}

/**
 * Ids and names for an import, so that nothing stored is overwritten: an id already used (or
 * earlier in the same file) gets a fresh one; a name already used gets a copy label
 * (`X（副本）`, `X (copy)`, …). Pure: new ids come from `newId`.
 * @example planPortfolioImport(entries, [{ id: 'a', title: '王女士' }], { newId, copyLabel: '副本', fallbackTitle: '客户' })
 */
export function planPortfolioImport(
  entries: readonly ExportedPortfolio[],
  existing: readonly { id: string; title: string }[],
  options: { newId: () => string; copyLabel: string; fallbackTitle: string },
): PlannedPortfolio[] {
  const wanted = entries.map((entry) => ({ id: entry.id, title: entry.title || options.fallbackTitle }));
  const placed = placeIncoming(wanted, existing, options.newId, options.copyLabel);
  return entries.map((entry, i) => {
    const { id, title, isIdClash } = placed[i];
    return {
      id,
      title,
      isCopy: (isIdClash && entry.id !== '') || title !== wanted[i].title,
      portfolio: { ...entry.portfolio, client: { ...entry.portfolio.client, name: title } },
    };
  });
}
