import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PortfolioPage } from './pages/portfolio-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('profiles a client: a new risk level moves the best allocation, the figures follow', async ({ page }) => {
  const app = new PortfolioPage(page);
  await app.open();
  await expect(app.heading('有效前沿')).toBeVisible();
  await expect(app.clientName).toHaveText('演示客户 / Demo client');
  await expect(app.riskLevel(/C3 平衡型/)).toBeChecked();
  await expect(app.bestNote).toContainText('收益受波动率上限约束');
  await expect(app.frontierSummary).toContainText('最优配置：收益 4.43%、波动率 9.00%');
  await expect(app.risk('volatility')).toContainText('5.82%');
  await expect(app.cashSummary).toContainText('全部资金需求都满足的概率');
  const balancedEquity = await app.bestWeight('equityFund').innerText();

  // keyboard: from 平衡型 the arrow keys move along the radio group to 保守型
  await app.riskLevel(/C3 平衡型/).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(app.riskLevel(/C1 保守型/)).toBeChecked();
  await expect(app.bestWeight('equityFund')).not.toHaveText(balancedEquity);
  await expect(app.frontierSummary).toContainText('最优配置：收益 2.61%、波动率 2.00%');
  // the demo allocation is too risky for 保守型: said in words, with ✗
  await expect(app.allocationVerdict).toContainText('✗ 当前配置超出保守型的限额');
  await app.adoptBest();
  await expect(app.allocationVerdict).toContainText('✓ 当前配置在保守型的限额之内');
  await expect(app.adoptBestButton).toHaveText('当前配置已是最优配置');

  // a bad weight is stated, nothing breaks
  await app.setWeight('黄金', 50);
  await expect(app.weightProblem).toContainText('权重之和应为100%');
  await app.scaleWeightsTo100();
  await expect(app.weightProblem).toHaveCount(0);
  await expect(app.shell.body).not.toContainText('NaN');

  // the change is autosaved: a reload reopens it
  await app.waitSaved();
  await page.reload();
  await expect(app.riskLevel(/C1 保守型/)).toBeChecked();
});

