import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/lib/model/cancel';
import { PoolRun, type PoolRunControl } from '../../src/lib/state/pool-run.svelte';
import { RebalancingRun } from '../../src/lib/state/rebalancing-run.svelte';

type Phase = 'paths' | 'summary';

/** A task the test drives: progress, phase, answer, failure. */
function driven() {
  let control!: PoolRunControl<Phase>;
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  const task = (c: PoolRunControl<Phase>) =>
    new Promise<string>((res, rej) => {
      control = c;
      resolve = res;
      reject = rej;
      c.signal.addEventListener('abort', () => rej(new CancelledError()));
    });
  return { task, control: () => control, resolve: (v: string) => resolve(v), reject: (e: unknown) => reject(e) };
}

const progress = (fraction: number) => ({ fraction, elapsedMs: 10, etaMs: 10 });

describe('PoolRun', () => {
  it('reports progress and phase, keeps the finished run by key', async () => {
    const run = new PoolRun<string, Phase>('paths', 4);
    const d = driven();
    const started = run.launch('a', 2, d.task, (f) => f);
    expect(run.status).toBe('running');
    d.control().onProgress(progress(0.5));
    expect(run.progress.fraction).toBe(0.5);
    d.control().onPhase('summary');
    expect(run.phase).toBe('summary');
    d.resolve('result a');
    await started;
    expect(run.status).toBe('done');
    expect(run.finished).toMatchObject({ key: 'a', result: 'result a', workers: 2 });
    expect(run.finished!.pathsMs).toBeLessThanOrEqual(run.finished!.elapsedMs);
    expect(run.lookup('a')?.result).toBe('result a');
    expect(run.lookup('b')).toBeNull();
  });

  it('ignores the progress, phase and answer of a superseded run', async () => {
    const run = new PoolRun<string, Phase>('paths', 4);
    const first = driven();
    const second = driven();
    const one = run.launch('a', 1, first.task, (f) => f);
    const two = run.launch('b', 1, second.task, (f) => f);
    first.control().onProgress(progress(0.9)); // the cancelled run still reporting
    first.control().onPhase('summary');
    expect(run.progress.fraction).toBe(0);
    expect(run.phase).toBe('paths');
    await one;
    second.resolve('result b');
    await two;
    expect(run.finished?.key).toBe('b');
    expect(run.lookup('a')).toBeNull();
  });

  it('cancels at once and keeps the last finished run', async () => {
    const run = new PoolRun<string, Phase>('paths', 4);
    const d1 = driven();
    const p1 = run.launch('a', 1, d1.task, (f) => f);
    d1.resolve('result a');
    await p1;
    const d2 = driven();
    const p2 = run.launch('b', 1, d2.task, (f) => f);
    run.cancel();
    expect(run.status).toBe('cancelled');
    expect(d2.control().signal.aborted).toBe(true);
    await p2;
    expect(run.status).toBe('cancelled');
    expect(run.finished?.key).toBe('a');
  });

  it('surfaces a failure as error state, and a cancellation from a worker as cancelled', async () => {
    const run = new PoolRun<string, Phase>('paths', 4);
    const d = driven();
    const p = run.launch('a', 1, d.task, (f) => f);
    d.reject(new Error('worker crashed'));
    await p;
    expect(run.status).toBe('error');
    expect(run.error).toBe('worker crashed');
    const d2 = driven();
    const p2 = run.launch('a', 1, d2.task, (f) => f);
    expect(run.error).toBeNull();
    d2.reject({ name: 'CancelledError', message: 'from a worker' });
    await p2;
    expect(run.status).toBe('cancelled');
  });

  it('keeps at most its cache limit of finished runs', async () => {
    const run = new PoolRun<string, Phase>('paths', 2);
    for (const key of ['a', 'b', 'c'])
      await run.launch(
        key,
        1,
        async () => `result ${key}`,
        (f) => f,
      );
    expect(run.lookup('a')).toBeNull();
    expect(run.lookup('b')?.result).toBe('result b');
    expect(run.lookup('c')?.result).toBe('result c');
  });
});

describe('RebalancingRun on PoolRun', () => {
  it('guards its progress against a superseded run (it did not before)', async () => {
    const reports: ((f: number) => void)[] = [];
    const run = new RebalancingRun((_p, _r, o) => {
      reports.push((f) => o.onProgress?.(progress(f)));
      return new Promise((_, reject) => o.signal?.addEventListener('abort', () => reject(new CancelledError())));
    });
    const portfolio = (await import('../../src/lib/model')).demoClientPortfolio();
    void run.start(portfolio, undefined, run.settings, 1);
    void run.start(portfolio, undefined, { ...run.settings, seed: 7 }, 1);
    reports[0](0.8);
    expect(run.progress.fraction).toBe(0);
    reports[1](0.3);
    expect(run.progress.fraction).toBe(0.3);
    run.cancel();
  });
});
