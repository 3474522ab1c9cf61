import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { RiskPage } from './pages/risk-page';

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

test.beforeEach(async ({ context }) => {
  // A fresh profile: no saved workspace, Chinese UI.
  await context.clearCookies();
  // Every main-thread task over 50 ms, from the first paint on (Long Tasks API).
  await context.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no Long Tasks API: the check below sees none
    }
  });
});

test('the demo bank’s loss distribution: EL, VaR and ES marked, the add-on, the log tail, a contribution’s working', async ({ page }) => {
  const risk = new RiskPage(page);
  await risk.open();
  // the markers, labelled with their values (亿元)
  await expect(risk.marker('el')).toContainText('预期损失EL 4.84');
  await expect(risk.marker('var99')).toContainText('VaR 99% 34.19');
  await expect(risk.marker('var999')).toContainText('VaR 99.9% 65.27');
  await expect(risk.marker('es999')).toContainText('ES 99.9% 81.37');
  await expect(risk.marker('gvar999')).toContainText('颗粒化VaR 99.9%');
  await expect(risk.bracket).toContainText('颗粒度调整 +3.21 亿元');
  expect(await risk.figureText('addon')).toContain('+3.21 亿元');
  expect(await risk.figureText('ec')).toBe('60.43 亿元');
  await expect(risk.summary).toContainText('颗粒度调整 3.21 亿元（5.6%）');
  await expect(risk.figure('largest')).toContainText('达标');
  // the distribution came from the engine's module worker
  expect(page.workers().length).toBeGreaterThan(0);

  // the log-scale tail, by keyboard
  await risk.showTailByKeyboard();
  await expect(risk.yTick('0.1%')).toHaveCount(1);
  await expect(risk.summary).toContainText('对数坐标');

  // a bar opens its glass box: Euler allocation with this bar's numbers and the source
  await risk.bar('large').click();
  await expect(risk.dialog).toContainText('欧拉分配');
  await expect(risk.dialog).toContainText('40.55 亿元');
  await expect(risk.dialog).toContainText('Tasche');
  await risk.closeDialog();
  await expect(risk.dialog).toBeHidden();
  // the 20 largest clients
  await risk.showLargestClients();
  await expect(risk.contributionBars).toHaveCount(20);
  await risk.bar('large-1').press('Enter');
  await expect(risk.dialog).toContainText('大客户第1大');
  await expect(risk.dialog).toContainText('PD');
  await risk.closeDialog();
  // a headline figure's formula
  await risk.figure('addon').click();
  await expect(risk.dialog).toContainText('颗粒度调整 = EC（组合法） − EC（颗粒化闭式解）');
  await risk.closeDialog();
});

test('the large-client slider at 40% on the dashboard: the add-on and the tail shrink, the page stays responsive', async ({ page }) => {
  const risk = new RiskPage(page);
  await risk.open();
  const addOnBefore = await risk.figureText('addon');
  const tailBefore = Number((await risk.figureText('tail')).replace('×', ''));
  expect(addOnBefore).toContain('+3.21 亿元');

  await risk.gotoDashboard();
  const large = await risk.moveLargeShareOnDashboard(-25);
  await expect(large).toHaveValue('40');

  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);
  const since = await page.evaluate(() => performance.now());
  await risk.clickRiskNav();
  await expect(risk.figure('addon')).toContainText('+2.21 亿元', { timeout: 20_000 });
  await expect(risk.mix).toContainText('大客户 40%');
  const tailAfter = Number((await risk.figureText('tail')).replace('×', ''));
  expect(tailAfter).toBeLessThan(tailBefore);
  await expect(risk.marker('var999')).toContainText('VaR 99.9%');
  await expect(risk.status).toContainText('工作线程用时');

  // no main-thread task over 200 ms while the distribution was recomputed in the worker
  const long = await page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0 && t.duration > 200), since);
  expect(long).toEqual([]);
});

test('the pyramid twin shows a thinner tail than the inverted pyramid', async ({ page }) => {
  const risk = new RiskPage(page);
  await risk.open();
  await risk.compareWithTwin();
  await expect(risk.compareVerdict).toContainText('当前组合的尾部比正金字塔更厚', { timeout: 20_000 });
  const current = await risk.compareTail('current');
  const twin = await risk.compareTail('twin');
  expect(current).toBeGreaterThan(twin * 1.2);
  await expect(risk.twinMarker).toBeVisible();
});

test('English, and axe finds no serious or critical violation', async ({ page }) => {
  const risk = new RiskPage(page);
  await risk.open();
  await risk.compareWithTwin();
  await expect(risk.compareVerdict).toBeVisible({ timeout: 20_000 });
  await risk.openTables();
  let results = await new AxeBuilder({ page }).analyze();
  let bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await risk.switchToEnglish();
  await expect(risk.marker('var999')).toContainText('VaR 99.9% 6.53');
  expect(await risk.figureText('addon')).toContain('+CNY 321 m');
  await expect(risk.bracket).toContainText('add-on +CNY 321 m');
  results = await new AxeBuilder({ page }).analyze();
  bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
