// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { inputSpec } from '../../src/lib/model';
import NumberField from '../../src/lib/ui/NumberField.svelte';
import { invalidFields } from '../../src/lib/state/invalid-fields.svelte';

describe('NumberField with bad text', () => {
  it('keeps the bad text and its message after Tab, and lists the field as invalid until fixed', async () => {
    i18n.setLang('zh');
    const onCommit = vi.fn();
    render(NumberField, { props: { id: 'nf-seed', spec: inputSpec('simulation.seed')!, value: 42, onCommit, label: '随机种子' } });
    const input = screen.getByLabelText('随机种子') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '4x2' } });
    await fireEvent.blur(input);
    expect(input.value).toBe('4x2');
    expect(screen.getByRole('alert')).toHaveTextContent(/./);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(invalidFields.within('nf-').map((f) => f.label)).toEqual(['随机种子']);
    expect(onCommit).not.toHaveBeenCalled();

    await fireEvent.input(input, { target: { value: '7' } });
    await fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledWith(7);
    expect(invalidFields.within('nf-')).toEqual([]);
  });
});
