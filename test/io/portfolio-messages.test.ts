import { describe, expect, it } from 'vitest';
import { PORTFOLIO_SPECS } from '../../src/lib/io/portfolio-specs';
import { enTree, zhTree } from '../../src/lib/i18n/messages/all';

describe('portfolio workspace strings', () => {
  it('has every key in both languages, none empty, placeholders matching', () => {
    const [zh, en] = [zhTree.portfolio, enTree.portfolio];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[k].trim(), k).not.toBe('');
      expect(en[k].trim(), k).not.toBe('');
      expect(ph(en[k]), k).toEqual(ph(zh[k]));
    }
  });

  it('no English left in the Chinese strings but the usual abbreviations', () => {
    for (const [k, s] of Object.entries(zhTree.portfolio)) {
      const words = s.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
      expect(
        words.filter((w) => !['VaR', 'ES', 'Higham', 'P5', 'P95', 'pp'].includes(w)),
        k,
      ).toEqual([]);
    }
  });

  it('every portfolio input has a zh and en label, help and source, and a range', () => {
    for (const s of Object.values(PORTFOLIO_SPECS)) {
      for (const text of [s.label, s.help, s.source]) {
        expect(text.zh.trim(), s.path).not.toBe('');
        expect(text.en.trim(), s.path).not.toBe('');
      }
      expect(s.min, s.path).toBeLessThan(s.max);
    }
  });
});
