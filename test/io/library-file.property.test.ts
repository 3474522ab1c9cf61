/**
 * Property-based tests of the importer (fast-check): whatever JSON it is fed, it returns either
 * valid scenarios or a typed list of problems, never throws, and on error writes nothing.
 * 10,000 arbitrary JSON values and 4,000 mutated valid files through the pure validation, and
 * 300 cases through the database-backed import (fake-indexeddb), within about 20 s.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { importData } from '../../src/lib/db/library-repo';
import { createDexieStore } from '../../src/lib/db/library-store';
import { LIBRARY_FILE_FORMAT, parseLibraryData, parseLibraryText, type ParsedImport } from '../../src/lib/io/library-file';
import { demoScenario, leafPaths, pyramidScenario, validateScenario } from '../../src/lib/model';

const validFile = {
  format: LIBRARY_FILE_FORMAT,
  schemaVersion: 1,
  exportedAt: '2025-01-01T00:00:00.000Z',
  scenarios: [
    { id: 'a', title: '倒金字塔', description: 'd', tags: ['t'], createdAt: 1, updatedAt: 2, scenario: demoScenario },
    {
      id: 'b',
      title: '正金字塔',
      description: '',
      tags: [],
      createdAt: 1,
      updatedAt: 2,
      scenario: pyramidScenario,
      loanBook: {
        name: 'book',
        rows: [{ id: 'C1', segment: 'large', exposure: 5e8, pd: 0.01, lgd: 0.45, tenorYears: 3, rate: 0.03, deposits: 1e8, productsHeld: 3, group: 'G' }],
      },
    },
  ],
};
const PATHS = leafPaths(validFile);

function setAt(root: unknown, path: string, value: unknown): unknown {
  const parts = path.split('.');
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
  return copy;
}

/** The result is one of the two typed shapes; a valid one holds only valid scenarios. */
function checkShape(r: ParsedImport) {
  if (r.ok) {
    expect(r.entries.length).toBeGreaterThan(0);
    for (const e of r.entries) expect(validateScenario(e.scenario).ok).toBe(true);
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(typeof p.path).toBe('string');
      expect(typeof p.message.zh).toBe('string');
      expect(typeof p.message.en).toBe('string');
    }
  }
}

describe('importer properties', () => {
  it('any JSON value: valid scenarios or typed problems, never a throw (10,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkShape(parseLibraryData(value));
        checkShape(parseLibraryText(JSON.stringify(value) ?? 'null'));
      }),
      { numRuns: 10_000 },
    );
  }, 30_000);

  it('a valid file with any one value replaced by any JSON: valid or typed problems (4,000 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const r = parseLibraryData(setAt(validFile, path, value));
        checkShape(r);
        // a problem found is reported in the entry that was broken (or above it)
        if (!r.ok && r.problems.every((p) => p.path !== '')) {
          const entry = path.split('.').slice(0, 2).join('.');
          expect(r.problems.some((p) => path.startsWith(p.path) || p.path.startsWith(entry))).toBe(true);
        }
      }),
      { numRuns: 4_000 },
    );
  }, 30_000);

  it('any text as a file: never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => checkShape(parseLibraryText(text))),
      { numRuns: 2_000 },
    );
  }, 30_000);

  it('through the database: on any error nothing changes (300 cases)', async () => {
    const db = new MixLabDatabase(`prop-${Date.now()}`);
    await db.open();
    const store = createDexieStore(db);
    await importData(store, validFile, 'copy');
    const snapshot = async () => JSON.stringify({ s: await db.scenarios.orderBy('id').toArray(), b: await db.loanBooks.orderBy('id').toArray() });
    const input = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.tuple(fc.constantFrom(...PATHS), fc.jsonValue({ maxDepth: 1 })).map(([p, v]) => setAt(validFile, p, v)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const before = await snapshot();
        const count = await db.scenarios.count();
        const outcome = await importData(store, value, 'copy');
        if (outcome.ok) {
          expect(await db.scenarios.count()).toBe(count + outcome.imported.length);
        } else {
          expect(outcome.problems.length).toBeGreaterThan(0);
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
    db.close();
  }, 60_000);
});
