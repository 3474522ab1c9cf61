import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { loadWorkspace, saveWorkspace } from '../../src/lib/db/workspace-repo';
import { applyLevers, demoScenario, evaluate, type Evaluation, type Scenario } from '../../src/lib/model';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { createInProcessEngine, type EngineClient } from '../../src/lib/workers/engine-client';

let n = 0;
const freshDb = () => new MixLabDatabase(`ws-test-${n++}`);

describe('workspace persistence', () => {
  it('restores the edited scenario after a reload', async () => {
    const db = freshDb();
    const a = new Workspace(createInProcessEngine(), db);
    await a.init();
    a.setShare(0, 0.4);
    await a.flush();
    const b = new Workspace(createInProcessEngine(), new MixLabDatabase(db.name));
    await b.init();
    expect(b.scenario.segments[0].share).toBeCloseTo(0.4, 12);
    expect(b.evaluation?.segments[0].share).toBeCloseTo(0.4, 12);
  });

  it('keeps a damaged record aside, says where it is damaged, and opens the demo', async () => {
    const db = freshDb();
    await db.open();
    const broken = JSON.parse(JSON.stringify(demoScenario));
    broken.segments[1].pd = 'high';
    await db.workspace.put({ key: 'current', data: broken, base: { kind: 'builtin', name: 'demo' }, scenarioId: null, updatedAt: 1 });
    const w = new Workspace(createInProcessEngine(), db);
    await w.init();
    expect(w.damaged?.[0].path).toBe('segments.1.pd');
    expect(w.scenario.segments[0].share).toBe(0.65);
    const kept = await db.scenarios.where('tags').equals('damaged').toArray();
    expect(kept).toHaveLength(1);
    expect((kept[0].data as Scenario).segments[1].pd).toBe('high');
  });

  it('round-trips through the repository', async () => {
    const db = freshDb();
    await db.open();
    const s = applyLevers(demoScenario, { spreadBp: { small: 100 } });
    await saveWorkspace(db, { base: { kind: 'builtin', name: 'demo' }, synced: null, mine: s, tab: 't' });
    const loaded = await loadWorkspace(db);
    expect(loaded.status).toBe('ok');
    if (loaded.status === 'ok') expect(loaded.scenario).toEqual(s);
  });

  it('works in memory when there is no database', async () => {
    const w = new Workspace(createInProcessEngine(), null);
    await w.init();
    expect(w.storage).toBe('unavailable');
    w.setShare(2, 0.3);
    expect(w.scenario.segments[2].share).toBeCloseTo(0.3, 12);
  });
});

describe('stale results', () => {
  it('never lets an older evaluation overwrite a newer one', async () => {
    // An engine whose first call answers last.
    const resolvers: (() => void)[] = [];
    const slow: EngineClient = {
      ...createInProcessEngine(),
      evaluate: (s) => new Promise<Evaluation>((resolve) => resolvers.push(() => resolve(evaluate(s)))),
      sensitivities: async () => [],
      dispose: () => {},
    };
    const w = new Workspace(slow, null);
    const init = w.init();
    resolvers.shift()!();
    await init;
    w.setShare(0, 0.5); // request 2
    w.setShare(0, 0.3); // request 3
    resolvers[1](); // the newer answers first
    await new Promise((r) => setTimeout(r, 0));
    resolvers[0](); // then the stale one
    await new Promise((r) => setTimeout(r, 0));
    expect(w.evaluation?.segments[0].share).toBeCloseTo(0.3, 12);
  });
});
