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
  await expect(app.heading('经营推演：五年蒙特卡洛')).toBeVisible();
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
  await app.cancelRun();
  await expect(app.status).toHaveAttribute('data-status', 'cancelled');
  await expect(app.cancelledNote).toContainText('已取消');
  await expect(app.progress).toHaveCount(0);
  await expect.poll(poolWorkers, { timeout: 10_000 }).toBe(0);

  // a full run completes normally after the cancel
  await app.setPaths(1_000);
  const before = await app.runToEnd();
  await expect(app.runInfo).toContainText('1,000 条路径 · 种子 20071101');
  await expect(app.chart('净利润（每季，亿元）')).toBeVisible();
  await expect(app.chart('资本充足率')).toBeVisible();
  await expect(app.fanDrawing('capitalAdequacyRatio')).toContainText('下限 10.5%');
  await expect(app.breachRows).toHaveCount(8);
  await expect(app.breach('lcr')).toContainText(/✓|△|✗/);
  expect(before.cumP50).toMatch(/^−?[\d,.]+ 亿元$/);
  // a completed run keeps its workers warm for the next run (they go after a minute without one)
  expect(poolWorkers()).toBeGreaterThan(0);
  const startsBefore = poolStarts;
  expect(await seriousViolations(page)).toEqual([]);

  // a faster pace: the old run is marked as earlier, a new run moves the bands
  await app.setPace(2);
  await expect(app.staleNote).toContainText('调整节奏');
  const faster = await app.runToEnd();
  expect(faster.loans).not.toBe(before.loans);
  expect(faster.netProfit).not.toBe(before.netProfit);
  expect(poolStarts).toBe(startsBefore);

  // a higher SME spread moves them again
  await app.setSmeSpread(160);
  const dearer = await app.runToEnd();
  expect(dearer.loans).not.toBe(faster.loans);
  expect(dearer.cumP50).not.toBe(faster.cumP50);

  // back to the faster pace's spread: its run is kept and shown again without re-running
  await page.keyboard.press('Control+z');
  await expect(app.smeSpread).not.toHaveValue('160');
  await expect(app.staleNote).toHaveCount(0);
  expect((await app.figures()).cumP50).toBe(faster.cumP50);
});

test('no long task over 100 ms on the main thread while a run is in progress', async ({ page }) => {
  const app = new OverTimePage(page);
  await app.watchLongTasks();
  await app.open();
  await app.setPaths(5_000);
  await app.shell.settled(); // the view has settled after opening
  const t0 = await app.now();
  await app.runToEnd();
  // The observer's queue is flushed before reading: a task that has ended is counted.
  const { tasks: during } = await app.longTasksSince(t0);
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
    await expect(app.runInfo).toContainText(`种子 2024 · 5 年 × 20 季度 · ${workers} 个后台线程`);
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
  await expect(app.heading('Over time: five-year Monte Carlo')).toBeVisible();
  await app.setPaths(1_000);
  const figures = await app.runToEnd();
  expect(figures.cumP50).toMatch(/^CNY −?[\d,.]+ (bn|m)$/);
  await expect(app.fanDrawing('lcr')).toContainText('minimum 100.0%');
  await expect(app.workspace).not.toContainText('NaN');
  expect(await seriousViolations(page)).toEqual([]);
});
