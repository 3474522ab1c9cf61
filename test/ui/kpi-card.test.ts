// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import KpiCard from '../../src/lib/ui/KpiCard.svelte';

describe('KpiCard', () => {
  it('shows pass with its margin as text and an icon, not colour alone', () => {
    i18n.setLang('zh');
    render(KpiCard, {
      props: {
        label: '流动性覆盖率（LCR）',
        value: 1.011,
        formatted: '101.1%',
        limit: { key: 'lcr', value: 1.011, limit: 1, direction: 'min', isPass: true, margin: 0.011 },
        better: 1,
        onOpen: () => {},
      },
    });
    expect(screen.getByText(/✓ 达标/)).toBeInTheDocument();
    expect(screen.getByRole('button')).toHaveTextContent(/下限 100.0% · 余量 1.1 个百分点/);
  });

  it('shows a breach and by how much', () => {
    i18n.setLang('en');
    render(KpiCard, {
      props: {
        label: 'Largest client / net capital',
        value: 0.12,
        formatted: '12.00%',
        limit: { key: 'singleClientToCapital', value: 0.12, limit: 0.1, direction: 'max', isPass: false, margin: -0.02 },
        better: 1,
        onOpen: () => {},
      },
    });
    expect(screen.getByText(/✗ Breach/)).toBeInTheDocument();
    expect(screen.getByRole('button')).toHaveTextContent(/max 10.0% · over by 2.0 pp/);
    i18n.setLang('zh');
  });

  it('marks the direction of a change and opens the glass box on click', async () => {
    const onOpen = vi.fn();
    render(KpiCard, { props: { label: '净利润', value: 8.2e8, formatted: '8.20 亿元', previous: 7.6e8, better: 1, onOpen } });
    expect(screen.getByTestId('change-mark')).toHaveTextContent(/▲.*改善/);
    await fireEvent.click(screen.getByRole('button'));
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('shows no change mark when the value did not move', () => {
    render(KpiCard, { props: { label: '净利润', value: 7.6e8, formatted: '7.60 亿元', previous: 7.6e8, better: 1, onOpen: () => {} } });
    expect(screen.queryByText('▲')).toBeNull();
    expect(screen.queryByText('▼')).toBeNull();
  });
});
