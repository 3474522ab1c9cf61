/**
 * Export and import of library files: pure functions, no Dexie, never throw. An import is
 * all-or-nothing: `parseLibraryText` / `parseLibraryData` either return every entry valid, or every
 * problem found (path, what was expected, what was found) and nothing to write. `planImport` then
 * decides ids and titles so that nothing already in the library is overwritten: a clash imports
 * a copy.
 *
 * File format (JSON):
 *   { format: 'tong-mix-lab/library', schemaVersion: 1, exportedAt: ISO date,
 *     scenarios: [{ id, title, description, tags, createdAt, updatedAt, scenario, baseline?, loanBook? }] }
 * A bare scenario (what `validateScenario` accepts) is also accepted, as a library of one.
 */
import * as v from 'valibot';
import { validateScenario, type Bilingual, type Scenario, type ValidationProblem } from '../model';
import { envelopeProblem, prefixed, readEnvelope, readJsonText } from './envelope';
import { checkLoanBookRows, type LoanBookRow } from './loan-book';
import { TRANSFER_LIMITS, uniqueTitle } from './limits';

export const LIBRARY_FILE_FORMAT = 'tong-mix-lab/library';
/** Version of the file envelope; each scenario inside carries its own `schemaVersion` too. */
export const LIBRARY_FILE_VERSION = 1;

export interface ExportedScenario {
  id: string;
  title: string;
  description: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  scenario: Scenario;
  /** The saved version that "reset to saved" returns to, when it differs from `scenario`. */
  baseline?: Scenario;
  loanBook?: { name: string; rows: LoanBookRow[] };
}

export interface LibraryFile {
  format: typeof LIBRARY_FILE_FORMAT;
  schemaVersion: typeof LIBRARY_FILE_VERSION;
  exportedAt: string;
  scenarios: ExportedScenario[];
}

/** A problem with an imported file: where (dotted path), what, expected and found. */
export type TransferProblem = ValidationProblem;

export type ParsedImport = { ok: true; kind: 'library' | 'scenario'; entries: ExportedScenario[] } | { ok: false; problems: TransferProblem[] };

/** Builds an export file. Pure: the caller supplies the records (already validated) and the time. */
export function buildLibraryFile(entries: ExportedScenario[], now: Date): LibraryFile {
  return { format: LIBRARY_FILE_FORMAT, schemaVersion: LIBRARY_FILE_VERSION, exportedAt: now.toISOString(), scenarios: entries };
}

/** The file as text, with a stable key order and two-space indent (diff-friendly). */
export function serializeLibraryFile(file: LibraryFile): string {
  return JSON.stringify(file, null, 2);
}

