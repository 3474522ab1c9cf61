// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { MixLabDatabase } from '../../../src/lib/db/database';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { createServices, setPageServices } from '../../../src/lib/state/services';
import { forgetTrainingSession } from '../../../src/lib/state/training-session.svelte';
import { bankLessonById as lessonById, createContext } from '../../../src/lib/training';
import LessonPanels from '../../../src/views/training/LessonPanels.svelte';
import BankPlayer from '../../../src/views/training/BankPlayer.svelte';

let db: MixLabDatabase;
let counter = 0;

beforeEach(() => {
  db = new MixLabDatabase(`lesson-test-${Date.now()}-${counter++}`);
  setPageServices(createServices({ database: db }));
  forgetTrainingSession('lesson:concrete-mix');
  forgetTrainingSession('lesson:pricing-power');
  forgetTrainingSession('lesson:inverted-pyramid');
  i18n.setLang('zh');
});

describe('BankPlayer playing a lesson', () => {
  it('updates the goal check live when a lever moves, and saves progress', async () => {
    const lesson = lessonById('concrete-mix')!;
    render(BankPlayer, { props: { activity: { kind: 'lesson', lesson } } });
    const status = screen.getByTestId('goal-status');
    expect(status).toHaveTextContent('尚未达成：还差 3 项');
    const items = () => screen.getAllByTestId('goal-item').map((li) => li.textContent ?? '');
    expect(items()[1]).toMatch(/✗.*流动性覆盖率（LCR） ≥ 110\.0%.*现为 101\.7%/);
    const finish = screen.getByTestId('finish-lesson');
    expect(finish).toBeDisabled();

    const large = screen.getByLabelText('大客户', { selector: 'input[type=range]' }) as HTMLInputElement;
    await fireEvent.input(large, { target: { value: '55' } });
    // 55%: the LCR is still short of 110%
    expect(status).toHaveTextContent('尚未达成');
    expect(items()[1]).toMatch(/✗.*现为 106\.0%/);

    await fireEvent.input(large, { target: { value: '40' } });
    expect(status).toHaveTextContent('目标达成');
    expect(items().every((t) => t.includes('✓'))).toBe(true);
    expect(screen.getByTestId('fig-lcr')).toHaveTextContent('113.2%');
    expect(finish).toBeEnabled();

    await fireEvent.click(finish);
    expect(await screen.findByTestId('debrief')).toBeInTheDocument();
    await waitFor(async () => expect((await db.progress.get('concrete-mix'))?.status).toBe('completed'));
  });

  it('follows a typed spread in lesson 3, shows its equivalent float and how far net profit is from the best', async () => {
    const lesson = lessonById('pricing-power')!;
    render(BankPlayer, { props: { activity: { kind: 'lesson', lesson } } });
    const field = screen.getByLabelText('小客户 · LPR加点（基点）') as HTMLInputElement;
    const range = screen.getByLabelText('小客户 · LPR加点', { selector: 'input[type=range]' });
    expect(range).toHaveAttribute('aria-valuetext', 'LPR+80基点 · 约上浮27% · 3.80%');
    await fireEvent.input(field, { target: { value: '13' } });
    // a half-typed number is not committed: the goal still reads the start
    expect(screen.getByTestId('goal-status')).toHaveTextContent('尚未达成');
    await fireEvent.input(field, { target: { value: '135' } });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByTestId('goal-status')).toHaveTextContent('目标达成');
    expect(screen.getByTestId('fig-demandKept.small')).toHaveTextContent('71.9%');
    expect(range).toHaveAttribute('aria-valuetext', 'LPR+135基点 · 约上浮45% · 4.35%');
    await fireEvent.input(field, { target: { value: '250' } });
    await fireEvent.blur(field);
    expect(screen.getByTestId('goal-status')).toHaveTextContent('尚未达成');
  });

  it('draws the small clients’ spread curve with its best, the equivalent float and a data table', () => {
    render(LessonPanels, { props: { panels: ['spreadCurve'], ctx: createContext(lessonById('pricing-power')!.scenario) } });
    expect(screen.getByRole('img', { name: '净利润与小客户的LPR加点' })).toBeInTheDocument();
    expect(
      screen.getByText(/小客户按LPR\+135基点（上浮45%）定价时净利润最高（7\.91 亿元）；现在是LPR\+80基点（上浮27%），净利润7\.86 亿元。/),
    ).toBeInTheDocument();
    // the table marks the best row and keeps the current spread's row
    const rows = screen.getAllByRole('row');
    const best = rows.filter((r) => r.classList.contains('best-row')).map((r) => r.textContent ?? '');
    // the best and the current row say so in words, not only in bold
    expect(best.map((t) => t.replace(/\s+/g, ''))).toEqual([expect.stringMatching(/^LPR\+135基点（最优）上浮45%7\.91亿元$/)]);
    expect(rows.some((r) => (r.textContent ?? '').replace(/\s+/g, '').startsWith('LPR+80基点（当前）上浮27%7.86亿元'))).toBe(true);
  });

  it('lesson 2: a diagnosis answer gets feedback only once committed, then locks until answered again', async () => {
    render(BankPlayer, { props: { activity: { kind: 'lesson', lesson: lessonById('inverted-pyramid')! } } });
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
