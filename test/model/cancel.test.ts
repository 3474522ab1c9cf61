import { afterEach, describe, expect, it, vi } from 'vitest';
import { atMostEvery } from '../../src/lib/model/cancel';

afterEach(() => vi.useRealTimers());

describe('atMostEvery', () => {
  it('passes a report on only once `ms` have gone by since the last one (or since it was made)', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const report = atMostEvery(100, (f) => seen.push(f));
    report(0.1); // a chunk that ends within 100 ms sends nothing
    vi.advanceTimersByTime(99);
    report(0.2);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    report(0.3);
    report(0.4);
    vi.advanceTimersByTime(150);
    report(0.5);
    expect(seen).toEqual([0.3, 0.5]);
  });
});
