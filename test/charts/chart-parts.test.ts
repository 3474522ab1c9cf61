// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FanChart from '../../src/lib/charts/FanChart.svelte';
import HistogramChart from '../../src/lib/charts/HistogramChart.svelte';
import { FAN_FRAME, fanGeometry } from '../../src/lib/charts/fan-geometry';

const xs = [0, 1, 2, 3];
const bands = { p5: [1, 0.8, 0.7, 0.6], p25: [1, 0.95, 0.9, 0.9], p50: [1, 1.05, 1.1, 1.15], p75: [1, 1.15, 1.3, 1.4], p95: [1, 1.3, 1.5, 1.7] };

describe('chart parts (frame, grid lines, axes)', () => {
  it('a fan chart is one image named by its title and described by its caption, with its ticks', () => {
    render(FanChart, {
      props: { x: xs, ...bands, formatY: (v: number) => `${v.toFixed(1)}×`, xLabel: 'Years', title: 'Capital ratio', summary: 'Median rises to 1.15' },
    });
    const img = screen.getByRole('img', { name: 'Capital ratio' });
    const caption = document.getElementById(img.getAttribute('aria-describedby')!);
    expect(caption?.tagName).toBe('FIGCAPTION');
    expect(caption).toHaveTextContent('Median rises to 1.15');
    const g = fanGeometry(xs, bands, [0.5, 1.8]);
    expect(img.querySelectorAll('.grid-lines line').length).toBeGreaterThan(1);
    expect(img.querySelector('.axis-left')).toHaveTextContent(`${g.yTicks[1].toFixed(1)}×`);
    expect(img.querySelector('.axis-bottom')).toHaveTextContent('Years');
  });

  it('a fan with a final histogram (the client wealth fan) draws the shared fan geometry, narrowed by the histogram', () => {
    const final = { edges: [0.5, 1, 1.5, 2], counts: [2, 5, 1] };
    const { container } = render(FanChart, {
      props: { x: xs, ...bands, yDomain: [0.5, 1.8], final, formatY: String, xLabel: 'Years', title: 'Wealth', summary: 's' },
    });
    const g = fanGeometry(xs, bands, [0.5, 1.8], { frame: { ...FAN_FRAME, margin: { ...FAN_FRAME.margin, right: FAN_FRAME.margin.right + 34 } } });
    const paths = Array.from(container.querySelectorAll('path')).map((p) => p.getAttribute('d'));
    expect(paths).toContain(g.median);
    expect(paths).toContain(g.outer);
    expect(container.querySelectorAll('.final rect')).toHaveLength(3);
  });

  it('a histogram keeps its axis line and tick labels', () => {
    render(HistogramChart, {
      props: {
        edges: [-2, -1, 0, 1, 2],
        counts: [1, 3, 4, 2],
        formatX: (v: number) => `${v}`,
        xLabel: 'Profit',
        title: 'Profit paths',
        summary: 'Mostly positive',
      },
    });
    const img = screen.getByRole('img', { name: 'Profit paths' });
    expect(img.querySelector('.axis-bottom line.axis')).not.toBeNull();
    expect(img.querySelector('.axis-bottom')).toHaveTextContent('Profit');
  });
});
