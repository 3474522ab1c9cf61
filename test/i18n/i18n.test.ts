import { describe, expect, it } from 'vitest';
import { en, zh } from '../../src/lib/i18n/messages/all';
import { formatBp, formatClientMoney, formatFloat, formatMoney, formatPercent, formatPp, formatSpread } from '../../src/lib/i18n/format';
import { FIELD_LABELS, INPUT_LABELS, INPUT_SPECS } from '../../src/lib/model';

describe('messages', () => {
  it('has every key in both languages, none empty, placeholders matching', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[k].trim(), k).not.toBe('');
      expect(en[k].trim(), k).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(en[k]), k).toEqual(ph(zh[k]));
    }
  });

  it('every input has a zh and en label, help text and source', () => {
    for (const s of INPUT_SPECS) {
      for (const text of [s.label, s.help, s.source]) {
        expect(text.zh.trim(), s.path).not.toBe('');
        expect(text.en.trim(), s.path).not.toBe('');
      }
      expect(s.min, s.path).toBeLessThan(s.max);
    }
  });

  it('reads every label from INPUT_LABELS: the form specs by path, the other fields through FIELD_LABELS', () => {
    const all = Object.values(INPUT_LABELS) as unknown[];
    for (const s of INPUT_SPECS) expect(s.label, s.path).toBe(INPUT_LABELS[s.path as keyof typeof INPUT_LABELS]);
    for (const [path, label] of Object.entries(FIELD_LABELS)) expect(all, path).toContain(label);
    expect(INPUT_SPECS.length + Object.keys(FIELD_LABELS).length).toBe(all.length);
  });

  it('labels each input in one table: FIELD_LABELS names only fields INPUT_SPECS does not', () => {
    const specPaths = new Set(INPUT_SPECS.map((s) => s.path));
    for (const [path, label] of Object.entries(FIELD_LABELS)) {
      expect(specPaths.has(path) || specPaths.has(`segments.*.${path}`), path).toBe(false);
      expect(label.zh.trim(), path).not.toBe('');
      expect(label.en.trim(), path).not.toBe('');
    }
  });
});

describe('banker formats', () => {
  it('money in 亿元 / CNY bn and 万元 / CNY m, with a true minus sign', () => {
    expect(formatMoney(7.6e8, 'zh')).toBe('7.60 亿元');
    expect(formatMoney(7.6e8, 'en')).toBe('CNY 760 m');
    expect(formatMoney(1.43e8, 'en')).toBe('CNY 143 m');
    expect(formatMoney(-1.43e8, 'en')).toBe('CNY −143 m');
    expect(formatMoney(2.125e9, 'en')).toBe('CNY 2.13 bn');
    expect(formatMoney(-1.2e8, 'zh')).toBe('−1.20 亿元');
    expect(formatMoney(2125e8, 'zh')).toBe('2,125.00 亿元');
    expect(formatClientMoney(6e6, 'zh')).toBe('600 万元');
    expect(formatClientMoney(6e6, 'en')).toBe('CNY 6.00 m');
  });

  it('rates in %, spreads as LPR + bp, the 2007 float as 上浮/下浮', () => {
    expect(formatPercent(0.1305)).toBe('13.05%');
    expect(formatBp(0.0025, 'zh')).toBe('25 基点');
    expect(formatBp(-0.0025, 'en')).toBe('−25 bp');
    expect(formatFloat(0.2, 'zh')).toBe('上浮20%');
    expect(formatFloat(-0.08, 'zh')).toBe('下浮8%');
    expect(formatFloat(-0.08, 'en')).toBe('−8% float');
    expect(formatSpread(80, 'zh')).toBe('LPR+80基点');
    expect(formatSpread(-24, 'zh')).toBe('LPR−24基点');
    expect(formatSpread(-24, 'en')).toBe('LPR − 24 bp');
    expect(formatSpread(0, 'en')).toBe('LPR + 0 bp');
    expect(formatSpread(-0.2, 'zh')).toBe('LPR+0基点');
    expect(formatPp(0.008, 'zh')).toBe('0.8 个百分点');
    expect(formatPp(-0.18031, 'en')).toBe('−18.0 pp');
    expect(formatPercent(NaN)).toBe('—');
  });
});
