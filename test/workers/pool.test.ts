import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_IDLE_MS } from '../../src/lib/workers/engine-client';
import { CancelledError, disposeIdleWorkers, POOL_QUIET_MS, prewarm, runOnPoolWorker, runPool, splitRange } from '../../src/lib/workers/pool';

/** A fake worker: runs a chunk after a delay, counts terminations. */
function fakeWorkers() {
  const state = { created: 0, terminated: 0 };
  const create = () => {
    state.created++;
    return { terminate: () => void state.terminated++ };
  };
  return { state, create };
}
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A long run of 2 workers, cancelled after 12 ms: it must reject with CancelledError. */
async function runAndCancel(create: () => { terminate(): void }): Promise<void> {
  const controller = new AbortController();
  const run = runPool(
    splitRange(100, 1),
    create,
    async () => {
      await delay(5);
      return 1;
    },
    { size: 2, signal: controller.signal },
  );
  setTimeout(() => controller.abort(), 12);
  await expect(run).rejects.toBeInstanceOf(CancelledError);
}

afterEach(() => {
  disposeIdleWorkers();
  vi.useRealTimers();
});

describe('runPool', () => {
  it('returns results in chunk order whatever the finishing order, and keeps its workers warm', async () => {
    const { state, create } = fakeWorkers();
    const chunks = splitRange(10, 3);
    expect(chunks).toEqual([
      { start: 0, count: 3 },
      { start: 3, count: 3 },
      { start: 6, count: 3 },
      { start: 9, count: 1 },
    ]);
    const progress: number[] = [];
    const out = await runPool(
      chunks,
      create,
      async (_w, c) => {
        await delay(c.start === 0 ? 30 : 1); // the first chunk finishes last
        return c.start;
      },
      { size: 3, onProgress: (p) => progress.push(p.fraction) },
    );
    expect(out).toEqual([0, 3, 6, 9]);
    expect(state.created).toBe(3);
    expect(state.terminated).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops at once on abort and leaves no worker alive', async () => {
    const { state, create } = fakeWorkers();
    await runAndCancel(create);
    expect(state.terminated).toBe(state.created);
  });
});

describe('warm workers between runs', () => {
  const chunk = async (_w: unknown, c: { start: number }) => c.start;

  it('reuses the workers of the last run: two runs construct them once', async () => {
    const { state, create } = fakeWorkers();
    const first = await runPool(splitRange(8, 1), create, chunk, { size: 2 });
    const second = await runPool(splitRange(8, 1), create, chunk, { size: 2 });
    expect(second).toEqual(first);
    expect(state.created).toBe(2);
    expect(state.terminated).toBe(0);
  });

  it('creates only the workers that are missing', async () => {
    const { state, create } = fakeWorkers();
    await runPool(splitRange(8, 1), create, chunk, { size: 1 });
    await runPool(splitRange(8, 1), create, chunk, { size: 3 });
    expect(state.created).toBe(3);
  });

  it('summarises on a warm worker of the run, not a fresh one', async () => {
    const { state, create } = fakeWorkers();
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    expect(await runOnPoolWorker(create, async () => 'summary', { name: 'test', timeoutMs: 1000 })).toBe('summary');
    expect(state.created).toBe(2);
  });

  it('prewarm starts the workers the next run uses', async () => {
    const { state, create } = fakeWorkers();
    prewarm(create, 2);
    prewarm(create, 2); // already warm: nothing more
    expect(state.created).toBe(2);
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    expect(state.created).toBe(2);
  });

  it('prewarm with a warm-up runs it once on each idle worker, new ones included, and the run reuses them', async () => {
    const { state, create } = fakeWorkers();
    const warmed: unknown[] = [];
    const warmUp = async (w: unknown) => void warmed.push(w);
    prewarm(create, 2, warmUp);
    prewarm(create, 2, warmUp); // already warm and warmed up: nothing more
    expect(warmed).toHaveLength(2);
    expect(new Set(warmed).size).toBe(2);
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    expect(state.created).toBe(2);
    prewarm(create, 3, warmUp); // one more worker: only it warms up
    expect(warmed).toHaveLength(3);
  });

  it('terminates the workers of a cancelled run and never hands them to the next run', async () => {
    const { state, create } = fakeWorkers();
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    await runAndCancel(create);
    expect(state.terminated).toBe(2);
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    expect(state.created).toBe(4);
  });

  it('on Cancel also terminates the idle workers of the kind, so none is left running', async () => {
    const { state, create } = fakeWorkers();
    prewarm(create, 3);
    await runAndCancel(create);
    expect(state.created).toBe(3);
    expect(state.terminated).toBe(3);
  });

  it('terminates a worker whose summary fails', async () => {
    const { state, create } = fakeWorkers();
    prewarm(create, 1);
    const failing = runOnPoolWorker(create, async () => Promise.reject(new Error('crashed')), { name: 'test', timeoutMs: 1000 });
    await expect(failing).rejects.toThrow('crashed');
    expect(state.terminated).toBe(1);
  });

  it('terminates idle workers after ENGINE_IDLE_MS without a run', async () => {
    vi.useFakeTimers();
    const { state, create } = fakeWorkers();
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    await vi.advanceTimersByTimeAsync(ENGINE_IDLE_MS - 1000);
    expect(state.terminated).toBe(0);
    await runPool(splitRange(4, 1), create, chunk, { size: 2 }); // a run restarts the wait
    await vi.advanceTimersByTimeAsync(ENGINE_IDLE_MS - 1000);
    expect(state.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.terminated).toBe(2);
    await runPool(splitRange(4, 1), create, chunk, { size: 2 });
    expect(state.created).toBe(4);
  });
});

describe('whenPoolQuiet', () => {
  /** A fresh copy of pool.ts: its clock of runs starts empty, whatever the tests before ran. */
  async function freshPool() {
    vi.resetModules();
    return import('../../src/lib/workers/pool');
  }
  const settled = (p: Promise<void>) => {
    const state = { isDone: false };
    void p.then(() => (state.isDone = true));
    return state;
  };

  it('resolves at once before any run; during a run and its summary it waits, and POOL_QUIET_MS after them', async () => {
    vi.useFakeTimers();
    const pool = await freshPool();
    const before = settled(pool.whenPoolQuiet());
    await vi.advanceTimersByTimeAsync(0);
    expect(before.isDone).toBe(true);

    const { create } = fakeWorkers();
    const run = pool.runPool(splitRange(4, 1), create, () => delay(500).then(() => 1), { size: 2 });
    const quiet = settled(pool.whenPoolQuiet());
    await vi.advanceTimersByTimeAsync(999); // the run's two rounds of 500 ms
    expect(quiet.isDone).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await run;
    const summary = pool.runOnPoolWorker(create, () => delay(300), { name: 'test', timeoutMs: 10_000 }); // the summary follows at once
    await vi.advanceTimersByTimeAsync(300);
    await summary;
    await vi.advanceTimersByTimeAsync(POOL_QUIET_MS - 1);
    expect(quiet.isDone).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(quiet.isDone).toBe(true);
    pool.disposeIdleWorkers();
  });
});
