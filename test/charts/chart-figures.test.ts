// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FrontierChart from '../../src/lib/charts/FrontierChart.svelte';
import MixBars from '../../src/lib/charts/MixBars.svelte';
import GroupedBars from '../../src/views/compare/GroupedBars.svelte';

const described = (img: HTMLElement) => document.getElementById(img.getAttribute('aria-describedby') ?? '');

describe('charts drawn on the shared parts', () => {
  it('the design frontier: a step line over the cloud, ticks on both axes, named by its title and described by its summary', () => {
    const { container } = render(FrontierChart, {
      props: {
        step: true,
        cloud: { x: [1, 2, 3, 4], y: [1, 3, 2, 4] },
        frontier: { x: [1, 2, 4], y: [1, 3, 4] },
        marks: [
          { id: 'current', x: 3, y: 2, label: 'Now', symbol: 'circle' as const },
          { id: 'best', x: 4, y: 4, label: 'Best', symbol: 'star' as const },
        ],
        xLabel: 'Capital',
        yLabel: 'Profit',
        formatX: (v: number) => `x${v}`,
        formatY: (v: number) => `y${v}`,
        title: 'Frontier',
        summary: '3 mixes on the frontier',
        legend: { cloud: 'Feasible', frontier: 'Frontier' },
      },
    });
    const img = screen.getByRole('img', { name: 'Frontier' });
    expect(described(img)).toHaveTextContent('3 mixes on the frontier');
    expect(screen.getByTestId('frontier-summary')).toHaveTextContent('3 mixes on the frontier');
    // a step line: every segment horizontal or vertical
    const pts = [...(screen.getByTestId('frontier-line').getAttribute('d') ?? '').matchAll(/([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pts.length).toBeGreaterThan(3);
    for (let i = 1; i < pts.length; i++) expect(pts[i][0] === pts[i - 1][0] || pts[i][1] === pts[i - 1][1]).toBe(true);
    expect(img.querySelectorAll('circle')).toHaveLength(3);
    expect(img.querySelector('.axis-left')).toHaveTextContent('Profit');
    expect(img.querySelector('.axis-bottom')).toHaveTextContent('Capital');
    expect(img.querySelector('.axis-bottom')?.textContent).toMatch(/x\d/);
    expect(img.querySelectorAll('.grid-lines line').length).toBeGreaterThan(4); // both directions
    expect(container.querySelector('[data-mark="best"]')).toHaveTextContent('Best');
    expect(screen.queryByTestId('frontier-limit')).toBeNull();
  });

  it('the portfolio frontier: from zero, assets named, the limit labelled, its own test ids', () => {
    render(FrontierChart, {
      props: {
        testId: 'portfolio-frontier',
        fromZero: true,
        frontier: { x: [0.02, 0.05, 0.1], y: [0.02, 0.04, 0.06] },
        assets: [{ x: 0.12, y: 0.07, label: 'Equities' }],
        marks: [{ id: 'current', x: 0.06, y: 0.04, label: 'Now', symbol: 'circle' as const }],
        limitX: { value: 0.09, label: 'Limit 9%' },
        xLabel: 'Volatility',
        yLabel: 'Return',
        formatX: (v: number) => `${Math.round(v * 100)}%`,
        formatY: (v: number) => `${Math.round(v * 100)}%`,
        title: 'Portfolio frontier',
        summary: 'Best: 4%',
        legend: { frontier: 'Frontier', assets: 'Assets', limit: 'Limit' },
      },
    });
    const img = screen.getByRole('img', { name: 'Portfolio frontier' });
    expect(described(img)).toHaveTextContent('Best: 4%');
    expect(screen.getByTestId('portfolio-frontier-summary')).toHaveTextContent('Best: 4%');
    expect(screen.getByTestId('portfolio-frontier-line')).toBeInTheDocument();
    expect(screen.getByTestId('frontier-limit')).toHaveTextContent('Limit 9%');
    expect(img.querySelector('title')).toHaveTextContent('Equities');
    expect(img.querySelector('.axis-bottom')).toHaveTextContent('0%'); // the x axis starts at zero
  });

  it('grouped bars keep the summary as the name, the title as a caption above, and name each group on a band axis', () => {
    render(GroupedBars, {
      props: {
        title: 'Net profit',
        groups: [
          { label: 'NP', values: [1, -2] },
          { label: 'EC', values: [3, 4] },
        ],
        series: [
          { label: 'A', color: '#111' },
          { label: 'B', color: '#222' },
        ],
        format: String,
        tick: String,
      },
    });
    const img = screen.getByRole('img', { name: 'Net profit: NP A 1, B -2; EC A 3, B 4' });
    const caption = described(img);
    expect(caption).toHaveTextContent('Net profit');
    expect(caption?.compareDocumentPosition(img)).toBe(Node.DOCUMENT_POSITION_FOLLOWING); // caption first
    expect([...img.querySelectorAll('.axis-band-bottom text')].map((t) => t.textContent)).toEqual(['NP', 'EC']);
    expect(img.querySelector('.grid-lines .baseline')).not.toBeNull();
  });

  it('mix bars: the SVG keeps its test id and its full name, rows named on a left band axis', () => {
    render(MixBars, {
      props: {
        rows: [
          { key: 'a', label: 'Large', color: '#111', current: 0.5, best: 0.6 },
          { key: 'b', label: 'Small', color: '#222', current: 0.5, best: 0.4 },
        ],
        currentLabel: 'Now',
        bestLabel: 'Best',
        title: 'Mix',
      },
    });
    const svg = screen.getByTestId('best-mix-bars');
    expect(svg.getAttribute('aria-label')).toBe('Mix. Large: Now 50%, Best 60%; Small: Now 50%, Best 40%');
    expect(svg.hasAttribute('aria-describedby')).toBe(false); // no caption: the name says it all
    expect([...svg.querySelectorAll('.axis-band-left text')].map((t) => t.textContent)).toEqual(['Large', 'Small']);
    expect(svg.querySelectorAll('rect[data-best]')).toHaveLength(2);
  });
});
