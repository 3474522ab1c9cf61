import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { importTeamResults, loadTeamResults, removeTeam } from '../../src/lib/db/training-repo';
import { buildTeamResults, groupSubmissions } from '../../src/lib/training';

let n = 0;
const freshDb = () => new MixLabDatabase(`training-repo-${Date.now()}-${n++}`);
const file = (team: string, at: string) => buildTeamResults({ pack: { id: 'pack-1', title: 'P' }, team, lessonsCompleted: [], results: [], now: new Date(at) });

describe('team results in the trainer’s database', () => {
  it('keeps every submission, stores the same file once, and says how each import relates to the ones before', async () => {
    const db = freshDb();
    expect(await importTeamResults(db, file('A', '2025-06-01T11:00:00Z'))).toBe('new');
    expect(await importTeamResults(db, file('A', '2025-06-01T10:00:00Z'))).toBe('older');
    expect(await importTeamResults(db, file('A', '2025-06-01T12:00:00Z'))).toBe('newer');
    expect(await importTeamResults(db, file('A', '2025-06-01T12:00:00Z'))).toBe('same');
    expect(await importTeamResults(db, file('B', '2025-06-01T09:00:00Z'))).toBe('new');
    const stored = await loadTeamResults(db, 'pack-1');
    expect(stored).toHaveLength(4);
    const groups = groupSubmissions(stored.flatMap((s) => (s.ok ? [s] : [])));
    const a = groups.find((g) => g.team === 'A')!;
    expect(a.current.results.exportedAt).toBe('2025-06-01T12:00:00.000Z');
    expect(a.all).toHaveLength(3);
  });

  it('removes a team with all its submissions, leaving the others', async () => {
    const db = freshDb();
    await importTeamResults(db, file('A', '2025-06-01T11:00:00Z'));
    await importTeamResults(db, file('A', '2025-06-01T12:00:00Z'));
    await importTeamResults(db, file('B', '2025-06-01T09:00:00Z'));
    await removeTeam(db, 'pack-1', 'A');
    expect((await loadTeamResults(db, 'pack-1')).map((s) => s.team)).toEqual(['B']);
  });
});
