import { describe, expect, it } from 'vitest';
import { LruCache, Query } from '../../src/lib/state/query.svelte';

/** A fetch whose answers the test releases one by one, by key. */
function controlled() {
  const calls: string[] = [];
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const fetch = (k: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push(k);
      pending.set(k, { resolve, reject });
    });
  const answer = (k: string) => pending.get(k)!.resolve(`answer ${k}`);
  const fail = (k: string) => pending.get(k)!.reject(new Error(`boom ${k}`));
  return { calls, fetch, answer, fail };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Query: one-off tasks (run)', () => {
  it('never lets a stale answer overwrite a newer one', async () => {
    const r = new Query<string>();
    const resolvers: ((v: string) => void)[] = [];
    const slow = () => new Promise<string>((resolve) => resolvers.push(resolve));
    const first = r.run(slow);
    const second = r.run(slow);
    expect(r.isPending).toBe(true);
    resolvers[1]('new');
    await second;
    expect(r.value).toBe('new');
    expect(r.isPending).toBe(false);
    resolvers[0]('old');
    await first;
    expect(r.value).toBe('new');
    expect(r.version).toBe(1);
  });

  it('applies an older answer that arrives while a newer one is pending, then the newer one', async () => {
    const r = new Query<string>();
    const resolvers: ((v: string) => void)[] = [];
    const slow = () => new Promise<string>((resolve) => resolvers.push(resolve));
    const first = r.run(slow);
    const second = r.run(slow);
    resolvers[0]('old');
    await first;
    expect(r.value).toBe('old');
    expect(r.isPending).toBe(true);
    resolvers[1]('new');
    await second;
    expect(r.value).toBe('new');
  });

  it('reports an error of the latest run as state, keeps the last answer, and retries', async () => {
    const r = new Query<string>();
    await r.run(async () => 'ok');
    let failing = true;
    await r.run(async () => {
      if (failing) throw new Error('boom');
      return 'recovered';
    });
    expect(r.error).toBe('boom');
    expect(r.value).toBe('ok');
    expect(r.isPending).toBe(false);
    failing = false;
    await r.retry();
    expect(r.error).toBeNull();
    expect(r.value).toBe('recovered');
  });
});

describe('Query: keyed requests (request)', () => {
  it('drops a stale answer that arrives after a newer one was applied', async () => {
    const f = controlled();
    const q = new Query<string, string>({ key: (k) => k, fetch: f.fetch });
    const a = q.request('a');
    const b = q.request('b');
    f.answer('b');
    await b;
    expect(q.value).toBe('answer b');
    f.answer('a');
    await a;
    expect(q.value).toBe('answer b');
    expect(q.valueKey).toBe('b');
    expect(q.isStale).toBe(false);
  });

  it('de-duplicates fetches in flight by key, across queries sharing the map', async () => {
    const f = controlled();
    const inflight = new Map<string, Promise<string>>();
    const one = new Query<string, string>({ key: (k) => k, fetch: f.fetch, inflight });
    const two = new Query<string, string>({ key: (k) => k, fetch: f.fetch, inflight });
    const p1 = one.request('x');
    const p2 = two.request('x');
    void one.request('x'); // the same key again: nothing new
    expect(f.calls).toEqual(['x']);
    f.answer('x');
    await Promise.all([p1, p2]);
    expect(one.value).toBe('answer x');
    expect(two.value).toBe('answer x');
    expect(inflight.size).toBe(0);
  });

  it('answers from the cache at once, and the cache keeps only its bound', async () => {
    const f = controlled();
    const cache = new LruCache<string, string>(2);
    const q = new Query<string, string>({ key: (k) => k, fetch: f.fetch, cache });
    for (const k of ['a', 'b', 'c']) {
      const p = q.request(k);
      f.answer(k);
      await p;
    }
    expect(cache.size).toBe(2);
    expect(cache.peek('a')).toBeUndefined(); // the least recently used went
    void q.request('b');
    expect(q.value).toBe('answer b'); // synchronously, from the cache
    expect(q.isPending).toBe(false);
    expect(q.elapsedMs).toBe(0);
    expect(f.calls).toEqual(['a', 'b', 'c']);
  });

  it('keeps out of the cache what isCacheable refuses', async () => {
    const f = controlled();
    const cache = new LruCache<string, string>(4);
    const q = new Query<string, string>({ key: (k) => k, fetch: f.fetch, cache, isCacheable: (v) => !v.endsWith('big') });
    const p = q.request('big');
    f.answer('big');
    await p;
    expect(q.value).toBe('answer big');
    expect(cache.size).toBe(0);
  });

  it('coalesces: while one fetch is in flight only the newest waiting request is sent', async () => {
    const f = controlled();
    const applied: (string | null)[] = [];
    const q = new Query<string, string>({ key: (k) => k, fetch: f.fetch, coalesce: true, onApply: (_, key) => applied.push(key) });
    void q.request('a');
    const b = q.request('b');
    void q.request('c');
    await b; // superseded while waiting: settles unanswered
    expect(f.calls).toEqual(['a']);
    f.answer('a');
    await tick();
    expect(f.calls).toEqual(['a', 'c']);
    expect(q.isStale).toBe(true); // a is shown while c is computed
    f.answer('c');
    await tick();
    expect(applied).toEqual(['a', 'c']);
    expect(q.isStale).toBe(false);
    expect(q.isPending).toBe(false);
  });

  it('surfaces the error of the latest request and retries it', async () => {
    const f = controlled();
    const q = new Query<string, string>({ key: (k) => k, fetch: f.fetch });
    const p = q.request('a');
    f.fail('a');
    await p;
    expect(q.error).toBe('boom a');
    expect(q.isPending).toBe(false);
    const again = q.retry();
    expect(f.calls).toEqual(['a', 'a']);
    f.answer('a');
    await again;
    expect(q.error).toBeNull();
    expect(q.value).toBe('answer a');
  });
});
