// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LoadedHost from './LoadedHost.svelte';

/** A promise resolved or rejected by hand, so the test decides the order of answers. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Loaded (a value a component loads and keeps current)', () => {
  it('shows the initial value, then the answer; loads again when what it reads changes', async () => {
    const { rerender } = render(LoadedHost, { props: { key: 1, load: (k: number) => Promise.resolve(`answer ${k}`) } });
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('answer 1'));
    await rerender({ key: 2 });
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('answer 2'));
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const pending = new Map<number, ReturnType<typeof deferred<string>>>();
    const load = (k: number) => {
      const d = deferred<string>();
      pending.set(k, d);
      return d.promise;
    };
    const { rerender } = render(LoadedHost, { props: { key: 1, load } });
    await rerender({ key: 2 });
    pending.get(2)!.resolve('answer 2');
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('answer 2'));
    pending.get(1)!.resolve('answer 1');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('value')).toHaveTextContent('answer 2');
  });

  it('keeps its value when there is nothing to load or the load fails', async () => {
    const { rerender } = render(LoadedHost, { props: { key: 1, load: (k: number) => (k === 1 ? Promise.resolve('answer 1') : null) } });
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('answer 1'));
    await rerender({ key: 2 });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('value')).toHaveTextContent('answer 1');
    await rerender({ key: 3, load: () => Promise.reject(new Error('storage gone')) });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('value')).toHaveTextContent('answer 1');
  });
});
