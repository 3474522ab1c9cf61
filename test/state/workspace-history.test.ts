import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { createScenario, listEntries } from '../../src/lib/db/library-records';
import type { LibraryStore } from '../../src/lib/db/library-store';
import { demoScenario, diffScenarios, pyramidScenario } from '../../src/lib/model';
import { Library } from '../../src/lib/state/library.svelte';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';

let n = 0;
async function workspace(name = `hist-${n++}`) {
  const w = new Workspace(createInProcessEngine(), new MixLabDatabase(name));
  await w.init();
  return w;
}

afterEach(() => vi.useRealTimers());

describe('undo and redo', () => {
  it('undoes and redoes every edit; a new edit clears redo', async () => {
    const w = await workspace();
    w.setInput('market.lpr1y', 0.028);
    w.setInput('segments.2.pd', 0.04);
    expect(w.undoDepth).toBe(2);
    w.undo();
    expect(w.scenario.segments[2].pd).toBe(0.03);
    expect(w.scenario.market.lpr1y).toBe(0.028);
    w.undo();
    expect(w.scenario).toEqual(demoScenario);
    expect(w.canUndo).toBe(false);
    w.redo();
    expect(w.scenario.market.lpr1y).toBe(0.028);
    w.setInput('levers.managerCost', 500000);
    expect(w.canRedo).toBe(false);
    w.undo();
    w.undo();
    expect(w.scenario).toEqual(demoScenario);
  });

  it('makes one step of a run of edits of the same input (typing, dragging), and separate steps after a pause', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const w = await workspace();
    w.setInput('segments.0.spreadBp', 10);
    w.setInput('segments.0.spreadBp', 12);
    w.setShare(0, 0.5);
    w.setShare(0, 0.45);
    w.setShare(0, 0.4);
    expect(w.undoDepth).toBe(2);
    vi.setSystemTime(Date.now() + 5000);
    w.setShare(0, 0.3);
    expect(w.undoDepth).toBe(3);
    w.undo();
    expect(w.scenario.segments[0].share).toBeCloseTo(0.4, 12);
    w.undo();
    expect(w.scenario.segments[0].share).toBe(0.65);
    expect(w.scenario.segments[0].spreadBp).toBe(12);
  });

  it('resets one input (the mix as a whole) and all inputs, to saved or to the demo default, undoably', async () => {
    const w = await workspace();
    w.loadBuiltin('pyramid');
    w.setShare(0, 0.5);
    w.setInput('segments.2.pd', 0.05);
    expect(diffScenarios(w.baseScenario, w.scenario).map((d) => d.path)).toEqual(['segments.0.share', 'segments.1.share', 'segments.2.share', 'segments.2.pd']);
    expect(w.resetInput('segments.1.share', 'saved')).toBe(true);
    expect(w.scenario.segments.map((s) => s.share)).toEqual([0.4, 0.3, 0.3]);
    expect(w.resetInput('segments.1.share', 'default')).toBe(true);
    expect(w.scenario.segments.map((s) => s.share)).toEqual([0.65, 0.25, 0.1]);
    w.resetAll('saved');
    expect(w.scenario).toEqual(pyramidScenario);
    w.undo();
    expect(w.scenario.segments[2].pd).toBe(0.05);
  });

  it('cannot reset a segment the demo does not have', async () => {
    const w = await workspace();
    w.update({ ...w.scenario, segments: [...w.scenario.segments, { ...w.scenario.segments[2], key: 'micro' }] });
    expect(w.canReset('segments.3.pd', 'default')).toBe(false);
    expect(w.resetInput('segments.3.pd', 'default')).toBe(false);
    expect(w.canReset('segments.2.pd', 'default')).toBe(true);
  });
});

