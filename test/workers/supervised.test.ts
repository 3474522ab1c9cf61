/**
 * Worker calls that can fail: a worker that never answers (killed by the browser, a lost
 * message), one that crashes, and a pool worker that dies mid-run. Each call fails with a
 * WorkerFailure instead of hanging, and the next call starts a fresh worker.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runPool } from '../../src/lib/workers/pool';
import { supervise, WorkerFailure } from '../../src/lib/workers/supervised';

/** A Worker stand-in: a MessageChannel with Comlink on the far end; `hang` makes it never answer. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  port: MessagePort;
  far: MessagePort;
  isTerminated = false;
  constructor(api: object) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.far = port2;
    expose(api, port2);
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown, t?: Transferable[]) {
    if (!this.isTerminated) this.port.postMessage(m, t ?? []);
  }
  override addEventListener(type: string, l: EventListenerOrEventListenerObject | null, o?: AddEventListenerOptions | boolean) {
    if (type === 'message') this.port.addEventListener(type, l as EventListener, o);
    else super.addEventListener(type, l, o);
  }
  override removeEventListener(type: string, l: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.port.removeEventListener(type, l as EventListener);
    else super.removeEventListener(type, l);
  }
  start() {
    this.port.start();
  }
  terminate() {
    this.isTerminated = true;
    this.port.close();
    this.far.close();
  }
}

const api = { echo: async (x: number) => x, hang: () => new Promise<number>(() => {}) };
type Api = typeof api;

afterEach(() => {
  for (const w of FakeWorker.made) w.terminate();
  FakeWorker.made = [];
});

describe('an idle supervised worker', () => {
  it('is terminated after idleMs without a call, and started again on demand', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker, { idleMs: 40 });
    expect(await s.call((r) => r.echo(1), 1000)).toBe(1);
    expect(s.isLive).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect(FakeWorker.made[0].isTerminated).toBe(true);
    expect(s.isLive).toBe(false);
    expect(await s.call((r) => r.echo(2), 1000)).toBe(2);
    expect(s.started).toBe(2);
    expect(FakeWorker.made[1].isTerminated).toBe(false);
  });

  it('is never stopped while a call is in flight, however long it takes', async () => {
    const slow = { wait: (ms: number) => new Promise<number>((r) => setTimeout(() => r(ms), ms)) };
    const s = supervise<typeof slow>('engine', () => new FakeWorker(slow) as unknown as Worker, { idleMs: 20 });
    expect(await s.call((r) => r.wait(80), 1000)).toBe(80);
    expect(FakeWorker.made[0].isTerminated).toBe(false);
    expect(s.started).toBe(1);
  });

  it('warm() starts the worker before the first call (the call then uses it), and the idle stop still applies', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker, { idleMs: 40 });
    s.warm();
    expect(s.started).toBe(1);
    expect(await s.call((r) => r.echo(5), 1000)).toBe(5);
    expect(s.started).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(s.isLive).toBe(false);
  });

  it('without idleMs is kept for the page’s life', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker);
    await s.call((r) => r.echo(1), 1000);
    await new Promise((r) => setTimeout(r, 60));
    expect(s.isLive).toBe(true);
  });
});

describe('a supervised worker', () => {
  it('answers through the worker', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker);
    expect(await s.call((r) => r.echo(7), 1000)).toBe(7);
    expect(s.started).toBe(1);
  });

  it('fails a call that is never answered, terminates that worker, and starts a fresh one for the next call', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker);
    const hung = s.call((r) => r.hang(), 50);
    await expect(hung).rejects.toBeInstanceOf(WorkerFailure);
    await expect(hung).rejects.toMatchObject({ kind: 'timeout', worker: 'engine' });
    expect(FakeWorker.made[0].isTerminated).toBe(true);
    expect(await s.call((r) => r.echo(3), 1000)).toBe(3);
    expect(s.started).toBe(2);
  });

  it('notices a worker killed from outside (no event at all) through the watchdog', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker);
    await s.call((r) => r.echo(1), 1000);
    FakeWorker.made[0].terminate(); // the browser killed it: nothing is ever sent again
    await expect(s.call((r) => r.echo(2), 50)).rejects.toMatchObject({ kind: 'timeout' });
    expect(await s.call((r) => r.echo(4), 1000)).toBe(4);
  });

  it('fails every waiting call at once when the worker reports an error, then recovers', async () => {
    const s = supervise<Api>('engine', () => new FakeWorker(api) as unknown as Worker);
    const a = s.call((r) => r.hang(), 10_000);
    const b = s.call((r) => r.hang(), 10_000);
    FakeWorker.made[0].dispatchEvent(new Event('error'));
    await expect(a).rejects.toMatchObject({ kind: 'crashed' });
    await expect(b).rejects.toMatchObject({ kind: 'crashed' });
    FakeWorker.made[0].dispatchEvent(new Event('messageerror')); // the old worker's late events change nothing
    expect(await s.call((r) => r.echo(5), 1000)).toBe(5);
  });
});

describe('a pool run whose worker dies', () => {
  it('fails the run with a WorkerFailure after the stall limit and terminates every worker', async () => {
    const terminated: number[] = [];
    const chunks = [0, 1, 2, 3, 4, 5];
    const progress = vi.fn();
    const run = runPool(
      chunks,
      (() => {
        let n = 0;
        return () => {
          const id = n++;
          return { id, terminate: () => terminated.push(id) };
        };
      })(),
      // Worker 1 dies on its first chunk: it never answers nor reports progress again.
      (w, c, onChunk) => (w.id === 1 ? new Promise<number>(() => onChunk(0.1)) : Promise.resolve(c)),
      { size: 2, stallMs: 100, onProgress: progress },
    );
    await expect(run).rejects.toMatchObject({ name: 'WorkerFailure', kind: 'timeout', worker: 'pool' });
    expect(terminated.sort()).toEqual([0, 1]);
  });

  it('does not cut short a slow chunk that keeps reporting progress', async () => {
    const out = await runPool(
      [0],
      () => ({ terminate: () => {} }),
      async (_w, c, onChunk) => {
        for (let i = 1; i <= 5; i++) {
          await new Promise((r) => setTimeout(r, 40));
          onChunk(i / 5);
        }
        return c + 1;
      },
      { size: 1, stallMs: 100 },
    );
    expect(out).toEqual([1]);
  });
});
