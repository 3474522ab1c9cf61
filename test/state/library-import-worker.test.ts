/**
 * A large import is parsed and validated through the engine (a worker in the app), never on the
 * page's thread, and reports its progress; nothing is written if the file has problems.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { buildLibraryFile, serializeLibraryFile } from '../../src/lib/io/library-file';
import { demoScenario } from '../../src/lib/model';
import { createServices, setPageServices } from '../../src/lib/state/services';
import { Library } from '../../src/lib/state/library.svelte';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import type { EngineClient } from '../../src/lib/workers/engine-client';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';
import { MemoryStorage } from './memory-storage';

describe('importing a large library file', () => {
  it('parses 2,000 scenarios through the engine, with progress, and imports them all', async () => {
    const engine = createInProcessEngine();
    const progress: number[] = [];
    let calls = 0;
    const counting: EngineClient = {
      ...engine,
      parseLibraryText: (text, onProgress) => {
        calls++;
        return engine.parseLibraryText(text, (f) => {
          progress.push(f);
          onProgress?.(f);
        });
      },
    };
    setPageServices(createServices({ database: null, engine: counting }));
    const w = new Workspace(engine, new MixLabDatabase('import-worker'), { local: new MemoryStorage(), session: new MemoryStorage() });
    await w.init();
    const lib = new Library(w);
    const entries = Array.from({ length: 2000 }, (_, i) => ({
      id: `s${i}`,
      title: `方案 ${i}`,
      description: '',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
      scenario: demoScenario,
    }));
    const text = serializeLibraryFile(buildLibraryFile(entries, new Date(0)));
    const outcome = await lib.importText(text, '副本');
    expect(calls).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(40); // every 50 scenarios
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(lib.importProgress).toBeNull();
    expect(outcome.ok && outcome.imported.length).toBe(2000);
  });
});
