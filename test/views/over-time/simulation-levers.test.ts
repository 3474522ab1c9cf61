// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { STRESS_PRESETS } from '../../../src/lib/model';
import SimulationLevers from '../../../src/views/over-time/SimulationLevers.svelte';
import { renderWithWorkspace } from '../../helpers/harness';

describe('SimulationLevers', () => {
  it('a target share above 100% is reported at the field and nothing is committed', async () => {
    const { workspace } = await renderWithWorkspace(SimulationLevers);
    const before = workspace.scenario;
    const field = screen.getByLabelText('目标占比：小客户') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: '120' } });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const error = document.getElementById(`${field.id}-error`);
    expect(error).toHaveTextContent('不能大于 100');
    expect(workspace.scenario).toBe(before);

    await fireEvent.input(field, { target: { value: '三十' } });
    expect(document.getElementById(`${field.id}-error`)).toHaveTextContent('请输入数字');
    expect(workspace.scenario).toBe(before);
  });

  it('a valid target share commits a mix that still sums to 100%', async () => {
    const { workspace } = await renderWithWorkspace(SimulationLevers);
    const field = screen.getByLabelText('目标占比：小客户') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: '40' } });
    const mix = workspace.scenario.levers.targetMix!;
    expect(mix.small).toBeCloseTo(0.4, 12);
    expect(mix.large + mix.mid + mix.small).toBeCloseTo(1, 12);
    expect(mix.large / mix.mid).toBeCloseTo(0.4 / 0.3, 9); // the others keep their proportion
  });

  it('a pace below its minimum is refused at the field', async () => {
    const { workspace } = await renderWithWorkspace(SimulationLevers);
    const before = workspace.scenario;
    const pace = screen.getByLabelText('调整节奏') as HTMLInputElement;
    await fireEvent.input(pace, { target: { value: '0' } });
    expect(document.getElementById(`${pace.id}-error`)).toHaveTextContent('不能小于 1');
    expect(workspace.scenario).toBe(before);
  });

  it('the stress preset and the headcount levers change the scenario', async () => {
    const { workspace } = await renderWithWorkspace(SimulationLevers);
    const select = screen.getByLabelText('压力情景') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'recessionYear2' } });
    expect(workspace.scenario.stress).toEqual(STRESS_PRESETS.recessionYear2.stress());
    expect(screen.getByTestId('stress-description')).toHaveTextContent('第二年');

    const auto = screen.getByLabelText(/按业务需要配备/) as HTMLInputElement;
    expect(auto.checked).toBe(true);
    await fireEvent.click(auto);
    expect(workspace.scenario.levers.managerHeadcount).toBeGreaterThan(0);
    const headcount = screen.getByLabelText('客户经理人数') as HTMLInputElement;
    await fireEvent.input(headcount, { target: { value: '12.5' } });
    expect(document.getElementById(`${headcount.id}-error`)).toHaveTextContent('整数');
  });
});