/** A file name for an export: letters, digits and CJK kept, the rest dashed. */
export function exportFileName(title: string, now: Date): string {
  const safe =
    title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'library';
  return `mix-lab-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const timestamp = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));

const entrySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  title: text(TRANSFER_LIMITS.title),
  description: v.optional(text(TRANSFER_LIMITS.description), ''),
  tags: v.optional(v.pipe(v.array(text(TRANSFER_LIMITS.tag)), v.maxLength(TRANSFER_LIMITS.tags)), []),
  createdAt: v.optional(timestamp),
  updatedAt: v.optional(timestamp),
  scenario: v.unknown(),
  baseline: v.optional(v.unknown()),
  loanBook: v.optional(v.object({ name: text(TRANSFER_LIMITS.title), rows: v.unknown() })),
});

function looksLikeScenario(x: unknown): boolean {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && 'market' in x && 'segments' in x;
}

/**
 * Validates parsed JSON as a library file or a bare scenario. Never throws. Valid: every entry,
 * each scenario checked by `validateScenario` (the valibot schema generated from INPUT_SPECS).
 * Invalid: every problem with its path, e.g. `scenarios.2.scenario.segments.0.pd`.
 */
export function parseLibraryData(data: unknown, onProgress?: (fraction: number) => void): ParsedImport {
  try {
    if (looksLikeScenario(data)) {
      const checked = validateScenario(data);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      const s = checked.scenario;
      return {
        ok: true,
        kind: 'scenario',
        entries: [
          { id: '', title: s.name.zh || s.name.en, description: s.description.zh || s.description.en, tags: [], createdAt: 0, updatedAt: 0, scenario: s },
        ],
      };
    }
    const envelope = readEnvelope(data, {
      format: LIBRARY_FILE_FORMAT,
      version: LIBRARY_FILE_VERSION,
      listKey: 'scenarios',
      maxItems: TRANSFER_LIMITS.scenarios,
      notThisFile: {
        message: {
          zh: '这不是砼 Mix Lab 的情景文件。请选择本应用“导出全部”或情景卡片“导出”得到的 .json 文件。',
          en: 'This is not a Mix Lab scenario file. Choose a .json file made by this app’s "Export all" or a scenario card’s "Export".',
        },
      },
    });
    if (!envelope.ok) return envelope;
    const problems: TransferProblem[] = [];
    const entries: ExportedScenario[] = [];
    const count = envelope.items.length;
    envelope.items.forEach((raw, i) => {
      const at = `scenarios.${i}`;
      if (onProgress && i % 50 === 0) onProgress(i / count);
      const e = v.safeParse(entrySchema, raw);
      if (!e.success) {
        problems.push(...e.issues.map((issue) => envelopeProblem(issue, at)));
        return;
      }
      const scenario = validateScenario(e.output.scenario);
      if (!scenario.ok) problems.push(...prefixed(scenario.problems, `${at}.scenario`));
      let baseline: Scenario | undefined;
      if (e.output.baseline !== undefined) {
        const b = validateScenario(e.output.baseline);
        if (b.ok) baseline = b.scenario;
        else problems.push(...prefixed(b.problems, `${at}.baseline`));
      }
      let loanBook: ExportedScenario['loanBook'];
      if (e.output.loanBook && scenario.ok) {
        const rows = checkLoanBookRows(
          e.output.loanBook.rows,
          scenario.scenario.segments.map((s) => s.key),
        );
        if (rows.ok) loanBook = { name: e.output.loanBook.name, rows: rows.rows };
        else problems.push(...prefixed(rows.problems, `${at}.loanBook`));
      }
      if (!scenario.ok) return;
      entries.push({
        id: e.output.id,
        title: e.output.title,
        description: e.output.description,
        tags: e.output.tags,
        createdAt: e.output.createdAt ?? 0,
        updatedAt: e.output.updatedAt ?? 0,
        scenario: scenario.scenario,
        ...(baseline ? { baseline } : {}),
        ...(loanBook ? { loanBook } : {}),
      });
    });
    return problems.length ? { ok: false, problems } : { ok: true, kind: 'library', entries };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } }] };
  }
}

/** Parses the text of a file (JSON) and validates it. Never throws. */
export function parseLibraryText(textContent: string, onProgress?: (fraction: number) => void): ParsedImport {
  const read = readJsonText(textContent, TRANSFER_LIMITS.fileChars);
  return read.ok ? parseLibraryData(read.data, onProgress) : read;
}

export interface ExistingRecord {
  id: string;
  title: string;
}

export interface PlannedRecord {
  /** The id it will have in the library (a fresh id when the file's id is taken). */
  id: string;
  /** The title it will have (a copy label when the title is taken). */
  title: string;
  isCopy: boolean;
  entry: ExportedScenario;
}

/**
 * Decides ids and titles for an import so that nothing is overwritten: an id already in the
 * library (or earlier in the same file) gets a fresh id; a title already used gets a copy label
 * (`X（副本）`, `X（副本 2）`…). Pure: ids come from `newId`.
 */
export function planImport(
  entries: readonly ExportedScenario[],
  existing: readonly ExistingRecord[],
  options: { newId: () => string; copyLabel: Bilingual | string },
): PlannedRecord[] {
  const label = typeof options.copyLabel === 'string' ? options.copyLabel : options.copyLabel.zh;
  const placed = placeIncoming(entries, existing, options.newId, label);
  return entries.map((entry, i) => {
    const { id, title, isIdClash } = placed[i];
    return { id, title, isCopy: isIdClash || title !== entry.title, entry };
  });
}

/**
 * An id and a title for each incoming record (a file's scenarios or portfolios), so that nothing
 * stored is overwritten: an empty id, or one already used (or earlier in the same file), gets a
 * fresh id from `newId`; a title already used gets a copy label (see uniqueTitle). Pure.
 * @example placeIncoming([{ id: 'a', title: 'X' }], [{ id: 'a', title: 'X' }], () => 'b', '副本') // [{ id: 'b', title: 'X（副本）', isIdClash: true }]
 */
export function placeIncoming(
  incoming: readonly ExistingRecord[],
  existing: readonly ExistingRecord[],
  newId: () => string,
  copyLabel: string,
): { id: string; title: string; isIdClash: boolean }[] {
  const ids = new Set(existing.map((r) => r.id));
  const titles = new Set(existing.map((r) => r.title));
  return incoming.map((r) => {
    let id = r.id;
    const isIdClash = id === '' || ids.has(id);
    if (isIdClash) {
      do id = newId();
      while (ids.has(id));
    }
    ids.add(id);
    const title = uniqueTitle(r.title, titles, copyLabel);
    titles.add(title);
    return { id, title, isIdClash };
  });
}
