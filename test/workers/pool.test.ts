import { describe, expect, it } from 'vitest';
import { CancelledError, runPool, splitRange } from '../../src/lib/workers/pool';

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

describe('runPool', () => {
  it('returns results in chunk order whatever the finishing order, and terminates its workers', async () => {
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
    expect(state.terminated).toBe(3);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops at once on abort and leaves no worker alive', async () => {
    const { state, create } = fakeWorkers();
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
    expect(state.terminated).toBe(state.created);
  });
});
