/** The number writer against Intl.NumberFormat('en-US'): the two agree digit for digit (an oracle test). */
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent } from '../../src/lib/i18n/format';

const intl = (x: number, digits: number) => {
  const s = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(x));
  return x < 0 && Number(s.replace(/,/g, '')) !== 0 ? `−${s}` : s;
};

describe('fixed-point numbers as Intl writes them', () => {
  it('agrees with Intl on random, tied, tiny, negative and large values', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const values = [
      0,
      -0,
      0.5,
      1.5,
      2.5,
      -2.5,
      0.125,
      0.005,
      0.045,
      9.995,
      99.5,
      1.005,
      2.675,
      999.995,
      999_999.5,
      -0.004,
      -0.005,
      1e15 + 0.3,
      123_456_789.987,
      1e20,
    ];
    for (let i = 0; i < 5000; i++) values.push((random() - 0.5) * 10 ** Math.floor(random() * 14 - 4));
    for (const x of values) {
      for (const digits of [0, 1, 2, 3, 4]) {
        // formatPercent writes x·100 with `digits` decimals: compare its number part.
        expect(formatPercent(x / 100, digits), `${x} @ ${digits}`).toBe(`${intl((x / 100) * 100, digits)}%`);
      }
    }
  });

  it('writes money in 亿元 and CNY with the same digits', () => {
    expect(formatMoney(7.86e8, 'zh')).toBe('7.86 亿元');
    expect(formatMoney(-1_234_567_890_123, 'zh')).toBe('−12,345.68 亿元');
    expect(formatMoney(-1e3, 'zh')).toBe('0.00 亿元');
  });
});
