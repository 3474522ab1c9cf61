/**
 * A record with a bad title, description, tags or time must not take the library down: it is
 * set aside as damaged (safe to display), the rest of the library lists, and the export keeps
 * everything whose scenario can be read.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { checkRecord, createScenario, listEntries } from '../../src/lib/db/library-records';
import { exportLibrary } from '../../src/lib/db/library-repo';
import { createDexieStore, type LibraryRecord } from '../../src/lib/db/library-store';
import { demoScenario } from '../../src/lib/model';

let n = 0;

async function libraryWith(edit: (r: Record<string, unknown>) => void) {
  const db = new MixLabDatabase(`damaged-fields-${n++}`);
  const store = createDexieStore(db);
  const good = await createScenario(store, { title: 'good', scenario: demoScenario, copyLabel: 'copy' });
  const bad = await createScenario(store, { title: 'bad', scenario: demoScenario, copyLabel: 'copy' });
  const raw = (await db.scenarios.get(bad.id)) as unknown as Record<string, unknown>;
  edit(raw);
  await db.scenarios.put(raw as unknown as LibraryRecord);
  return { store, good, bad };
}

describe('library records with damaged fields', () => {
  const cases: [string, (r: Record<string, unknown>) => void, string][] = [
    ['missing tags', (r) => delete r.tags, 'tags'],
    ['title null', (r) => (r.title = null), 'title'],
    ['title a number', (r) => (r.title = 42), 'title'],
    ['description an object', (r) => (r.description = { x: 1 }), 'description'],
    ['tags with a number', (r) => (r.tags = ['a', 7]), 'tags'],
    ['updatedAt text', (r) => (r.updatedAt = 'yesterday'), 'updatedAt'],
  ];
  for (const [name, edit, path] of cases) {
    it(`lists the library and flags the record with ${name} as damaged at ${path}`, async () => {
      const { store, good, bad } = await libraryWith(edit);
      const entries = await listEntries(store);
      expect(entries).toHaveLength(2);
      expect(entries.find((e) => e.record.id === good.id)?.status).toBe('ok');
      const e = entries.find((x) => x.record.id === bad.id)!;
      expect(e.status).toBe('damaged');
      if (e.status === 'damaged') expect(e.problems.map((p) => p.path)).toContain(path);
      // Safe to display: text is text, tags a list of text.
      expect(typeof e.record.title).toBe('string');
      expect(typeof e.record.description).toBe('string');
      expect(e.record.tags.join(',')).not.toMatch(/7/);
      // Everything readable is exported, the damaged-field record too (its scenario is valid).
      const out = await exportLibrary(store);
      expect(out.file.scenarios.map((s) => s.id).sort()).toEqual([good.id, bad.id].sort());
      expect(out.skipped).toEqual([]);
    });
  }

  it('skips only a record whose scenario itself cannot be read, and names it', async () => {
    const { store, bad } = await libraryWith((r) => {
      r.data = { nope: true };
      r.title = null;
    });
    const out = await exportLibrary(store);
    expect(out.file.scenarios).toHaveLength(1);
    expect(out.skipped).toEqual([{ id: bad.id, title: '' }]);
  });

  it('accepts a good record as it is', () => {
    const r: LibraryRecord = { id: 'x', title: 't', description: '', tags: [], createdAt: 1, updatedAt: 2, data: demoScenario, deletedAt: null };
    expect(checkRecord(r).status).toBe('ok');
  });
});
