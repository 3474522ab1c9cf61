import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { loadWorkspace, saveWorkspace } from '../../src/lib/db/workspace-repo';
import { applyLevers, demoScenario, evaluate, type Scenario } from '../../src/lib/model';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import type { EngineClient } from '../../src/lib/workers/engine-client';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';

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

describe('the closed form on the page', () => {
  it('evaluates each edit synchronously, without asking the engine worker', async () => {
    const asked: string[] = [];
    const worker: EngineClient = {
      ...createInProcessEngine(),
      evaluate: async (s) => {
        asked.push(s.name.en);
        throw new Error('the worker is not used for the dashboard');
      },
    };
    const w = new Workspace(worker, null);
    await w.init();
    expect(w.evaluation).not.toBeNull();
    const before = w.evaluation;
    w.setShare(0, 0.5);
    expect(w.evaluation?.segments[0].share).toBeCloseTo(0.5, 12); // no await: already there
    expect(w.previousEvaluation).toBe(before);
    expect(w.evaluation).toEqual(evaluate(w.scenario));
    expect(w.engineError).toBeNull();
    expect(asked).toEqual([]);
  });
});
