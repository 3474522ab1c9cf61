import { expect, test, type Page } from '@playwright/test';
import { compact } from './pdf-text';
import { DashboardPage } from './pages/dashboard-page';
import { OverTimePage } from './pages/over-time-page';
import { ReportPage } from './pages/report-page';

/**
 * "打印报告" prints a report laid out for paper, not the screen: rendered with Chromium's print
 * media to an A4 PDF, it is two pages and carries the scenario, the three principles with their
 * limits, the comparison with the pyramid twin and the inputs that differ, with no screen chrome.
 */
test.beforeEach(async ({ context }) => {
  await context.clearCookies();
});

/** Prints to an A4 PDF once the report and each of `sections` (report test ids) are in the page. */
const printToPdf = (page: Page, sections: string[] = []) => new ReportPage(page).printToPdf(sections);

test('the dashboard report: two A4 pages with the scenario, the principles, the twin and what differs', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  // Move the mix: 大客户 65% → 50%.
  await app.typeShare('large', 50);
  // The dashboard's capital badge has computed this scenario's loss distribution: the report adds it.
  await app.waitCapitalBadge();

  const { pages, text } = await printToPdf(page);
  expect(pages).toBe(2);
  for (const expected of [
    '客户结构配比报告',
    '倒金字塔银行',
    '日期',
    '版本',
    '三项原则',
    '资本充足率（CAR）',
    '流动性覆盖率（LCR）',
    '个百分点',
    '达标',
    '与正金字塔银行（40/30/30）对比',
    '本情景较',
    '与演示银行不同的输入',
    '大客户·贷款占比',
    '65.0%',
    '50.0%',
    '按贷款额',
    '风险分布（置信水平',
  ])
    expect(text, expected).toContain(compact(expected));
  // Nothing of the screen: no nav, no buttons, no lever fields.
  for (const absent of ['情景对比', '打印报告', '恢复为演示银行', '试一试']) expect(text, absent).not.toContain(absent);
});

test('the report in English names money in CNY m below 1 bn and ratio margins in pp', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
  await new DashboardPage(page).open();
  const { pages, text } = await printToPdf(page);
  expect(pages).toBe(2);
  for (const expected of ['Client mix report', 'The three principles', 'pass, margin 1.7 pp', 'CNY 786 m', 'Against the pyramid bank'])
    expect(text, expected).toContain(compact(expected));
});

test('with over-time results computed, the report adds them and stays on two pages', async ({ page }) => {
  const overTime = new OverTimePage(page);
  await overTime.open();
  await overTime.setPaths(1000);
  await overTime.runToEnd();
  const dash = new DashboardPage(page);
  await dash.shell.goto('dashboard');
  await expect(dash.kpi('netProfit')).toBeVisible();
  // Printed once the report's over-time section carries the run's results.
  const { pages, text } = await printToPdf(page, ['report-over-time']);
  expect(pages).toBe(2);
  expect(text).toContain(compact('经营推演结果（1,000 条路径'));
  expect(text).toContain(compact('累计亏损的概率'));
});
