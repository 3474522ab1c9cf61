/**
 * Two tabs, reloads and closing pages, with fake-indexeddb: each test is one of the ways edits
 * were lost silently (two tabs on one starting point, the tab that loses a conflict, a drag saved
 * only after it stops, a page closed before its save committed, an open record found damaged,
 * a disk that is full).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { createScenario } from '../../src/lib/db/library-records';
import { createDexieStore } from '../../src/lib/db/library-store';
import { workspaceKey } from '../../src/lib/db/workspace-repo';
import { demoScenario, validateScenario, type Scenario } from '../../src/lib/model';
import { SAVE_INTERVAL_MS, Workspace } from '../../src/lib/state/workspace.svelte';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';
import { MemoryStorage } from './memory-storage';

let n = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One browser: a database name and the localStorage its tabs share. */
function browser() {
  const name = `tabs-${n++}`;
  const local = new MemoryStorage();
  /** Opens a tab; pass the session of a tab to reload it. */
  async function tab(session = new MemoryStorage()) {
    const w = new Workspace(createInProcessEngine(), new MixLabDatabase(name), { local, session });
    await w.init();
    return Object.assign(w, { session });
  }
  return { name, local, tab };
}

/** Waits until `check` holds (live queries and throttled saves are asynchronous). */
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('two tabs on the default workspace', () => {
  it('keeps both tabs’ edits of different inputs (A’s edit survives B’s save and A’s reload)', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const b = await b0.tab();
    a.setInput('market.lpr1y', 0.031);
    await a.flush();
    b.setInput('segments.2.pd', 0.045);
    await b.flush();
    await until(() => a.scenario.segments[2].pd === 0.045);
    const a2 = await b0.tab(a.session); // A reloads
    expect(a2.scenario.market.lpr1y).toBe(0.031);
    expect(a2.scenario.segments[2].pd).toBe(0.045);
    await until(() => b.scenario.market.lpr1y === 0.031);
  });

  it('keeps a tab’s demo edits when another tab opens a library scenario (each reload reopens its own)', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const b = await b0.tab();
    const record = await createScenario(a.library, { title: 'lib', scenario: demoScenario, copyLabel: 'copy' });
    a.openSaved(record.id, demoScenario, demoScenario);
    a.setInput('segments.0.pd', 0.002);
    await a.flush();
    b.setInput('segments.1.pd', 0.011);
    await b.flush();
    const b2 = await b0.tab(b.session);
    expect(b2.scenarioId).toBeNull();
    expect(b2.scenario.segments[1].pd).toBe(0.011);
    const a2 = await b0.tab(a.session);
    expect(a2.scenarioId).toBe(record.id);
    expect(a2.scenario.segments[0].pd).toBe(0.002);
  });

  it('tells both tabs of a conflict: the writer that its value was kept, the other that its value was replaced', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const b = await b0.tab();
    // Both edit the same input before either has seen the other's save.
    a.setInput('market.lpr1y', 0.04);
    b.setInput('market.lpr1y', 0.05);
    await a.flush();
    await b.flush();
    await until(() => a.scenario.market.lpr1y === b.scenario.market.lpr1y);
    const kept = [...b.conflicts];
    const lost = [...a.conflictsLost];
    expect(kept.length + b.conflictsLost.length).toBeGreaterThan(0);
    // Whichever way the race went, each tab is told about market.lpr1y.
    expect(kept.concat(b.conflictsLost)).toContain('market.lpr1y');
    expect(lost.concat(a.conflicts)).toContain('market.lpr1y');
  });

  it('tells the tab whose library-scenario value was replaced', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const b = await b0.tab();
    const r = await createScenario(a.library, { title: 'shared', scenario: demoScenario, copyLabel: 'copy' });
    a.openSaved(r.id, demoScenario, demoScenario);
    b.openSaved(r.id, demoScenario, demoScenario);
    await a.flush();
    await b.flush();
    a.setInput('segments.0.pd', 0.003);
    b.setInput('segments.0.pd', 0.004); // before either has seen the other's save
    await a.flush();
    await b.flush();
    await until(() => a.scenario.segments[0].pd === b.scenario.segments[0].pd);
    expect(b.conflicts.concat(b.conflictsLost)).toContain('segments.0.pd');
    expect(a.conflictsLost.concat(a.conflicts)).toContain('segments.0.pd');
  });
});

