import { expect, test } from '@playwright/test';
import { TrainingPage } from './pages/training-page';

test.beforeEach(async ({ context }) => {
  await context.clearCookies();
});

test('the client-portfolio lesson is completed by typing weights with the keyboard, and its debrief opens', async ({ page }) => {
  const lesson = new TrainingPage(page);
  await lesson.open();
  await expect(lesson.lessonStatus('portfolio-risk-profile')).toHaveText('未开始');

  await lesson.activateByKeyboard(lesson.lessonLink(/第8课 · 资产配置与风险承受能力/));
  await expect(lesson.title(/第8课 · 资产配置与风险承受能力/)).toBeFocused();
  await expect(lesson.goalStatus()).toContainText('尚未达成：还差 2 项');
  await expect(lesson.figure('portfolio.volatility')).toContainText('13.71%');
  await expect(lesson.figure('portfolio.volatility')).toContainText('超出 4.7 个百分点');

  await lesson.typeByKeyboard(lesson.weightField('定期存款'), '0');
  // 90%: a clear message, nothing committed
  await expect(lesson.weightProblem).toContainText('权重之和应为100%');
  await expect(lesson.weightProblem).toContainText('还差 10.00 个百分点');
  await expect(lesson.goalStatus()).toContainText('尚未达成');
  await lesson.typeByKeyboard(lesson.weightField('信用债'), '45');
  await lesson.typeByKeyboard(lesson.weightField('股票型基金'), '35');
  await expect(lesson.weightProblem).toHaveCount(0);
  await expect(lesson.weightSum).toHaveText('100.00%');
  await expect(lesson.goalStatus()).toContainText('目标达成');
  await expect(lesson.figure('portfolio.volatility')).toContainText('达标');

  await expect(lesson.finishButton).toBeEnabled();
  await lesson.activateByKeyboard(lesson.finishButton, { backwards: true });
  await expect(lesson.debrief).toBeVisible();
  await expect(lesson.debriefHeading).toBeFocused();
  await expect(lesson.debrief).toContainText('有效前沿');
  await expect(lesson.bestAllocation).toContainText('4.43%');
  await expect(lesson.debriefTermLink(/有效前沿/)).toHaveAttribute('href', '#/glossary?term=efficientFrontier');

  await lesson.shell.goto('training');
  await expect(lesson.lessonStatus('portfolio-risk-profile')).toContainText('已完成');
});

test('the client-portfolio challenge scores a typed allocation and keeps the attempt', async ({ page }) => {
  const challenge = new TrainingPage(page);
  await challenge.open('challenge=client-tuition');
  await expect(challenge.title('学费与收益')).toBeFocused();
  const start = await challenge.liveScoreValue();
  // A typed allocation close to the best within 稳健型
  const weights: [string, string][] = [
    ['定期存款', '0'],
    ['银行理财（固收类）', '0'],
    ['国债', '0'],
    ['信用债', '68'],
    ['股票型基金', '17'],
    ['黄金', '15'],
  ];
  for (const [asset, value] of weights) await challenge.typeByKeyboard(challenge.weightField(asset), value);
  await expect(challenge.weightSum).toHaveText('100.00%');
  await expect.poll(() => challenge.liveScoreValue()).toBeGreaterThan(start);
  await challenge.submitChallenge();
  await expect(challenge.challengeResult).toBeVisible();
  await expect(challenge.scoreExplain).toContainText('预期年收益率');
  await expect(challenge.bestScore()).toBeVisible();
});
