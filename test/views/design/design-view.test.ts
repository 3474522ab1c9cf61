// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { demoScenario, designMix, type Scenario, type Segment } from '../../../src/lib/model';
import DesignView from '../../../src/views/design/DesignView.svelte';
import { renderWithWorkspace } from '../../helpers/harness';

/** The demo bank with a fourth segment of micro clients (5% of the book). */
function fourSegments(): Scenario {
  const micro: Segment = {
    ...demoScenario.segments[2],
    key: 'micro',
    name: { zh: '微型客户', en: 'Micro clients' },
    share: 0.05,
    avgExposure: 100e4,
    sizeSigma: 0.8,
    pd: 0.04,
  };
  return { ...demoScenario, segments: [...demoScenario.segments.map((s, i) => (i === 0 ? { ...s, share: 0.6 } : s)), micro] };
}

// The in-process engine runs the grid, the tornado and the marginal loan on the test's thread: allow a loaded CI machine time.
describe('DesignView on the demo bank (three segments)', { timeout: 30_000 }, () => {
  it('shows where the bank sits, the optimum and the binding constraints as text', async () => {
    i18n.setLang('zh');
    await renderWithWorkspace(DesignView);
    const verdict = await screen.findByTestId('design-verdict', {}, { timeout: 5000 });
    expect(verdict).toHaveTextContent('当前配比 65/25/10 满足所选约束，净利润为 7.86 亿元。');
    // An interior optimum: beyond their franchise, mid and small clients come at a lower price and a higher PD.
    expect(verdict).toHaveTextContent('最优配比 27/42/31');
    expect(screen.getByTestId('current-share-large')).toHaveTextContent('65%');
    expect(screen.getByTestId('best-share-mid')).toHaveTextContent('42%');
    expect(screen.getByTestId('current-status')).toHaveTextContent('✓ 可行');
    expect(screen.getByTestId('binding-none')).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: '当前配比' })).toHaveAttribute('aria-valuetext', expect.stringContaining('大客户 65% · 中客户 25% · 小客户 10%'));
  });

  it('moves the mix by keyboard and the workspace (so the dashboard) follows', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(DesignView);
    const slider = await screen.findByRole('slider', { name: '当前配比' });
    await fireEvent.keyDown(slider, { key: 'ArrowDown' });
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    const shares = workspace.scenario.segments.map((s) => Math.round(s.share * 100));
    expect(shares).toEqual([64, 25, 11]);
    await waitFor(() => expect(workspace.evaluation?.segments[0].share).toBeCloseTo(0.64, 12));
    expect(screen.getByTestId('current-share-small')).toHaveTextContent('11%');
  });

  it('with today’s headcount as a constraint, managers bind at 52/42/6', async () => {
    i18n.setLang('zh');
    await renderWithWorkspace(DesignView);
    await screen.findByTestId('design-verdict', {}, { timeout: 5000 });
    await fireEvent.click(screen.getByTestId('constraint-managers'));
    await waitFor(() => expect(screen.getByTestId('design-verdict')).toHaveTextContent('最优配比 52/42/6'), { timeout: 5000 });
    expect(screen.getByTestId('binding-list')).toHaveTextContent('● 起约束作用 客户经理编制：65（上限 65，余量 0）');
  });
});

describe('DesignView with four segments', { timeout: 30_000 }, () => {
  it('runs the same design and shows the best mix as bars', async () => {
    i18n.setLang('en');
    const { workspace } = await renderWithWorkspace(DesignView);
    const four = fourSegments();
    workspace.update(four);
    const bars = await screen.findByTestId('best-mix-bars', {}, { timeout: 10000 });
    expect(screen.queryByRole('slider', { name: 'Current mix' })).toBeNull(); // no triangle for four segments
    const expected = designMix(four);
    await waitFor(() => expect(screen.getByTestId('design-verdict')).toHaveTextContent('Best mix'), { timeout: 10000 });
    const best = expected.best!.shares;
    expect(bars.querySelectorAll('rect[data-best]').length).toBe(4);
    expect(bars.getAttribute('aria-label')).toContain(`Micro clients: Current mix 5%, Best mix ${Math.round(best[3] * 100)}%`);
    expect(screen.getByTestId('best-share-micro')).toHaveTextContent(`${Math.round(best[3] * 100)}%`);
    expect(screen.getByTestId('design-status')).toHaveTextContent(`${expected.count.toLocaleString('en-US')} mixes (step 2 pp)`);
    i18n.setLang('zh');
  });
});
