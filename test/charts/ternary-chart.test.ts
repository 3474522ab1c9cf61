// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TernaryMixChart from '../../src/lib/charts/TernaryMixChart.svelte';
import { sharesToXY, ternaryFrame } from '../../src/lib/charts/ternary';
import { demoScenario, designMix } from '../../src/lib/model';

function renderChart(current: number[], extra: Record<string, unknown> = {}) {
  const onCommit = vi.fn();
  const onPreview = vi.fn();
  const result = render(TernaryMixChart, {
    props: {
      cornerLabels: ['大客户', '中客户', '小客户'],
      title: '客户结构三角图',
      current,
      currentLabel: '当前配比',
      currentValueText: '大客户 65% · 中客户 25% · 小客户 10%',
      onCommit,
      onPreview,
      ...extra,
    },
  });
  return { ...result, onCommit, onPreview, slider: screen.getByRole('slider', { name: '当前配比' }) };
}

describe('TernaryMixChart: the current-mix point', () => {
  it('is a focusable slider with the mix as its value text and the keys described', () => {
    const { slider } = renderChart([0.65, 0.25, 0.1]);
    expect(slider).toHaveAttribute('tabindex', '0');
    expect(slider).toHaveAttribute('aria-valuenow', '65');
    expect(slider).toHaveAttribute('aria-valuetext', '大客户 65% · 中客户 25% · 小客户 10%');
    expect(slider).toHaveAccessibleDescription(/方向键/);
  });

  it.each([
    { key: 'ArrowUp', to: [0.66, (0.25 * 34) / 35, (0.1 * 34) / 35] },
    { key: 'ArrowDown', to: [0.64, (0.25 * 36) / 35, (0.1 * 36) / 35] },
    { key: 'ArrowLeft', to: [0.65, 0.26, 0.09] },
    { key: 'ArrowRight', to: [0.65, 0.24, 0.11] },
    { key: 'PageDown', to: [0.55, (0.25 * 45) / 35, (0.1 * 45) / 35] },
  ])('$key commits a move of the mix', async ({ key, to }) => {
    const { slider, onCommit } = renderChart([0.65, 0.25, 0.1]);
    await fireEvent.keyDown(slider, { key });
    expect(onCommit).toHaveBeenCalledTimes(1);
    const shares = onCommit.mock.calls[0][0] as number[];
    shares.forEach((s, i) => expect(s).toBeCloseTo(to[i], 12));
  });

  it('ignores other keys and moves that stop at an edge', async () => {
    const { slider, onCommit } = renderChart([0.4, 0.6, 0]);
    await fireEvent.keyDown(slider, { key: 'Enter' });
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' }); // small is already 0
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('follows a mouse drag (d3-drag): previews while moving, commits on release, snapped to 1 pp', () => {
    const { container, onCommit, onPreview } = renderChart([0.65, 0.25, 0.1]);
    const plot = container.querySelector('g.plot') as SVGGElement;
    // jsdom refuses `view` in MouseEvent's init here, and d3-drag listens on event.view: set it after construction.
    const mouse = (target: EventTarget, type: string, clientX: number, clientY: number) => {
      const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY, button: 0 });
      Object.defineProperty(event, 'view', { value: window });
      target.dispatchEvent(event);
    };
    // jsdom has no layout: d3's pointer() reads client coordinates relative to a zero box, i.e. the plot's own frame.
    const frame = ternaryFrame(400);
    const [x0, y0] = sharesToXY([0.65, 0.25, 0.1], frame);
    const [x1, y1] = sharesToXY([0.4, 0.3, 0.3], frame);
    mouse(plot, 'mousedown', x0, y0);
    mouse(window, 'mousemove', (x0 + x1) / 2, (y0 + y1) / 2);
    mouse(window, 'mousemove', x1, y1);
    expect(onPreview).toHaveBeenCalled();
    expect(onCommit).not.toHaveBeenCalled();
    mouse(window, 'mouseup', x1, y1);
    expect(onCommit).toHaveBeenCalledTimes(1);
    const shares = onCommit.mock.calls[0][0] as number[];
    expect(shares.map((s) => Math.round(s * 100))).toEqual([40, 30, 30]);
    expect(onPreview).toHaveBeenLastCalledWith(null);
  });

  it('hatches excluded mixes by constraint and names each in the legend and in a title', () => {
    const d = designMix(demoScenario);
    const { container } = renderChart([0.65, 0.25, 0.1], {
      field: { divisions: d.divisions, units: d.units, value: d.value, exclusion: d.primaryViolation },
      exclusionLabels: { 3: '流动性覆盖率 < 100%', 6: '最大十家客户 > 资本净额的 50%' },
      markers: [{ id: 'optimum', shares: d.best!.shares, label: '最优配比', symbol: 'star' }],
    });
    expect(screen.getByTestId('exclusion-3')).toHaveTextContent('不可行：流动性覆盖率 < 100% · 285 个配比');
    expect(screen.getByTestId('exclusion-6')).toHaveTextContent('319 个配比');
    expect(container.querySelector('path[data-exclusion="3"] title')?.textContent).toBe('不可行：流动性覆盖率 < 100%');
    expect(container.querySelector('[data-testid="feasible-edge"]')?.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelectorAll('path.contour').length).toBeGreaterThan(3);
    expect(container.querySelector('[data-marker="optimum"]')).not.toBeNull();
  });
});
