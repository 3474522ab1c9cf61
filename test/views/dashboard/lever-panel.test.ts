// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import LeverPanel from '../../../src/views/dashboard/LeverPanel.svelte';
import { renderWithWorkspace } from '../../helpers/harness';

describe('LeverPanel', () => {
  it('moves the large-client slider and rebalances the others in proportion, summing to 100%', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(LeverPanel);
    const large = screen.getByLabelText('大客户', { selector: 'input[type=range]' }) as HTMLInputElement;
    expect(large.value).toBe('65');
    await fireEvent.input(large, { target: { value: '40' } });
    const shares = workspace.scenario.segments.map((s) => s.share);
    expect(shares[0]).toBeCloseTo(0.4, 12);
    expect(shares[1] / shares[2]).toBeCloseTo(2.5, 9); // mid:small stays 25:10
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    await waitFor(() => expect(workspace.evaluation?.segments[0].share).toBeCloseTo(0.4, 12));
  });

  it('shows a clear message at the field for a share above 100% and text, and commits nothing', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(LeverPanel);
    const before = workspace.scenario;
    const field = screen.getByLabelText('大客户占比（%）') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: '150' } });
    expect(await screen.findByText('不能大于 100 %')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await fireEvent.input(field, { target: { value: 'abc' } });
    expect(await screen.findByText('请输入数字')).toBeInTheDocument();
    expect(workspace.scenario).toBe(before);
  });

  it('rejects a negative PD in the details panel', async () => {
    i18n.setLang('en');
    const { workspace } = await renderWithWorkspace(LeverPanel);
    // the details panel draws its fields when it is opened
    await fireEvent.click(screen.getByText('Segment inputs'));
    const pd = (await waitFor(() => document.getElementById('in-segments.2.pd') ?? Promise.reject(new Error('not drawn')))) as HTMLInputElement;
    await fireEvent.input(pd, { target: { value: '-1' } });
    expect(await screen.findByText('Must be at least 0 %')).toBeInTheDocument();
    expect(workspace.scenario.segments[2].pd).toBe(0.03);
    await fireEvent.input(pd, { target: { value: '4' } });
    expect(workspace.scenario.segments[2].pd).toBeCloseTo(0.04, 12);
    i18n.setLang('zh');
  });

  it('sets a spread over LPR in bp and shows its 上浮/下浮 equivalent and the rate', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(LeverPanel);
    const small = screen.getByLabelText('小客户加点（基点）') as HTMLInputElement;
    await fireEvent.input(small, { target: { value: '90' } });
    expect(workspace.scenario.segments[2].spreadBp).toBe(90);
    expect(screen.getByText(/LPR\+90基点（上浮30%）· 利率 3.90%/)).toBeInTheDocument(); // LPR 3.00% + 0.90%
  });
});
