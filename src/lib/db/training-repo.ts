/**
 * Lesson progress, challenge attempts, workshop packs and imported team results in the v2 tables
 * (progress, attempts, packs, teamResults). Packs and results are validated on every read: a
 * damaged record is reported and left in place, never dropped.
 */
import type { Scenario, ValidationProblem } from '../model';
import type { TeamResults, WorkshopPack } from '../training';

/**
 * The pack and results validators, loaded on first use: they check challenge ids and score plays,
 * so they bring the whole training layer (lessons, challenges, glossary), which the dashboard's
 * first load must not carry.
 */
const packChecks = () => import('../training/pack');
import type { AttemptRecord, LessonProgressRecord, MixLabDatabase, TeamResultRecord } from './database';

export async function loadProgress(db: MixLabDatabase): Promise<Record<string, LessonProgressRecord>> {
  const rows = await db.progress.toArray();
  return Object.fromEntries(rows.map((r) => [r.lessonId, r]));
}

/** Records progress; a completed lesson stays completed when it is opened again. */
export async function saveProgress(db: MixLabDatabase, lessonId: string, status: LessonProgressRecord['status'], step: number): Promise<void> {
  await db.transaction('rw', db.progress, async () => {
    const old = await db.progress.get(lessonId);
    const keep = old?.status === 'completed' && status === 'started';
    await db.progress.put({ lessonId, status: keep ? 'completed' : status, step: keep ? old.step : step, updatedAt: Date.now() });
  });
}

/**
 * What an attempt keeps beside its score (AttemptRecord.detail): the bank scenario played, or for
 * a client-portfolio challenge the weights by asset key.
 */
export type AttemptDetail = { stars: number; figures: Record<string, number> } & ({ scenario: Scenario } | { weights: Record<string, number> });

export async function addAttempt(
  db: MixLabDatabase,
  attempt: { challengeId: string; packId: string | null; team: string | null; score: number; detail: AttemptDetail },
): Promise<number> {
  return (await db.attempts.add({ ...attempt, createdAt: Date.now() })) as number;
}

function sameContext(r: AttemptRecord, packId: string | null, team: string | null): boolean {
  return (r.packId ?? null) === packId && (packId === null || (r.team ?? null) === team);
}

/** Attempts at a challenge, newest first, within a pack and team (or outside any pack). */
export async function attemptsFor(db: MixLabDatabase, challengeId: string, packId: string | null, team: string | null): Promise<AttemptRecord[]> {
  const rows = await db.attempts.where('challengeId').equals(challengeId).toArray();
  return rows.filter((r) => sameContext(r, packId, team)).sort((a, b) => b.createdAt - a.createdAt);
}

/** The best attempt of each challenge (highest score, then the latest). */
export async function bestAttempts(db: MixLabDatabase, packId: string | null, team: string | null): Promise<Record<string, AttemptRecord>> {
  const rows = (await db.attempts.toArray()).filter((r) => sameContext(r, packId, team));
  const best: Record<string, AttemptRecord> = {};
  for (const r of rows) {
    const b = best[r.challengeId];
    if (!b || r.score > b.score || (r.score === b.score && r.createdAt > b.createdAt)) best[r.challengeId] = r;
  }
  return best;
}

export async function savePack(db: MixLabDatabase, pack: WorkshopPack): Promise<void> {
  await db.packs.put({ id: pack.id, title: pack.title, createdAt: Date.now(), data: pack });
}

export type StoredPack = { id: string; ok: true; pack: WorkshopPack } | { id: string; ok: false; title: string; problems: ValidationProblem[] };

export async function loadPacks(db: MixLabDatabase): Promise<StoredPack[]> {
  const rows = await db.packs.orderBy('createdAt').reverse().toArray();
  const { validatePack } = await packChecks();
  return rows.map((r): StoredPack => {
    const checked = validatePack(r.data);
    return checked.ok ? { id: r.id, ok: true, pack: checked.value } : { id: r.id, ok: false, title: r.title, problems: checked.problems };
  });
}

export async function loadPack(db: MixLabDatabase, id: string): Promise<WorkshopPack | null> {
  const r = await db.packs.get(id);
  if (!r) return null;
  const { validatePack } = await packChecks();
  const checked = validatePack(r.data);
  return checked.ok ? checked.value : null;
}

/** What an import did: a new team, a newer file of a known team, an older one (kept, not current), or the same file again. */
export type ImportOutcome = 'new' | 'newer' | 'older' | 'same';

/**
 * Stores a team's results file beside the team's earlier ones (every submission is kept, so the
 * trainer sees the re-submissions with their times); the same file twice is stored once. Which
 * one counts is decided on reading: the newest by export time (currentSubmissions).
 */
export async function importTeamResults(db: MixLabDatabase, results: TeamResults): Promise<ImportOutcome> {
  return db.transaction('rw', db.teamResults, async () => {
    const mine = (await db.teamResults.where('packId').equals(results.packId).toArray()).filter((r) => r.team === results.team);
    const exportedAt = (r: TeamResultRecord) => String((r.data as { exportedAt?: unknown } | null)?.exportedAt ?? '');
    const same = mine.find((r) => exportedAt(r) === results.exportedAt);
    if (same) {
      await db.teamResults.put({ ...same, importedAt: Date.now(), data: results });
      return 'same';
    }
    await db.teamResults.add({ packId: results.packId, team: results.team, importedAt: Date.now(), data: results });
    if (mine.length === 0) return 'new';
    return mine.every((r) => exportedAt(r) < results.exportedAt) ? 'newer' : 'older';
  });
}

export type StoredResults = ({ ok: true; results: TeamResults } | { ok: false; problems: ValidationProblem[] }) & {
  id: number;
  packId: string;
  team: string;
  importedAt: number;
};

export async function loadTeamResults(db: MixLabDatabase, packId: string | null): Promise<StoredResults[]> {
  const rows = packId === null ? await db.teamResults.toArray() : await db.teamResults.where('packId').equals(packId).toArray();
  const { validateTeamResults } = await packChecks();
  return rows.map((r): StoredResults => {
    const checked = validateTeamResults(r.data);
    const where = { id: r.id!, packId: r.packId, team: r.team, importedAt: r.importedAt };
    return checked.ok ? { ...where, ok: true, results: checked.value } : { ...where, ok: false, problems: checked.problems };
  });
}

/** Removes one stored submission. */
export async function removeTeamResults(db: MixLabDatabase, id: number): Promise<void> {
  await db.teamResults.delete(id);
}

/** Removes a team from a pack's leaderboard: every submission of that team. */
export async function removeTeam(db: MixLabDatabase, packId: string, team: string): Promise<void> {
  await db.transaction('rw', db.teamResults, async () => {
    const ids = (await db.teamResults.where('packId').equals(packId).toArray()).filter((r) => r.team === team).map((r) => r.id!);
    await db.teamResults.bulkDelete(ids);
  });
}
