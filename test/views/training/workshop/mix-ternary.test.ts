// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MixTernary from '../../../../src/views/training/workshop/MixTernary.svelte';

describe('the debrief ternary', () => {
  it('stacks the labels of teams that chose the same mix instead of drawing them over each other', () => {
    const same = [0.3, 0.5, 0.2];
    const { container } = render(MixTernary, {
      props: {
        corners: ['大', '中', '小'],
        summary: 's',
        points: [
          { key: 'a', label: '第一组', shares: same },
          { key: 'b', label: '第二组', shares: same },
          { key: 'c', label: '第三组', shares: same },
          { key: 'd', label: '远处', shares: [0.8, 0.1, 0.1] },
        ],
      },
    });
    const labels = [...container.querySelectorAll('text.label')];
    const ys = labels.slice(0, 3).map((t) => Number(t.getAttribute('y')));
    expect(new Set(ys).size).toBe(3);
    for (let i = 1; i < 3; i++) expect(Math.abs(ys[i] - ys[i - 1])).toBeGreaterThanOrEqual(16);
    expect(container.querySelectorAll('line.leader')).toHaveLength(2);
    expect(labels.map((t) => t.textContent)).toEqual(['第一组第一组', '第二组第二组', '第三组第三组', '远处远处']); // <title> and the text
  });
});
