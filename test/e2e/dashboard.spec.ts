import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { NetworkWatch } from './pages/network-watch';

test.beforeEach(async ({ context }) => {
  // Every test starts on a fresh profile: no saved workspace, Chinese UI.
  await context.clearCookies();
});

test('opens on the demo bank with the three principle panels and limits', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  await expect(app.principle(/安全性/)).toBeVisible();
  await expect(app.principle(/效益性/)).toBeVisible();
  await expect(app.principle(/流动性/)).toBeVisible();
  await expect(app.scenarioName).toHaveText('倒金字塔银行');
  expect(await app.kpiText('netProfit')).toBe('7.86 亿元');
  expect(await app.kpiText('raroc')).toBe('13.74%');
  await expect(app.kpi('lcr')).toContainText('达标');
  await expect(app.kpi('top10ToCapital')).toContainText('上限 50.0%');
  await expect(app.diagnosis).toContainText('倒金字塔');
  // the engine runs in a module worker
  expect(page.workers().length).toBeGreaterThan(0);
});

test('at idle after the first screen the page starts the Monte Carlo’s two workers, then the client portfolio’s two', async ({ page }) => {
  const started: string[] = [];
  page.on('worker', (w) => started.push(/(simulation|portfolio)\.worker/.exec(w.url())?.[1] ?? 'other'));
  const app = new DashboardPage(page);
  await app.open();
  const count = (kind: string) => started.filter((k) => k === kind).length;
  await expect.poll(() => count('simulation'), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => count('portfolio'), { timeout: 20_000 }).toBe(2);
  // one kind at a time: the portfolio's workers start after the Monte Carlo's have warmed up
  expect(started.indexOf('portfolio')).toBeGreaterThan(started.lastIndexOf('simulation'));
});

test('a slider moved by keyboard changes the figures, and reload keeps the change', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  const before = await app.kpiText('netProfit');
  const large = app.shareSlider('large');
  await app.nudgeShare('large', -25);
  await expect(large).toHaveValue('40');
  await expect(app.shareNumber('large')).toHaveValue('40');
  await expect.poll(() => app.kpiText('netProfit')).not.toBe(before);
  await expect(app.kpi('netProfit')).toContainText('▲');
  // the others rebalanced in proportion (25:10) and the mix sums to 100%
  const mid = Number(await app.shareSlider('mid').inputValue());
  const small = Number(await app.shareSlider('small').inputValue());
  expect(mid + small).toBe(60);
  const after = await app.kpiText('netProfit');
  await app.waitSaved();
  await page.reload();
  await expect(large).toHaveValue('40');
  expect(await app.kpiText('netProfit')).toBe(after);
  // reset asks for confirmation; cancel keeps the change, confirm restores the demo
  await app.resetToDemo('取消');
  await expect(large).toHaveValue('40');
  await app.resetToDemo('确定');
  await expect(large).toHaveValue('65');
  expect(await app.kpiText('netProfit')).toBe('7.86 亿元');
});

test('switches between 中文 and English, with money in 亿元 / CNY m', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  await app.shell.languageButton('en').click();
  await expect(app.principle(/^Safety/)).toBeVisible();
  expect(await app.kpiText('netProfit')).toBe('CNY 786 m');
  await expect(app.shell.languageButton('zh')).toHaveText('中文');
  await expect(app.shell.html).toHaveAttribute('lang', 'en');
  await app.shell.languageButton('zh').click();
  await expect(app.principle(/^安全性/)).toBeVisible();
});

test('a figure opens its glass box with the formula, the numbers and the source', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  await app.openGlassBox('expectedLoss');
  const dialog = app.shell.dialog;
  await expect(dialog).toContainText('EL = Σ 贷款 × PD × LGD');
  await expect(dialog).toContainText('4.84 亿元');
  await expect(dialog).toContainText('巴塞尔II');
  await expect(app.glassBoxDrivers.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('pricing SMEs far above the market is not free profit: demand leaves, and the curve shows the best spread', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  await expect(app.spreadResponse('small')).toContainText('需求保留 100%');
  await app.setSpread('small', 250);
  await expect(app.spreadResponse('small')).toContainText('需求保留 36%'); // exp(−0.06 × 17) for 170 bp above the market
  const curve = await app.openSpreadCurve('small');
  await expect(app.spreadCurveCaption(curve)).toContainText('净利润在LPR+');
  await expect(app.spreadCurveCaption(curve)).toContainText('现为LPR+250基点');
  // the one-year figure and the curve agree: the current point is below the best
  const best = await app.spreadCurveBestProfit(curve);
  expect(best).not.toBe(await app.kpiText('netProfit'));
});

test('bad input shows a message at the field and never NaN', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  const field = app.shareNumber('large');
  await field.fill('150');
  await expect(app.fieldMessage('不能大于 100 %')).toBeVisible();
  await field.fill('abc');
  await expect(app.fieldMessage('请输入数字')).toBeVisible();
  await expect(app.shell.body).not.toContainText('NaN');
  expect(await app.kpiText('netProfit')).toBe('7.86 亿元');
});

test('no request leaves loopback, and axe finds no serious or critical violation', async ({ page, context }) => {
  const network = new NetworkWatch(page, context);
  const app = new DashboardPage(page);
  await app.open();
  await app.nudgeShare('large', -1);
  await app.switchLanguage('en');
  await app.switchLanguage('zh');
  // Every request the steps caused has ended and nothing more is starting.
  await network.settled();
  expect(network.outside).toEqual([]);

  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('works offline after the first visit (service worker precache)', async ({ page, context }) => {
  const app = new DashboardPage(page);
  await app.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // now controlled by the service worker
  await expect(app.kpi('netProfit')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(app.kpi('netProfit')).toBeVisible();
  expect(await app.kpiText('netProfit')).toMatch(/亿元/);
  await context.setOffline(false);
});
