// @vitest-environment jsdom
/**
 * One rule for change marks on every screen: each figure declares once whether up is better,
 * the arrow gives the direction and ⊕改善 / ⊖恶化 says better or worse from that declaration.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { METRICS, applyLevers, demoScenario, evaluate, type MetricKey } from '../../src/lib/model';
import { FIGURES, PORTFOLIO_FIGURES, createContext } from '../../src/lib/training';
import { changeOf } from '../../src/lib/ui/change';
import KpiCard from '../../src/lib/ui/KpiCard.svelte';
import PrinciplePanel from '../../src/views/dashboard/PrinciplePanel.svelte';
import FigureCard from '../../src/views/training/FigureCard.svelte';

beforeEach(() => i18n.setLang('zh'));

describe('every figure declares whether up is better', () => {
  it('engine metrics, training figures and portfolio figures each carry better = +1 or −1', () => {
    for (const [k, def] of Object.entries(METRICS)) expect([1, -1], k).toContain(def.better);
    for (const [k, def] of Object.entries(FIGURES)) expect([1, -1], k).toContain(def.better);
    for (const [k, def] of Object.entries(PORTFOLIO_FIGURES)) expect([1, -1], k).toContain(def.better);
  });

  it('reads a move through the declaration: a rise of a cost is worse, a fall of a risk better', () => {
    expect(changeOf(1.1, 1, -1)).toEqual({ direction: 1, verdict: 'worse' });
    expect(changeOf(0.9, 1, -1)).toEqual({ direction: -1, verdict: 'better' });
    expect(changeOf(1.1, 1, 1)).toEqual({ direction: 1, verdict: 'better' });
    expect(changeOf(1, 1 + 1e-12, 1)).toEqual({ direction: 0, verdict: null });
    expect(changeOf(1, null, 1)).toEqual({ direction: 0, verdict: null });
  });
});

describe('the screens use the declaration', () => {
  it('KpiCard: a rise of expected loss shows ▲ with ⊖恶化, a rise of profit ▲ with ⊕改善', () => {
    render(KpiCard, { props: { label: '预期损失', value: 2, formatted: '2', previous: 1, better: -1, onOpen: () => {}, testId: 'a' } });
    render(KpiCard, { props: { label: '净利润', value: 2, formatted: '2', previous: 1, better: 1, onOpen: () => {}, testId: 'b' } });
    expect(screen.getByTestId('a')).toHaveTextContent(/▲.*⊖恶化/);
    expect(screen.getByTestId('b')).toHaveTextContent(/▲.*⊕改善/);
  });

  it("dashboard: after 大客户 → 40% every card is marked by its own figure's direction", () => {
    const before = evaluate(demoScenario);
    const after = evaluate(applyLevers(demoScenario, { mix: { large: 0.4, mid: 0.3, small: 0.3 } }));
    const keys: MetricKey[] = ['expectedLoss', 'operatingCost', 'costIncomeRatio', 'rwa', 'hhi', 'top10ToCapital', 'lcr', 'netProfit'];
    render(PrinciplePanel, { props: { principle: 'safety', metrics: keys, evaluation: after, previous: before, onOpen: () => {} } });
    for (const key of keys) {
      const card = screen.getByTestId(`kpi-${key}`);
      const expected = changeOf(METRICS[key].read(after), METRICS[key].read(before), METRICS[key].better);
      if (expected.direction === 0) continue;
      const mark = within(card).getByTestId('change-mark');
      expect(mark.dataset.verdict, key).toBe(expected.verdict);
      expect(mark, key).toHaveTextContent(expected.direction > 0 ? '▲' : '▼');
    }
    // The example: expected loss rises with the smaller-client mix and is worse; HHI falls and is better.
    expect(within(screen.getByTestId('kpi-expectedLoss')).getByTestId('change-mark')).toHaveTextContent(/▲.*恶化/);
    expect(within(screen.getByTestId('kpi-hhi')).getByTestId('change-mark')).toHaveTextContent(/▼.*改善/);
  });

  it('lessons: a training figure of its own (attrition) is marked by its declaration too', () => {
    const before = createContext(demoScenario);
    const after = createContext(applyLevers(demoScenario, { mix: { large: 0.4, mid: 0.3, small: 0.3 } }));
    render(FigureCard, { props: { name: 'segmentProfit.small', ctx: after, previous: before, onOpen: () => {} } });
    const mark = screen.getByTestId('change-mark');
    const v = FIGURES.segmentProfit;
    const expected = changeOf(v.read(after, 2), v.read(before, 2), v.better);
    expect(mark.dataset.verdict).toBe(expected.verdict);
  });

  it('no screen draws its own ▲/▼ change mark: every one goes through ChangeMark', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.svelte')) files.push(p);
      }
    };
    walk('src');
    const rolled = files.filter((f) => !f.endsWith('ChangeMark.svelte') && /change\.up|change\.down/.test(readFileSync(f, 'utf8')));
    expect(rolled).toEqual([]);
    // The compare table, the dashboard's cards and the lesson figures render the mark.
    for (const f of [
      'src/views/compare/CompareView.svelte',
      'src/lib/ui/KpiCard.svelte',
      'src/views/training/FigureCard.svelte',
      'src/views/training/portfolio/PortfolioFigureCard.svelte',
    ]) {
      expect(readFileSync(f, 'utf8'), f).toContain('<ChangeMark');
    }
  });
});
