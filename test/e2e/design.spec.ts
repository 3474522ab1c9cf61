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
  await expect(design.feasibleEdge).toHaveAttribute('d', /^M/);
  await expect(design.exclusion(3)).toContainText('不可行：流动性覆盖率 < 100% · 285 个配比');
  await expect(design.exclusion(6)).toContainText('不可行：最大十家客户 > 资本净额的 50% · 319 个配比');
  await expect(design.exclusionTitle(3)).toHaveText('不可行：流动性覆盖率 < 100%');
  // the optimum, the inverted pyramid and its twin are marked and labelled
  await expect(design.marker('optimum')).toContainText('最优配比 27/42/31');
  await expect(design.marker('inverted')).toContainText('倒金字塔 65/25/10');
  await expect(design.marker('pyramid')).toContainText('正金字塔 40/30/30');
  await expect(design.bindingNone).toBeVisible();
  await expect(design.frontierSummary).toContainText('效率前沿上有 91 个配比');
  // the grid ran in the engine's module worker
  expect(page.workers().length).toBeGreaterThan(0);

  // a hover names what excludes a mix
  const top = await design.center(design.cornerLabel('大客户 100%'));
  await page.mouse.move(top.x, top.y + 30);
  await expect(design.tooltip).toContainText('✗ 不可行');
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
  const to = await design.center(design.markerShape('pyramid'));
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
  await expect(design.tornadoBase).toContainText('当前净利润：7.86 亿元');
  const first = design.tornadoRows.first();
  await expect(first).toContainText('1年期LPR');
  await expect(first).toContainText('±25 基点');
  await expect(first).toContainText('3.00% → 2.75% / 3.25%');
  await expect(first).toContainText('下调 −2.25 亿元');
  await expect(first).toContainText('上调 +2.25 亿元');
  await design.chooseTornadoFigure('lcr');
  await expect(design.tornadoBase).toContainText('当前流动性覆盖率（LCR）：101.74%');
  await expect(design.tornadoRows.first()).toContainText('大客户 · ');

  await expect(design.marginalSegment).toHaveValue('small');
  await expect(design.marginal('raroc')).toContainText('13.2%');
  await expect(design.marginal('raroc')).toContainText('✓ 高于门槛');
  await expect(design.marginal('ec')).toContainText('31.2 万元');
  await expect(design.marginal('single')).toContainText('✓ 未超限');
  // a 30 亿元 large loan is 12.5% of net capital: it becomes the largest client and breaks the limit
  await design.chooseMarginalSegment('large');
  await design.setMarginalAmount(300000);
  await expect(design.marginal('single')).toContainText('12.50%（上限 10%）');
  await expect(design.marginal('single')).toContainText('✗ 超过单一客户限额');
  await expect(design.marginal('single')).toContainText('成为全行最大客户');
  await expect(design.marginal('lcr')).toContainText('101.74% →');
});

test('a figure of the table opens its glass box; headcount as a constraint binds', async ({ page }) => {
  const design = new DesignPage(page);
  await design.open();
  await design.openFormula('查看净利润在当前配比下的公式和计算过程');
  const dialog = design.shell.dialog;
  await expect(dialog).toContainText('净利润 = (净利息收入');
  await expect(dialog).toContainText('7.86 亿元');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await design.useConstraint('managers');
  await expect(design.verdict).toContainText('最优配比 52/42/6');
  await expect(design.bindingList).toContainText('● 起约束作用 客户经理编制：65（上限 65，余量 0）');
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
  await expect(design.tornadoBase).toBeVisible();
  await expect(design.marginal('raroc')).toBeVisible();
  await check();
  await design.shell.languageButton('en').click();
  await expect(design.verdict).toContainText('The current mix 65/25/10 meets the chosen constraints');
  await check();
});
