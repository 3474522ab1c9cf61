/**
 * Saves and restores the scenario being edited. Reads validate the stored data; a damaged
 * record is reported (with where it is damaged) and kept aside, never overwritten silently.
 *
 * One record per starting point (`builtin:demo`, `builtin:pyramid`, `saved:<id>`), so a tab
 * editing the demo and a tab that opened a library scenario never write over each other. Two tabs
 * on the same starting point share its record and merge input by input, as library records do
 * (`mergeScenarios`): edits of different inputs both survive; the same input edited in both is a
 * conflict, the later writer's value is kept, and the record carries a conflict mark so that the
 * tab whose value was replaced is told too.
 */
import { mergeScenarios, validateScenario, type Scenario, type ValidationProblem } from '../model';
import type { ConflictMark, MixLabDatabase, WorkspaceRecord } from './database';

export type WorkspaceBase = WorkspaceRecord['base'];

/** The record a starting point's edits are saved in. */
export function workspaceKey(base: WorkspaceBase): string {
  return base.kind === 'builtin' ? `builtin:${base.name}` : `saved:${base.id}`;
}

/** The key of the one shared record written before there was one record per starting point. */
export const LEGACY_WORKSPACE_KEY = 'current';

export type LoadedWorkspace =
  | { status: 'empty' }
  | { status: 'ok'; key: string; scenario: Scenario; base: WorkspaceBase; scenarioId: string | null; updatedAt: number; conflict: ConflictMark | null }
  | { status: 'damaged'; key: string; problems: ValidationProblem[] };

/**
 * The record of `preferredKey` (the one this tab had open before a reload) or else the most
 * recently saved one (a new tab opens where the user last worked).
 */
export async function loadWorkspace(db: MixLabDatabase, preferredKey: string | null = null): Promise<LoadedWorkspace> {
  const preferred = preferredKey ? await db.workspace.get(preferredKey) : undefined;
  const record = preferred ?? (await db.workspace.toArray()).sort((a, b) => (Number(b.updatedAt) || 0) - (Number(a.updatedAt) || 0))[0];
  if (!record) return { status: 'empty' };
  const checked = validateScenario(record.data);
  if (!checked.ok) return { status: 'damaged', key: record.key, problems: checked.problems };
  if (!isBase(record.base))
    return { status: 'damaged', key: record.key, problems: [{ path: 'base', message: { zh: '起点无效', en: 'invalid starting point' } }] };
  return {
    status: 'ok',
    key: record.key,
    scenario: checked.scenario,
    base: record.base,
    scenarioId: record.base.kind === 'saved' ? record.base.id : null,
    updatedAt: Number(record.updatedAt) || 0,
    conflict: isConflictMark(record.conflict) ? record.conflict : null,
  };
}

export interface WorkspaceSave {
  base: WorkspaceBase;
  /** The record's scenario as this tab last read or wrote it (the merge base); null: mine replaces it. */
  synced: Scenario | null;
  mine: Scenario;
  /** The tab writing, for the conflict mark. */
  tab: string;
  /** A record this one replaces (the legacy shared record), deleted in the same transaction. */
  replaces?: string | null;
  /** Inputs where the writer already kept its value over the other tab's (merged on arrival). */
  kept?: readonly string[];
}

export interface WorkspaceSaved {
  merged: Scenario;
  /** Inputs another tab changed to a different value too (mine was kept). */
  conflicts: string[];
  updatedAt: number;
}

/**
 * Saves a starting point's edits, merged with what another tab wrote to the same record since
 * `synced`. A record found damaged is first moved aside (kept whole) and then replaced.
 */
export async function saveWorkspace(db: MixLabDatabase, save: WorkspaceSave, now = Date.now()): Promise<WorkspaceSaved> {
  const key = workspaceKey(save.base);
  return db.transaction('rw', db.workspace, db.scenarios, async () => {
    const current = await db.workspace.get(key);
    let merged = save.mine;
    let conflicts: string[] = [];
    if (current) {
      const stored = validateScenario(current.data);
      if (!stored.ok) await keepAside(db, current, now);
      else if (save.synced) ({ merged, conflicts } = mergeScenarios(save.synced, save.mine, stored.scenario));
    }
    const updatedAt = Math.max(now, (Number(current?.updatedAt) || 0) + 1);
    const marked = [...new Set([...(save.kept ?? []), ...conflicts])];
    const conflict = marked.length ? { paths: marked, at: updatedAt, tab: save.tab } : isConflictMark(current?.conflict) ? current.conflict : null;
    await db.workspace.put({ key, data: merged, base: save.base, scenarioId: save.base.kind === 'saved' ? save.base.id : null, updatedAt, conflict });
    if (save.replaces && save.replaces !== key) await db.workspace.delete(save.replaces);
    return { merged, conflicts, updatedAt };
  });
}

/** Moves a damaged workspace record aside (into the library, tagged "damaged") so that nothing in it is lost. */
export async function quarantineWorkspace(db: MixLabDatabase, key: string = LEGACY_WORKSPACE_KEY): Promise<void> {
  await db.transaction('rw', db.workspace, db.scenarios, async () => {
    const record = await db.workspace.get(key);
    if (!record) return;
    await keepAside(db, record, Date.now());
    await db.workspace.delete(key);
  });
}

async function keepAside(db: MixLabDatabase, record: WorkspaceRecord, now: number): Promise<void> {
  await db.scenarios.put({
    id: `damaged-${now}-${Math.random().toString(36).slice(2, 8)}`,
    title: `damaged workspace ${new Date(now).toISOString()}`,
    description: 'Kept as it was found: it did not pass validation.',
    tags: ['damaged'],
    createdAt: now,
    updatedAt: now,
    data: record.data,
  });
}

function isBase(x: unknown): x is WorkspaceBase {
  const b = x as WorkspaceBase | null;
  if (!b || typeof b !== 'object') return false;
  return (b.kind === 'builtin' && (b.name === 'demo' || b.name === 'pyramid')) || (b.kind === 'saved' && typeof b.id === 'string');
}

/** Whether a stored conflict mark has the shape this version writes (a record from elsewhere may not). */
export function isConflictMark(x: unknown): x is ConflictMark {
  const c = x as ConflictMark | null;
  return (
    !!c &&
    typeof c === 'object' &&
    Array.isArray(c.paths) &&
    c.paths.every((p) => typeof p === 'string') &&
    typeof c.at === 'number' &&
    typeof c.tab === 'string'
  );
}
