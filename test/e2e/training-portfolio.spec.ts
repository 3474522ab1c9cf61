import { expect, test } from '@playwright/test';
import { TrainingPage } from './pages/training-page';

test.beforeEach(async ({ context }) => {
  await context.clearCookies();
});

test('the client-portfolio lesson is completed by typing weights with the keyboard, and its debrief opens', async ({ page }) => {
  const app = new TrainingPage(page);
  await app.open();
  await expect(app.lessonStatus('portfolio-risk-profile')).toHaveText('未开始');

  await app.tabTo(page.getByRole('link', { name: /第8课 · 资产配置与风险承受能力/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /第8课 · 资产配置与风险承受能力/ })).toBeFocused();
  await expect(app.goalStatus()).toContainText('尚未达成：还差 2 项');
  await expect(page.getByTestId('fig-portfolio.volatility')).toContainText('13.71%');
  await expect(page.getByTestId('fig-portfolio.volatility')).toContainText('超出 4.7 个百分点');

  const type = async (label: string, value: string) => {
    const field = page.getByLabel(label, { exact: true });
    await app.tabTo(field);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  };
  await type('定期存款', '0');
  // 90%: a clear message, nothing committed
  await expect(page.getByTestId('training-weight-problem')).toContainText('权重之和应为100%');
  await expect(page.getByTestId('training-weight-problem')).toContainText('还差 10.00 个百分点');
  await expect(app.goalStatus()).toContainText('尚未达成');
  await type('信用债', '45');
  await type('股票型基金', '35');
  await expect(page.getByTestId('training-weight-problem')).toHaveCount(0);
  await expect(page.getByTestId('training-weight-sum')).toHaveText('100.00%');
  await expect(app.goalStatus()).toContainText('目标达成');
  await expect(page.getByTestId('fig-portfolio.volatility')).toContainText('达标');

  const finish = page.getByTestId('finish-lesson');
  await expect(finish).toBeEnabled();
  await app.tabTo(finish, { backwards: true });
  await page.keyboard.press('Enter');
  const debrief = page.getByTestId('debrief');
  await expect(debrief).toBeVisible();
  await expect(page.getByRole('heading', { name: /讲评/ })).toBeFocused();
  await expect(debrief).toContainText('有效前沿');
  await expect(page.getByTestId('best-allocation')).toContainText('4.43%');
  await expect(debrief.getByRole('link', { name: /有效前沿/ }).first()).toHaveAttribute('href', '#/glossary?term=efficientFrontier');

  await page.goto('./#/training');
  await expect(app.lessonStatus('portfolio-risk-profile')).toContainText('已完成');
});

test('the client-portfolio challenge scores a typed allocation and keeps the attempt', async ({ page }) => {
  const app = new TrainingPage(page);
  await app.open('challenge=client-tuition');
  await expect(page.getByRole('heading', { level: 2, name: '学费与收益' })).toBeFocused();
  const start = Number(await page.getByTestId('live-score').textContent());
  // A typed allocation close to the best within 稳健型
  const fields: [string, string][] = [
    ['定期存款', '0'],
    ['银行理财（固收类）', '0'],
    ['国债', '0'],
    ['信用债', '68'],
    ['股票型基金', '17'],
    ['黄金', '15'],
  ];
  for (const [label, value] of fields) {
    const field = page.getByLabel(label, { exact: true });
    await app.tabTo(field);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  }
  await expect(page.getByTestId('training-weight-sum')).toHaveText('100.00%');
  await expect.poll(async () => Number(await page.getByTestId('live-score').textContent())).toBeGreaterThan(start);
  await page.getByTestId('submit-challenge').click();
  await expect(page.getByTestId('challenge-result')).toBeVisible();
  await expect(page.getByTestId('score-explain')).toContainText('预期年收益率');
  await expect(page.getByText(/最高分/)).toBeVisible();
});