describe('saving while editing', () => {
  it('saves a continuous drag as it goes (a throttle), not only after it stops', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const db = new MixLabDatabase(b0.name);
    const seen = new Set<number>();
    for (let i = 1; i <= 40; i++) {
      a.setShare(0, 0.65 - i * 0.005);
      await sleep(25); // a drag: an edit every 25 ms for a second, never pausing
      const rec = await db.workspace.get(workspaceKey({ kind: 'builtin', name: 'demo' }));
      if (rec) seen.add((rec.data as Scenario).segments[0].share);
    }
    // Saved several times during the drag, and what is saved is at most one interval behind.
    expect(seen.size).toBeGreaterThanOrEqual(2);
    const rec = await db.workspace.get('builtin:demo');
    const lag = Math.round(((rec!.data as Scenario).segments[0].share - a.scenario.segments[0].share) / 0.005);
    expect(lag).toBeLessThanOrEqual(Math.ceil(SAVE_INTERVAL_MS / 25) + 4);
  });

  it('restores the last edits of a page closed before its save committed (the journal)', async () => {
    const b0 = browser();
    const a = await b0.tab();
    a.setInput('market.lpr1y', 0.029);
    await a.flush();
    const db = new MixLabDatabase(b0.name);
    const committed = await db.workspace.get('builtin:demo');
    // The browser tears the page down before the IndexedDB write commits: here, the write fails.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('aborted', 'AbortError');
    });
    a.setInput('segments.2.pd', 0.05);
    a.saveOnPageHide();
    await a.flush();
    put.mockRestore();
    expect(((await db.workspace.get('builtin:demo'))!.data as Scenario).segments[2].pd).toBe(committed!.data ? 0.03 : NaN);
    const a2 = await b0.tab(a.session);
    expect(a2.scenario.segments[2].pd).toBe(0.05);
    expect(a2.scenario.market.lpr1y).toBe(0.029);
    await a2.flush();
    expect(((await db.workspace.get('builtin:demo'))!.data as Scenario).segments[2].pd).toBe(0.05);
  });
});

describe('an open library record found damaged', () => {
  async function damage(db: MixLabDatabase, id: string) {
    const rec = await db.scenarios.get(id);
    await db.scenarios.put({ ...rec!, data: { ...(rec!.data as object), segments: 'gone' } });
  }

  it('saves the edits as a new, valid scenario and says so; the damaged record is kept as it was', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const r = await createScenario(a.library, { title: '试点', scenario: demoScenario, copyLabel: 'copy' });
    a.openSaved(r.id, demoScenario, demoScenario);
    await a.flush();
    const db = new MixLabDatabase(b0.name);
    await damage(db, r.id);
    a.setInput('segments.2.pd', 0.06);
    await until(() => a.recoveredAs !== null);
    await a.flush();
    expect(a.recoveredAs?.damagedTitle).toBe('试点');
    expect(a.scenarioId).not.toBe(r.id);
    const copy = await db.scenarios.get(a.scenarioId!);
    const checked = validateScenario(copy!.data);
    expect(checked.ok && checked.scenario.segments[2].pd).toBe(0.06);
    expect(((await db.scenarios.get(r.id))!.data as { segments: unknown }).segments).toBe('gone');
  });

  it('on reload, saves the workspace’s copy as a new scenario when its library record is damaged', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const r = await createScenario(a.library, { title: 'pilot', scenario: demoScenario, copyLabel: 'copy' });
    a.openSaved(r.id, demoScenario, demoScenario);
    a.setInput('segments.1.pd', 0.013);
    await a.flush();
    await damage(new MixLabDatabase(b0.name), r.id);
    const a2 = await b0.tab(a.session);
    await a2.flush();
    expect(a2.recoveredAs?.damagedTitle).toBe('pilot');
    expect(a2.scenarioId).not.toBe(r.id);
    expect(a2.scenario.segments[1].pd).toBe(0.013);
    const copy = await new MixLabDatabase(b0.name).scenarios.get(a2.scenarioId!);
    expect(validateScenario(copy!.data).ok).toBe(true);
  });
});

describe('a full disk', () => {
  it('names the cause when a save fails with QuotaExceededError, and keeps the edit on screen', async () => {
    const b0 = browser();
    const a = await b0.tab();
    const db = (a as unknown as { library: ReturnType<typeof createDexieStore> }).library;
    expect(db.kind).toBe('indexeddb');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    a.setInput('segments.2.pd', 0.07);
    await a.flush();
    expect(a.saveStatus).toBe('error');
    expect(a.saveError).toBe('quota');
    expect(a.scenario.segments[2].pd).toBe(0.07);
  });
});

describe('exporting the whole library', () => {
  it('includes the dashboard’s current edits (of the open scenario, or of a built-in bank)', async () => {
    const { Library } = await import('../../src/lib/state/library.svelte');
    const b0 = browser();
    const a = await b0.tab();
    const lib = new Library(a);
    a.setInput('segments.2.pd', 0.066);
    let out = await lib.exportAll('edits');
    expect(out.file.scenarios[0].title).toBe('edits');
    expect(out.file.scenarios[0].scenario.segments[2].pd).toBe(0.066);
    const r = await createScenario(a.library, { title: 'open', scenario: demoScenario, copyLabel: 'copy' });
    a.openSaved(r.id, demoScenario, demoScenario);
    a.setInput('segments.1.pd', 0.017);
    // Nothing saved yet (or the disk is full): the export still carries what is on screen.
    out = await lib.exportAll('edits');
    expect(out.file.scenarios).toHaveLength(1);
    expect(out.file.scenarios[0].id).toBe(r.id);
    expect(out.file.scenarios[0].scenario.segments[1].pd).toBe(0.017);
  });
});
