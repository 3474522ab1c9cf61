import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DesignPage } from './pages/design-page';

test.beforeEach(async ({ context }) => {
  // A fresh profile: no saved workspace, Chinese UI.
  await context.clearCookies();
});

test('the demo bank on the ternary chart: where it sits, the feasible region and the optimum', async ({ page }) => {
  const design = new DesignPage(page);
  await design.open();
  await expect(design.verdict).toContainText('当前配比 65/25/10 满足所选约束，净利润为 7.86 亿元。');
  // an interior optimum: beyond their franchise mid and small clients come with a higher PD and a lower price
  await expect(design.verdict).toContainText('最优配比 27/42/31：净利润 8.42 亿元');
  await expect(design.point).toHaveAttribute('aria-valuetext', /大客户 65% · 中客户 25% · 小客户 10%；净利润 7\.86 亿元；✓ 可行/);
  // the feasible region: its edge, and the mixes excluded by LCR and by the top-10 limit, hatched and named
  await expect(page.getByTestId('feasible-edge')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('exclusion-3')).toContainText('不可行：流动性覆盖率 < 100% · 285 个配比');
  await expect(page.getByTestId('exclusion-6')).toContainText('不可行：最大十家客户 > 资本净额的 50% · 319 个配比');
  await expect(page.locator('path[data-exclusion="3"] title')).toHaveText('不可行：流动性覆盖率 < 100%');
  // the optimum, the inverted pyramid and its twin are marked and labelled
  await expect(design.marker('optimum')).toContainText('最优配比 27/42/31');
  await expect(design.marker('inverted')).toContainText('倒金字塔 65/25/10');
  await expect(design.marker('pyramid')).toContainText('正金字塔 40/30/30');
  await expect(page.getByTestId('binding-none')).toBeVisible();
  await expect(page.getByTestId('frontier-summary')).toContainText('效率前沿上有 91 个配比');
  // the grid ran in the engine's module worker
  expect(page.workers().length).toBeGreaterThan(0);

  // a hover names what excludes a mix
  const top = await design.center(page.getByText('大客户 100%', { exact: true }));
  await page.mouse.move(top.x, top.y + 30);
  await expect(page.getByTestId('ternary-tooltip')).toContainText('✗ 不可行');
});

test('the current point moves by keyboard and the dashboard’s mix follows', async ({ page }) => {
  const design = new DesignPage(page);
  await design.open();
  await design.point.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(design.point).toHaveAttribute('aria-valuenow', '40');
  // ↓ keeps mid:small at 25:10 (42.9/17.1); → then moves 2 pp from mid to small
  const mix = await design.currentMix();
  expect(mix).toEqual([40, 41, 19]);
  await expect(design.verdict).toContainText('当前配比 40/40.9/19.1');
  await expect(design.point).toHaveAttribute('aria-valuetext', /大客户 40% · 中客户 40\.9% · 小客户 19\.1%/);
  expect(await design.dashboardMix()).toEqual(mix);
});

test('the current point moves by a mouse drag toward the pyramid, and the dashboard follows', async ({ page }) => {
  const design = new DesignPage(page);
  await design.open();
  const from = await design.center(design.point);
  const to = await design.center(design.marker('pyramid').locator('path'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  // while dragging, the figures follow at once (fast path on the page)
  await expect(design.point).toHaveAttribute('aria-valuenow', /^(39|40|41)$/);
  await page.mouse.up();
  const mix = await design.currentMix();
  mix.forEach((share, i) => expect(Math.abs(share - [40, 30, 30][i])).toBeLessThanOrEqual(1));
  await expect(design.verdict).toContainText(`当前配比 ${mix.join('/')}`);
  expect(await design.dashboardMix()).toEqual(mix);
});

test('the tornado and the one-more-loan view', async ({ page }) => {
  const design = new DesignPage(page);
  await design.open();
  const tornado = page.getByTestId('tornado');
  await expect(tornado.getByTestId('tornado-base')).toContainText('当前净利润：7.86 亿元');
  const first = tornado.locator('tbody tr').first();
  await expect(first).toContainText('1年期LPR');
  await expect(first).toContainText('±25 基点');
  await expect(first).toContainText('3.00% → 2.75% / 3.25%');
  await expect(first).toContainText('下调 −2.25 亿元');
  await expect(first).toContainText('上调 +2.25 亿元');
  await tornado.getByTestId('tornado-metric').selectOption('lcr');
  await expect(tornado.getByTestId('tornado-base')).toContainText('当前流动性覆盖率（LCR）：101.74%');
  await expect(tornado.locator('tbody tr').first()).toContainText('大客户 · ');

  const marginal = page.getByTestId('marginal');
  await expect(marginal.getByTestId('marginal-segment')).toHaveValue('small');
  await expect(marginal.getByTestId('marginal-raroc')).toContainText('13.2%');
  await expect(marginal.getByTestId('marginal-raroc')).toContainText('✓ 高于门槛');
  await expect(marginal.getByTestId('marginal-ec')).toContainText('31.2 万元');
  await expect(marginal.getByTestId('marginal-single')).toContainText('✓ 未超限');
  // a 30 亿元 large loan is 12.5% of net capital: it becomes the largest client and breaks the limit
  await marginal.getByTestId('marginal-segment').selectOption('large');
  await marginal.locator('#marginal-amount').fill('300000');
  await expect(marginal.getByTestId('marginal-single')).toContainText('12.50%（上限 10%）');
  await expect(marginal.getByTestId('marginal-single')).toContainText('✗ 超过单一客户限额');
  await expect(marginal.getByTestId('marginal-single')).toContainText('成为全行最大客户');
  await expect(marginal.getByTestId('marginal-lcr')).toContainText('101.74% →');
});

test('a figure of the table opens its glass box; headcount as a constraint binds', async ({ page }) => {
  const design = new DesignPage(page);
  await design.open();
  await page.getByRole('button', { name: '查看净利润在当前配比下的公式和计算过程' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('净利润 = (净利息收入');
  await expect(dialog).toContainText('7.86 亿元');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByTestId('constraint-managers').check();
  await expect(design.verdict).toContainText('最优配比 52/42/6');
  await expect(page.getByTestId('binding-list')).toContainText('● 起约束作用 客户经理编制：65（上限 65，余量 0）');
});

test('axe finds no serious or critical violation on the design view, in Chinese and in English', async ({ page }) => {
  test.setTimeout(120_000); // each axe pass takes ~6–12 s on a 2-core machine
  const design = new DesignPage(page);
  await design.open();
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await expect(page.getByTestId('tornado-base')).toBeVisible();
  await expect(page.getByTestId('marginal-raroc')).toBeVisible();
  await check();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(design.verdict).toContainText('The current mix 65/25/10 meets the chosen constraints');
  await check();
});