describe('a workspace opened from the library', () => {
  it('autosaves its edits into the record, keeps the saved version, and restores both after a reload', async () => {
    const name = `lib-ws-${n++}`;
    const w = await workspace(name);
    const r = await createScenario(w.library, { title: 'T', scenario: pyramidScenario, copyLabel: 'copy' });
    w.openSaved(r.id, pyramidScenario, pyramidScenario);
    w.setInput('market.lpr1y', 0.0285);
    await w.flush();
    const [entry] = await listEntries(w.library);
    expect(entry.status === 'ok' && entry.scenario.market.lpr1y).toBe(0.0285);
    expect(entry.status === 'ok' && entry.baseline).toEqual(pyramidScenario);

    const again = await workspace(name);
    expect(again.scenarioId).toBe(r.id);
    expect(again.scenario.market.lpr1y).toBe(0.0285);
    expect(again.baseScenario).toEqual(pyramidScenario);
    await again.markSaved();
    const [after] = await listEntries(again.library);
    expect(after.status === 'ok' && after.baseline.market.lpr1y).toBe(0.0285);
  });

  it('writes an edit still waiting to be saved into its own record when another scenario is opened', async () => {
    const w = await workspace();
    const a = await createScenario(w.library, { title: 'A', scenario: demoScenario, copyLabel: 'copy' });
    const b = await createScenario(w.library, { title: 'B', scenario: pyramidScenario, copyLabel: 'copy' });
    w.openSaved(a.id, demoScenario, demoScenario);
    w.setInput('market.lpr1y', 0.0299); // not yet saved (150 ms debounce)
    w.openSaved(b.id, pyramidScenario, pyramidScenario);
    await w.flush();
    const entries = await listEntries(w.library);
    const byTitle = Object.fromEntries(entries.map((e) => [e.record.title, e.status === 'ok' ? e.scenario.market.lpr1y : null]));
    expect(byTitle).toEqual({ A: 0.0299, B: 0.03 });
    expect(w.scenario).toEqual(pyramidScenario);
  });

  it('merges edits from two tabs on one scenario: both survive', async () => {
    const name = `two-tabs-${n++}`;
    const tab1 = await workspace(name);
    const tab2 = await workspace(name);
    const r = await createScenario(tab1.library, { title: 'shared', scenario: demoScenario, copyLabel: 'copy' });
    tab1.openSaved(r.id, demoScenario, demoScenario);
    tab2.openSaved(r.id, demoScenario, demoScenario);
    tab1.setInput('segments.0.pd', 0.01);
    tab2.setInput('market.lpr1y', 0.029);
    await tab1.flush();
    await tab2.flush();
    await expect.poll(() => tab1.scenario.market.lpr1y).toBe(0.029);
    expect(tab1.scenario.segments[0].pd).toBe(0.01);
    expect(tab2.scenario.segments[0].pd).toBe(0.01);
    const [entry] = await listEntries(tab1.library);
    expect(entry.status === 'ok' && [entry.scenario.segments[0].pd, entry.scenario.market.lpr1y]).toEqual([0.01, 0.029]);
    // undo in tab 1 takes back its own edit, not tab 2's
    tab1.undo();
    expect(tab1.scenario.segments[0].pd).toBe(0.006);
    expect(tab1.scenario.market.lpr1y).toBe(0.029);
  });
});

describe('storage full', () => {
  it('moves the library to memory with what it holds, retries the write there, and says so', async () => {
    const w = await workspace();
    const library = new Library(w);
    library.connect();
    await library.create(demoScenario, 'kept', 'copy');
    await expect.poll(() => library.entries.length).toBe(1);
    const real = w.library;
    const full: LibraryStore = {
      kind: 'indexeddb',
      observe: real.observe,
      transact: async (fn) => {
        // reads work, writes fail like a full disk
        return real.transact(async (tx) =>
          fn({ ...tx, putScenario: async () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })) }),
        );
      },
    };
    w.useLibraryStore(full);
    library.connect();
    const created = await library.create(pyramidScenario, 'after the disk filled', 'copy');
    expect(created?.title).toBe('after the disk filled');
    expect(library.writeWarning).toBe('quota');
    expect(w.library.kind).toBe('memory');
    await expect.poll(() => library.entries.map((e) => e.record.title).sort()).toEqual(['after the disk filled', 'kept']);
    // nothing half-written on disk
    expect((await listEntries(real)).map((e) => e.record.title)).toEqual(['kept']);
    // an import goes on in memory too
    const imported = await library.importText(JSON.stringify(pyramidScenario), 'copy');
    expect(imported.ok).toBe(true);
    expect((await listEntries(real)).map((e) => e.record.title)).toEqual(['kept']);
  });

  it('keeps a library in memory when IndexedDB is unavailable', async () => {
    const w = new Workspace(createInProcessEngine(), null);
    await w.init();
    const library = new Library(w);
    library.connect();
    await library.create(demoScenario, 'in memory', 'copy');
    await expect.poll(() => library.entries.length).toBe(1);
    expect(w.library.kind).toBe('memory');
    const entry = library.entries[0];
    if (entry.status !== 'ok') throw new Error('damaged');
    library.open(entry);
    w.setInput('market.lpr1y', 0.027);
    await w.flush();
    await expect
      .poll(async () => ((await listEntries(w.library))[0].status === 'ok' ? (await listEntries(w.library))[0] : null)?.record.data)
      .toMatchObject({ market: { lpr1y: 0.027 } });
  });
});
