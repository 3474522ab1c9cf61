/**
 * Lesson progress, challenge attempts, workshop packs and imported team results in the v2 tables
 * (progress, attempts, packs, teamResults). Packs and results are validated on every read: a
 * damaged record is reported and left in place, never dropped.
 */
import type { Scenario, ValidationProblem } from '../model';
import { validatePack, validateTeamResults, type TeamResults, type WorkshopPack } from '../training';
import type { AttemptRecord, LessonProgressRecord, MixLabDatabase } from './database';

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

export async function addAttempt(db: MixLabDatabase, attempt: { challengeId: string; packId: string | null; team: string | null; score: number; detail: AttemptDetail }): Promise<number> {
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
  return rows.map((r): StoredPack => {
    const checked = validatePack(r.data);
    return checked.ok ? { id: r.id, ok: true, pack: checked.value } : { id: r.id, ok: false, title: r.title, problems: checked.problems };
  });
}

export async function loadPack(db: MixLabDatabase, id: string): Promise<WorkshopPack | null> {
  const r = await db.packs.get(id);
  if (!r) return null;
  const checked = validatePack(r.data);
  return checked.ok ? checked.value : null;
}

/** Stores a team's results; a newer file of the same team for the same pack replaces the older. Returns whether it replaced one. */
export async function importTeamResults(db: MixLabDatabase, results: TeamResults): Promise<boolean> {
  return db.transaction('rw', db.teamResults, async () => {
    const old = (await db.teamResults.where('packId').equals(results.packId).toArray()).find((r) => r.team === results.team);
    await db.teamResults.put({ ...(old?.id !== undefined ? { id: old.id } : {}), packId: results.packId, team: results.team, importedAt: Date.now(), data: results });
    return old !== undefined;
  });
}

export type StoredResults = { id: number; ok: true; results: TeamResults } | { id: number; ok: false; team: string; problems: ValidationProblem[] };

export async function loadTeamResults(db: MixLabDatabase, packId: string | null): Promise<StoredResults[]> {
  const rows = packId === null ? await db.teamResults.toArray() : await db.teamResults.where('packId').equals(packId).toArray();
  return rows.map((r): StoredResults => {
    const checked = validateTeamResults(r.data);
    return checked.ok ? { id: r.id!, ok: true, results: checked.value } : { id: r.id!, ok: false, team: r.team, problems: checked.problems };
  });
}

export async function removeTeamResults(db: MixLabDatabase, id: number): Promise<void> {
  await db.teamResults.delete(id);
}