test('the correlation matrix is checked, and the nearest valid matrix is one click away', async ({ page }) => {
  const app = new PortfolioPage(page);
  await app.open();
  await app.tab('assets').click();
  const cell = app.correlation('国债', '股票型基金');
  await cell.fill('0.95');
  await cell.press('Enter');
  await app.correlation('信用债', '股票型基金').fill('-0.95');
  const problem = app.correlationProblem;
  await expect(problem).toContainText('相关系数矩阵无效，修改未提交');
  await expect(problem).toContainText('矩阵非半正定');
  await expect(problem).toContainText(/ρ\(.+\)必须在\[/);
  // the draft that was not committed survives a visit to another page of the workspace
  await app.tab('allocation').click();
  await app.tab('assets').click();
  await expect(app.correlation('信用债', '股票型基金')).toHaveValue('-0.95');
  await expect(problem).toContainText('相关系数矩阵无效，修改未提交');
  await app.useNearestValidMatrix();
  await expect(app.correlationStatus).toContainText('✓ 矩阵有效');
  await expect(app.correlationStatus).toContainText('已采用最近的有效矩阵');
});

test('rebalancing: progress with the time left, cancel at once, then a full run with its table', async ({ page }) => {
  const app = new PortfolioPage(page);
  await app.open();
  await app.tab('rebalancing').click();
  await expect(app.rebalancingStatus).toContainText('尚未运行');
  const idleWorkers = page.workers().length;

  await app.settings(20_000, 11);
  await app.runButton.click();
  const progress = app.rebalancingProgress;
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(app.rebalancingStatus).toContainText(/预计还需 \d+ 秒|正在估算剩余时间/);
  await app.cancelRun();
  await expect(app.cancelledNote).toContainText('已取消');
  await expect(progress).toHaveCount(0);
  // the pool's workers are gone
  await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(idleWorkers);

  await app.settings(1_000, 11);
  const text = await app.runToEnd();
  await expect(app.strategyRows).toHaveCount(5);
  expect(text).toContain('不再平衡');
  expect(text).toContain('阈值再平衡（±5个百分点）');
  await expect(app.runInfo).toContainText('1,000 条路径 · 种子 11');
  await expect(app.chart('定期再平衡（每季）：财富随时间的分布')).toBeVisible();
  // an input changed: the old run is not shown as if it were current
  await app.tab('allocation').click();
  await app.setHorizon(8);
  await app.tab('rebalancing').click();
  await expect(app.rebalancingStatus).toContainText('输入已改变');
  await expect(app.table).toHaveCount(0);
});

test('the same seed gives the same numbers with 1 and 2 workers', async ({ page, context }) => {
  const run = async (p: Page, workers: number) => {
    const app = new PortfolioPage(p);
    await app.open(`?workers=${workers}`);
    await app.tab('rebalancing').click();
    await app.settings(2_000, 2024);
    const text = await app.runToEnd();
    await expect(app.runInfo).toContainText(`${workers} 个后台线程`);
    return text;
  };
  const one = await run(page, 1);
  const second = await context.newPage();
  const two = await run(second, 2);
  expect(two).toBe(one);
  expect(one).toMatch(/不再平衡\s+\d+ 万元/);
});

test('save, compare, export and import client portfolios', async ({ page }) => {
  const app = new PortfolioPage(page);
  await app.open();
  await app.renameClient('<img src=x onerror=alert(1)>王女士');
  await app.waitSaved();
  await app.tab('library').click();
  await app.duplicate();
  await expect(app.entries).toHaveCount(2);
  await expect(app.clientName).toHaveText('<img src=x onerror=alert(1)>王女士（副本）');
  // One-off: any <img> in the workspace would be the client's name parsed as markup.
  expect(await app.workspace.locator('img').count()).toBe(0);

  // make the copy different, then compare the two side by side
  await app.tab('allocation').click();
  await app.riskLevel(/C5 进取型/).check();
  await app.adoptBest();
  await app.waitSaved();
  await app.tab('library').click();
  await app.selectBoxes.nth(0).check();
  await app.selectBoxes.nth(1).check();
  const compare = app.comparison;
  await expect(compare).toContainText('进取型');
  await expect(compare).toContainText('平衡型');
  await expect(app.comparisonDifferences.first()).toContainText('●');

  // export both, then import the file: names are taken, so copies come in
  const file = await (await app.exportSelected()).path();
  const text = await readFile(file!, 'utf8');
  expect(JSON.parse(text).portfolios).toHaveLength(2);
  await app.importFile('clients.json', text);
  await expect(app.importResult).toContainText('已导入 2 个组合');
  await expect(app.importResult).toContainText('重名，已作为副本导入');
  await expect(app.entries).toHaveCount(4);

  // an invalid file: every problem listed with its path, nothing imported
  const bad = JSON.parse(text);
  bad.portfolios[1].portfolio.client.horizonYears = 99;
  await app.importFile('bad.json', JSON.stringify(bad));
  await expect(app.importResult).toContainText('文件无效，未导入任何组合');
  await expect(app.importResult).toContainText('portfolios.1.portfolio.client.horizonYears');
  await expect(app.entries).toHaveCount(4);
});

test('in English, with money in CNY m', async ({ page }) => {
  const app = new PortfolioPage(page);
  await app.open();
  await app.shell.switchLanguage('en');
  await expect(app.heading('Efficient frontier')).toBeVisible();
  await expect(app.heading(/Risk and return \(horizon 10 years, amount CNY 1.00 m\)/)).toBeVisible();
  await expect(app.allocationVerdict).toContainText('within the limits of Balanced');
  await expect(app.tabNamed('Rebalancing')).toBeVisible();
  await app.shell.switchLanguage('zh');
});

test('axe finds no serious or critical violation on any page of the workspace', async ({ page }) => {
  const app = new PortfolioPage(page);
  await app.open();
  await expect(app.cashSummary).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await app.tab('assets').click();
  expect(await seriousViolations(page)).toEqual([]);
  await app.tab('rebalancing').click();
  await app.settings(1_000, 3);
  await app.runToEnd();
  expect(await seriousViolations(page)).toEqual([]);
  await app.tab('library').click();
  expect(await seriousViolations(page)).toEqual([]);
  // the tabs work with the keyboard
  await app.tab('library').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(app.tab('rebalancing')).toHaveAttribute('aria-selected', 'true');
  await expect(app.tab('rebalancing')).toBeFocused();
});
