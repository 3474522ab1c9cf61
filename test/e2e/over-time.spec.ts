import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { OverTimePage } from './pages/over-time-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('run on the demo bank: progress, cancel at once, run again with a faster pace and see the bands move', async ({ page }) => {
  const app = new OverTimePage(page);
  await app.open();
  await expect(page.getByRole('heading', { name: '经营推演：五年蒙特卡洛' })).toBeVisible();
  await expect(app.status).toContainText('尚未运行');
  // The pool's workers (the simulation's); engine workers for the other panels may start at any time.
  const poolWorkers = () => page.workers().filter((w) => w.url().includes('simulation')).length;
  let poolStarts = 0;
  page.on('worker', (w) => void (w.url().includes('simulation') && poolStarts++));

  // a long run: progress with the time left, then Cancel stops it and every pool worker
  await app.setPaths(10_000);
  await app.runButton.click();
  await expect(app.progress).toBeVisible();
  await expect.poll(async () => Number(await app.progress.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(app.status).toContainText(/预计还需 \d+ 秒|正在估算剩余时间/);
  expect(poolWorkers()).toBeGreaterThan(0);
  await page.getByTestId('ot-cancel').click();
  await expect(app.status).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('ot-cancelled')).toContainText('已取消');
  await expect(app.progress).toHaveCount(0);
  await expect.poll(poolWorkers, { timeout: 10_000 }).toBe(0);

  // a full run completes normally after the cancel
  await app.setPaths(1_000);
  const before = await app.runToEnd();
  await expect(page.getByTestId('ot-info')).toContainText('1,000 条路径 · 种子 20071101');
  await expect(page.getByRole('img', { name: '净利润（每季，亿元）' })).toBeVisible();
  await expect(page.getByRole('img', { name: '资本充足率' })).toBeVisible();
  await expect(page.getByTestId('fan-capitalAdequacyRatio').locator('svg')).toContainText('下限 10.5%');
  await expect(page.getByTestId('breach-table').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('breach-lcr')).toContainText(/✓|△|✗/);
  expect(before.cumP50).toMatch(/^−?[\d,.]+ 亿元$/);
  // a completed run keeps its workers warm for the next run (they go after a minute without one)
  expect(poolWorkers()).toBeGreaterThan(0);
  const startsBefore = poolStarts;
  expect(await seriousViolations(page)).toEqual([]);

  // a faster pace: the old run is marked as earlier, a new run moves the bands
  await page.locator('#sim-pace').fill('2');
  await page.locator('#sim-pace').blur();
  await expect(page.getByTestId('ot-stale')).toContainText('调整节奏');
  const faster = await app.runToEnd();
  expect(faster.loans).not.toBe(before.loans);
  expect(faster.netProfit).not.toBe(before.netProfit);
  expect(poolStarts).toBe(startsBefore);

  // a higher SME spread moves them again
  await page.locator('#sim-sme-spread').fill('160');
  await page.locator('#sim-sme-spread').blur();
  const dearer = await app.runToEnd();
  expect(dearer.loans).not.toBe(faster.loans);
  expect(dearer.cumP50).not.toBe(faster.cumP50);

  // back to the faster pace's spread: its run is kept and shown again without re-running
  await page.keyboard.press('Control+z');
  await expect(page.locator('#sim-sme-spread')).not.toHaveValue('160');
  await expect(page.getByTestId('ot-stale')).toHaveCount(0);
  expect((await app.figures()).cumP50).toBe(faster.cumP50);
});

test('no long task over 100 ms on the main thread while a run is in progress', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const app = new OverTimePage(page);
  await app.open();
  await app.setPaths(5_000);
  await page.waitForTimeout(300); // let the view settle after opening
  const t0 = await page.evaluate(() => performance.now());
  await app.runToEnd();
  await page.waitForTimeout(200); // the observer reports a task after it ends
  const t1 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const during = tasks.filter((t) => t.start >= t0 && t.start <= t1);
  expect(
    during.filter((t) => t.duration > 100),
    JSON.stringify(during),
  ).toEqual([]);
});

test('the same seed gives identical numbers with 1 and 3 workers', async ({ page, context }) => {
  const run = async (p: Page, workers: number) => {
    const app = new OverTimePage(p);
    await app.open(`?workers=${workers}`);
    await app.setPaths(1_000);
    await app.setSeed(2024);
    const figures = await app.runToEnd();
    await expect(p.getByTestId('ot-info')).toContainText(`种子 2024 · 5 年 × 20 季度 · ${workers} 个后台线程`);
    return figures;
  };
  const one = await run(page, 1);
  const three = await run(await context.newPage(), 3);
  expect(three).toEqual(one);
  expect(one.breaches).toContain('资本充足率');
});

test('in English: the view, its levers and a run', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
  const app = new OverTimePage(page);
  await app.open();
  await expect(page.getByRole('heading', { name: 'Over time: five-year Monte Carlo' })).toBeVisible();
  await app.setPaths(1_000);
  const figures = await app.runToEnd();
  expect(figures.cumP50).toMatch(/^CNY −?[\d,.]+ (bn|m)$/);
  await expect(page.getByTestId('fan-lcr').locator('svg')).toContainText('minimum 100.0%');
  await expect(page.locator('#main')).not.toContainText('NaN');
  expect(await seriousViolations(page)).toEqual([]);
});
