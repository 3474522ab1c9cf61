/**
 * Another tab opens the database with a newer schema: this tab closes its connection at once
 * (so the upgrade is not blocked and nothing is written with the old schema), keeps the screen,
 * keeps further edits in the journal, and asks to reload; the reload brings those edits back.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase, onDatabaseEvent, type DatabaseEvent } from '../../src/lib/db/database';
import type { Scenario } from '../../src/lib/model';
import { AppStatus } from '../../src/lib/state/app-status.svelte';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';
import { MemoryStorage } from './memory-storage';

describe('a database upgraded by another tab', () => {
  it('closes, keeps the screen, journals the edits, and a reload restores them', async () => {
    const name = 'upgraded-elsewhere';
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const w = new Workspace(createInProcessEngine(), new MixLabDatabase(name), { local, session });
    await w.init();
    const status = new AppStatus(w);
    const events: DatabaseEvent[] = [];
    const off = onDatabaseEvent((e) => {
      events.push(e);
      status.onDatabase(e);
    });
    w.setInput('market.lpr1y', 0.032);
    await w.flush();

    // The other tab: a newer version of the schema (Dexie stores version n as n × 10).
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 990);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked: the old tab did not close'));
    });
    expect(events).toContain('versionchange');
    expect(status.database).toBe('versionchange');
    expect(w.isStorageReplaced).toBe(true);

    // Edits go on, on screen and into the journal; nothing is written to the database.
    w.setInput('segments.2.pd', 0.052);
    await w.flush();
    expect(w.scenario.segments[2].pd).toBe(0.052);
    const stored = await new Promise<Scenario>((resolve) => {
      const get = upgraded.transaction('workspace').objectStore('workspace').get('builtin:demo');
      get.onsuccess = () => resolve(get.result.data);
    });
    expect(stored.market.lpr1y).toBe(0.032);
    expect(stored.segments[2].pd).toBe(0.03);
    upgraded.close();
    off();

    // The reload (the new version would open the upgraded database; here the same schema reopens it).
    const again = new Workspace(createInProcessEngine(), new MixLabDatabase(name), { local, session });
    await again.init();
    expect(again.storage).toBe('ready');
    expect(again.scenario.segments[2].pd).toBe(0.052);
    expect(again.scenario.market.lpr1y).toBe(0.032);
  });
});
