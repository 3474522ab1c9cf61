// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { formatFigure } from '../../../src/views/training/format';

afterEach(() => i18n.setLang('zh'));

describe('training figures as a banker reads them', () => {
  it('money below 1 亿 reads in 万元 / CNY m, never "0.00 bn"', () => {
    i18n.setLang('en');
    expect(formatFigure('profitGapToBest.small', 3e6)).toBe('CNY 3.00 m');
    expect(formatFigure('netProfit', 7.6e8)).toBe('CNY 760 m'); // CNY m below 1 bn keeps the precision of 7.60 亿元
    i18n.setLang('zh');
    expect(formatFigure('profitGapToBest.small', 3e6)).toBe('300 万元');
    expect(formatFigure('netProfit', 7.6e8)).toBe('7.60 亿元');
  });

  it('the spread curve summary names the float once', () => {
    i18n.setLang('zh');
    const text = i18n.t('training.curveSummary', {
      segment: '小客户',
      best: i18n.spread(135),
      bestFloat: i18n.float(0.45),
      profit: '1',
      current: i18n.spread(80),
      currentFloat: i18n.float(0.27),
      now: '1',
    });
    expect(text).toContain('上浮45%');
    expect(text).not.toContain('上浮上浮');
  });
});
