// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import ScenarioChanges from '../../../src/views/library/ScenarioChanges.svelte';
import { renderWithWorkspace } from '../../helpers/harness';

describe('ScenarioChanges', () => {
  it('lists what changed with labels and both values, undoes by button and keyboard, resets after confirming', async () => {
    i18n.setLang('zh');
    const { workspace } = await renderWithWorkspace(ScenarioChanges);
    expect(screen.getByTestId('undo')).toBeDisabled();
    workspace.setInput('segments.2.spreadBp', 100);
    workspace.setInput('bank.hqla', 500e8);
    await waitFor(() => expect(screen.getByTestId('changes-summary')).toHaveTextContent('我改了什么？（2）'));
    expect(screen.getByTestId('change-segments.2.spreadBp')).toHaveTextContent('小客户 · LPR加点');
    expect(screen.getByTestId('change-segments.2.spreadBp')).toHaveTextContent('保存值 LPR+80基点 → 当前值 LPR+100基点');
    expect(screen.getByTestId('change-bank.hqla')).toHaveTextContent('保存值 420.00 亿元 → 当前值 500.00 亿元');

    await fireEvent.click(screen.getByTestId('undo'));
    expect(workspace.scenario.bank.hqla).toBe(420e8);
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(workspace.scenario.bank.hqla).toBe(500e8);
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(workspace.scenario.bank.hqla).toBe(420e8);

    // inside a text field Ctrl+Z is the field's own undo
    const text = document.createElement('input');
    document.body.append(text);
    await fireEvent.keyDown(text, { key: 'z', ctrlKey: true });
    expect(workspace.scenario.segments[2].spreadBp).toBe(100);
    text.remove();

    const row = screen.getByTestId('change-segments.2.spreadBp');
    await fireEvent.click(within(row).getByRole('button', { name: /恢复保存值/ }));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('把“小客户 · LPR加点”恢复为保存值 LPR+80基点？');
    await fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(workspace.scenario.segments[2].spreadBp).toBe(100);
    await fireEvent.click(within(row).getByRole('button', { name: /恢复保存值/ }));
    await fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: '确定' }));
    expect(workspace.scenario.segments[2].spreadBp).toBe(80);
    await waitFor(() => expect(screen.getByText('与已保存版本相比没有修改。')).toBeInTheDocument());
  });
});
