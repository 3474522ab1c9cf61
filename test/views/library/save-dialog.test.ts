// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { applyLevers, demoScenario } from '../../../src/lib/model';
import { changeLine } from '../../../src/views/library/format-input';
import SaveDialog from '../../../src/views/library/SaveDialog.svelte';
import { renderWithWorkspace } from '../../helpers/harness';

describe('saving the dashboard scenario', () => {
  it('prefills the name from what changed, with the mix summing to 100', () => {
    const moved = applyLevers(demoScenario, { mix: { large: 0.5, mid: 0.357, small: 0.143 } });
    expect(changeLine(demoScenario, moved, 'zh')).toBe('大客户50% · 中客户36% · 小客户14%');
    expect(changeLine(demoScenario, demoScenario, 'zh')).toBe('');
  });

  it('asks for a name and a description and saves both into the record and the scenario', async () => {
    i18n.setLang('zh');
    const { workspace, db } = await renderWithWorkspace(SaveDialog as never, { open: true, onClose: () => {} });
    // The dialog was opened on the demo (nothing changed): it offers the scenario's own words.
    const name = screen.getByTestId('save-name') as HTMLInputElement;
    expect(name.value).toBe('倒金字塔银行');
    await fireEvent.input(name, { target: { value: '我的方案' } });
    await fireEvent.input(screen.getByTestId('save-description'), { target: { value: '大客户降到50%' } });
    await fireEvent.submit(name.form!);
    await waitFor(() => expect(workspace.scenarioId).not.toBeNull());
    const record = await db.scenarios.get(workspace.scenarioId!);
    expect(record?.title).toBe('我的方案');
    expect(record?.description).toBe('大客户降到50%');
    expect(workspace.scenario.name.zh).toBe('我的方案');
    expect(workspace.scenario.description.zh).toBe('大客户降到50%');
  });
});
