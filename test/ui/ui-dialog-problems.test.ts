// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import ConfirmButton from '../../src/lib/ui/ConfirmButton.svelte';
import ProblemList from '../../src/lib/ui/ProblemList.svelte';
import { problemItems } from '../../src/lib/ui/problems';

describe('ProblemList (the one list of validation problems)', () => {
  it('places validator problems by their path, shows at most `max` and counts the rest', () => {
    i18n.setLang('zh');
    const problems = problemItems([
      { path: 'team', message: { zh: '不能为空', en: 'required' }, expected: '文字', received: '' },
      { path: '', message: { zh: '不是JSON', en: 'not JSON' } },
      { path: 'scores.0', message: { zh: '应为数字', en: 'a number' } },
    ]);
    render(ProblemList, { props: { heading: '文件有问题', problems, max: 2, testId: 'problems' } });
    const list = screen.getByTestId('problems');
    expect(list).toHaveAttribute('role', 'alert');
    expect(list).toHaveTextContent('位置 team：不能为空 · 应为 文字');
    expect(list).toHaveTextContent('整个文件：不是JSON');
    expect(list).not.toHaveTextContent('scores.0');
    expect(list).toHaveTextContent('另有 1 处问题未列出。');
    expect(list.querySelectorAll('li')).toHaveLength(2);
  });
});

describe('Dialog through ConfirmButton', () => {
  it('opens labelled on the button, acts on Confirm, and closes on Cancel without acting', async () => {
    i18n.setLang('en');
    const onConfirm = vi.fn();
    render(ConfirmButton, { props: { label: 'Reset', question: 'Reset every input?', onConfirm, testId: 'reset' } });
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(false);
    await fireEvent.click(screen.getByTestId('reset'));
    expect(dialog.open).toBe(true);
    expect(dialog).toHaveAttribute('aria-label', 'Reset');
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel', hidden: true }));
    expect(dialog.open).toBe(false);
    expect(onConfirm).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('reset'));
    expect(dialog.open).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm', hidden: true }));
    expect(dialog.open).toBe(false);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
