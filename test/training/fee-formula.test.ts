import { describe, expect, it } from 'vitest';
import { demoScenario, evaluate } from '../../src/lib/model';
import { explain } from '../../src/lib/explain/glass-box';
import { formatBp, formatMoney, formatPercent } from '../../src/lib/i18n/format';

describe('the fee formula in the glass box', () => {
  it('shows the per-client fee in 万元 / CNY m, not in 亿元', () => {
    const f = (lang: 'zh' | 'en') => ({ lang, money: (x: number) => formatMoney(x, lang), percent: (x: number, d?: number) => formatPercent(x, d), bp: (x: number) => formatBp(x, lang), pick: (b: { zh: string; en: string }) => b[lang] });
    const zh = explain('feeIncome', evaluate(demoScenario), demoScenario, f('zh')).substituted.join('\n');
    expect(zh).not.toMatch(/× 0\.00 亿元/);
    expect(zh).toMatch(/× [\d.]+ 万元 =/);
    const en = explain('feeIncome', evaluate(demoScenario), demoScenario, f('en')).substituted.join('\n');
    expect(en).toMatch(/× CNY [\d.]+ m =/);
  });
});
