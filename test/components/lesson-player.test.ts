// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../src/lib/db/database';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { setTrainingDb } from '../../src/lib/state/training-db';
import { forgetTrainingSession } from '../../src/lib/state/training-session.svelte';
import { bankLessonById as lessonById } from '../../src/lib/training';
import LessonPlayer from '../../src/views/training/LessonPlayer.svelte';

let db: MixLabDatabase;
let counter = 0;

beforeEach(() => {
  db = new MixLabDatabase(`lesson-test-${Date.now()}-${counter++}`);
  setTrainingDb(db);
  forgetTrainingSession('lesson:concrete-mix');
  forgetTrainingSession('lesson:pricing-power');
  forgetTrainingSession('lesson:inverted-pyramid');
  i18n.setLang('zh');
});

describe('LessonPlayer', () => {
  it('updates the goal check live when a lever moves, and saves progress', async () => {
    const lesson = lessonById('concrete-mix')!;
    render(LessonPlayer, { props: { lesson } });
    const status = screen.getByTestId('goal-status');
    expect(status).toHaveTextContent('尚未达成：还差 3 项');
    const items = () => screen.getAllByTestId('goal-item').map((li) => li.textContent ?? '');
    expect(items()[1]).toMatch(/✗.*流动性覆盖率（LCR） ≥ 110\.0%.*现为 101\.1%/);
    const finish = screen.getByTestId('finish-lesson');
    expect(finish).toBeDisabled();

    const large = screen.getByLabelText('大客户', { selector: 'input[type=range]' }) as HTMLInputElement;
    await fireEvent.input(large, { target: { value: '55' } });
    // 55%: the LCR is still short of 110%
    expect(status).toHaveTextContent('尚未达成');
    expect(items()[1]).toMatch(/✗.*现为 105\.4%/);

    await fireEvent.input(large, { target: { value: '40' } });
    expect(status).toHaveTextContent('目标达成');
    expect(items().every((t) => t.includes('✓'))).toBe(true);
    expect(screen.getByTestId('fig-lcr')).toHaveTextContent('112.5%');
    expect(finish).toBeEnabled();

    await fireEvent.click(finish);
    expect(await screen.findByTestId('debrief')).toBeInTheDocument();
    await waitFor(async () => expect((await db.progress.get('concrete-mix'))?.status).toBe('completed'));
  });

  it('follows a typed markup in lesson 3 and shows how far net profit is from the best', async () => {
    const lesson = lessonById('pricing-power')!;
    render(LessonPlayer, { props: { lesson } });
    const field = screen.getByLabelText('小客户 · 利率浮动（上浮/下浮）（%）') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: '4' } });
    // a half-typed number is not committed: the goal still reads the start
    expect(screen.getByTestId('goal-status')).toHaveTextContent('尚未达成');
    await fireEvent.input(field, { target: { value: '46' } });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByTestId('goal-status')).toHaveTextContent('目标达成');
    expect(screen.getByTestId('fig-demandKept.small')).toHaveTextContent('67.7%');
    await fireEvent.input(field, { target: { value: '90' } });
    await fireEvent.blur(field);
    expect(screen.getByTestId('goal-status')).toHaveTextContent('尚未达成');
  });

  it('lesson 2: a diagnosis answer gets feedback only once committed, then locks until answered again', async () => {
    render(LessonPlayer, { props: { lesson: lessonById('inverted-pyramid')! } });
    const group = screen.getByRole('group', { name: '起始银行的税前利润主要来自哪一层客户？' });
    const options = group.querySelectorAll('input[type=radio]');
    await fireEvent.click(options[2]);
    const items = screen.getAllByTestId('goal-item');
    expect(items[0]).toHaveTextContent('请选择答案'); // a draft: no right or wrong yet
    await fireEvent.click(screen.getByTestId('commit-most-profit'));
    expect(items[0]).not.toHaveTextContent('请选择答案');
    expect(group).toHaveTextContent('第 1 次作答');
    expect([...group.querySelectorAll('input[type=radio]')].every((r) => (r as HTMLInputElement).disabled)).toBe(true);
  });
});
