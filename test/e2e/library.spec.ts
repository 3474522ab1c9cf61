import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ComparePage } from './pages/compare-page';
import { DashboardPage } from './pages/dashboard-page';
import { LibraryPage } from './pages/library-page';

test('creates 50 scenarios; after a reload all 50 are intact, with their edits', async ({ page }) => {
  test.setTimeout(120_000);
  const lib = new LibraryPage(page);
  await lib.open();
  for (let i = 0; i < 50; i++) {
    await lib.newFromDemo();
    await lib.expectCount(i + 1);
  }
  // an edit of one of them, saved while typing
  await lib.rename(lib.nth(0), '第五十个方案');
  await expect(lib.count).toHaveText('共 50 个情景');
  await expect.poll(async () => (await lib.stored()).some((r) => r.title === '第五十个方案')).toBe(true);
  const before = (await lib.titles()).sort();
  expect(new Set(before).size).toBe(50); // every title unique: 倒金字塔银行, …（副本 49）
  await page.reload();
  await lib.open();
  await lib.expectCount(50);
  expect((await lib.titles()).sort()).toEqual(before);
  const stored = await lib.stored();
  expect(stored).toHaveLength(50);
  for (const r of stored) expect((r.data as { segments: { share: number }[] }).segments[0].share).toBe(0.65);
});

test('two pages edit the same library and each sees the other’s changes', async ({ context }) => {
  const a = new LibraryPage(await context.newPage());
  const b = new LibraryPage(await context.newPage());
  await a.open();
  await b.open();
  await a.newFromDemo();
  await b.expectCount(1); // created in A, appears in B
  await b.rename(b.nth(0), '由B改名');
  await expect(a.cardTitle(a.nth(0))).toHaveValue('由B改名');
  // A tags while B describes the same record: both edits survive
  await a.tag(a.nth(0), '培训, 试点');
  await b.describe(b.nth(0), 'B写的说明');
  await expect(b.cardTagList(b.nth(0))).toContainText('#培训');
  await expect(a.cardDescription(a.nth(0))).toHaveValue('B写的说明');
  const [record] = await a.stored();
  expect(record.title).toBe('由B改名');
  expect(record.tags).toEqual(['培训', '试点']);

  // A opens it in the dashboard and moves the mix; B's card shows the new mix
  await a.openCard(a.nth(0));
  const dash = new DashboardPage(a.page);
  await expect(dash.kpi('netProfit')).toBeVisible();
  await dash.nudgeShare('large', -5);
  await expect(dash.shareSlider('large')).toHaveValue('60');
  await expect(b.nth(0)).toContainText('大客户 60%');
  await expect(dash.scenarioChanges).toContainText('修改自动保存到情景库：由B改名');
});

test('a malformed file and a CSV with bad rows show their errors and change nothing', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.newFromDemo();
  await lib.expectCount(1);
  const before = await lib.stored();

  await lib.importJson('broken.json', '{ "format": "tong-mix-lab/library", ');
  await expect(lib.importProblems).toContainText('文件“broken.json”有 1 处问题，未导入任何内容');
  await expect(lib.importProblems).toContainText('不是有效的JSON');

  const bad = {
    format: 'tong-mix-lab/library',
    schemaVersion: 1,
    scenarios: [
      {
        id: 'x',
        title: '<img src=x onerror=alert(1)>',
        scenario: { schemaVersion: 1, name: { zh: 'a', en: 'a' }, description: { zh: '', en: '' }, market: { lpr1y: 0.5 }, segments: [] },
      },
    ],
  };
  await lib.importJson('bad.json', JSON.stringify(bad));
  const problems = lib.importProblems;
  await expect(problems).toContainText('第1个情景 · 1年期LPR');
  await expect(problems).toContainText('应在 0 – 0.1 之间');
  await expect(problems).toContainText('第1个情景 · 银行资产负债');
  // One-off: an <img src=x> anywhere would be the file's title parsed as markup.
  await expect(page.locator('img[src=x]')).toHaveCount(0);
  expect(await lib.stored()).toEqual(before);
  await lib.expectCount(1);

  const csv = [
    'id,segment,exposure,pd,lgd,tenor,rate,deposits,products,group',
    'A001,large,500000000,0.6%,0.45,3,2.76%,400000000,4,华东集团',
    'A002,巨型客户,300000000,0.6%,0.45,3,2.76%,400000000,4,',
    'A003,mid,abc,1.5,0.4,2,3.24%,30000000,2,',
  ].join('\n');
  await lib.importCsv(lib.nth(0), 'book.csv', csv);
  const bookProblems = lib.bookProblems;
  await expect(bookProblems).toContainText('文件“book.csv”有 3 处问题，未导入任何内容');
  await expect(bookProblems).toContainText('第 3 行，列“segment”');
  await expect(bookProblems).toContainText('第 4 行，列“exposure”');
  await expect(bookProblems).toContainText('第 4 行，列“pd”');
  await expect(lib.bookNone).toBeVisible();
  expect(await lib.storedLoanBooks()).toBe(0);
  expect(await lib.stored()).toEqual(before);
  await expect(lib.storagePanel).toContainText('不会上传');
});

test('a good CSV loan book shows the real book’s concentration next to the generated one', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.newFromDemo();
  const rows = ['id,segment,exposure,pd,lgd,tenor,rate,deposits,products,group'];
  for (let i = 1; i <= 40; i++) rows.push(`L${i},large,${(30 - i / 2) * 1e8},0.6%,0.45,4,2.76%,${2e8},4,${i <= 3 ? '华东集团' : ''}`);
  for (let i = 1; i <= 60; i++) rows.push(`S${i},small,${6e6},3%,0.35,0.5,3.6%,${2e6},1,`);
  await lib.importCsv(lib.nth(0), 'real.csv', rows.join('\n'));
  const figures = lib.bookFigures;
  await expect(figures).toBeVisible();
  await expect(lib.bookLargest).toContainText('L1');
  await expect(figures).toContainText('华东集团');
  expect(await lib.storedLoanBooks()).toBe(1);
  await expect(lib.nth(0)).toContainText('含贷款明细');
});

test('a share link opens read-only and saves to the library', async ({ context }) => {
  const page = await context.newPage();
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.newFromDemo();
  await lib.rename(lib.nth(0), '要分享的方案');
  // a hand-typed value in the dashboard travels too
  await lib.openCard(lib.nth(0));
  const dash = new DashboardPage(page);
  await expect(dash.kpi('netProfit')).toBeVisible();
  await dash.typeLpr('2.85');
  await dash.waitSaved();
  await dash.shell.goto('library');
  await lib.expectCount(1);
  const link = await lib.shareLink(lib.nth(0));
  expect(link).toMatch(/#\/library\?d=[A-Za-z0-9_-]+$/);

  // a colleague's fresh browser
  const other = await context.browser()!.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link);
  const theirLib = new LibraryPage(theirs);
  await expect(theirLib.shared).toContainText('只读');
  await expect(theirLib.sharedName).toHaveText('要分享的方案');
  await expect(theirLib.sharedDiffers).toContainText('1年期LPR');
  await expect(theirLib.sharedDiffers).toContainText('2.85%');
  await expect(theirLib.sharedContent).toContainText('1年期LPR 2.85%');
  await expect(theirLib.sharedControls).toHaveCount(0); // nothing editable
  await theirLib.saveShared();
  await expect(theirLib.sharedSaved).toContainText('要分享的方案');
  await theirLib.expectCount(1);
  await theirLib.openShared();
  await expect(new DashboardPage(theirs).lpr).toHaveValue('2.85');
  await other.close();

  // a cut link says what is wrong and saves nothing
  await page.goto(link.slice(0, link.length - 40));
  await expect(lib.sharedProblems).toContainText('链接已损坏');
  await lib.expectCount(1);
});

test('undo and redo by keyboard, never inside a text field; what changed and reset', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open();
  const large = dash.shareSlider('large');
  await dash.nudgeShare('large', -5);
  await expect(large).toHaveValue('60');
  await expect(dash.changesSummary).toContainText('我改了什么？（3）');
  await page.keyboard.press('Control+z');
  await expect(large).toHaveValue('65');
  await page.keyboard.press('Control+Shift+z');
  await expect(large).toHaveValue('60');
  await page.keyboard.press('Control+z');
  await expect(large).toHaveValue('65');
  await page.keyboard.press('Control+y');
  await expect(large).toHaveValue('60');

  // typing in a field: Ctrl+Z is the field's own, the slider stays
  const lpr = dash.lpr;
  await lpr.fill('2.9');
  await expect(dash.change('market.lpr1y')).toContainText('3.00% → 当前值 2.90%');
  await lpr.press('Control+z'); // the field's own undo: the text goes back to 3
  await expect(lpr).toHaveValue('3');
  await expect(large).toHaveValue('60');
  await lpr.fill('2.9');
  await lpr.blur();
  // buttons too
  await dash.undo();
  await expect(dash.change('market.lpr1y')).toHaveCount(0);
  await dash.redo();
  await expect(dash.change('market.lpr1y')).toBeVisible();
  // reset one input after confirming
  await dash.resetChange('market.lpr1y');
  await expect(dash.change('market.lpr1y')).toHaveCount(0);
  await expect(lpr).toHaveValue('3');
  // reset all to the demo, undoable
  await dash.resetAllToDemo();
  await expect(large).toHaveValue('65');
  await dash.shell.body.click(); // focus out of any field, so Ctrl+Z is the app's
  await page.keyboard.press('Control+z');
  await expect(large).toHaveValue('60');
});

test('compare: figures in one table, differing inputs marked, waterfall sums to the change', async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.open(['builtin:demo', 'builtin:pyramid']);
  await expect(compare.figures).toBeVisible();
  await expect(compare.figure('netProfit')).toContainText('7.86 亿元');
  await expect(compare.figures).toContainText('★ 最优');
  await expect(compare.differingInputs).toHaveCount(3);
  await expect(compare.inputs).toContainText('≠');
  await expect(compare.waterfall).toBeVisible();
  await expect(compare.effect('mix')).toContainText('亿元');
  await expect(compare.effect('volume')).toContainText('0.00 亿元');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the library passes axe and keeps working in memory without IndexedDB, saying so', async ({ page, context }) => {
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.newFromDemo();
  await lib.expectCount(1);
  await expect(lib.storageUsage).toContainText('已使用');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const noIdb = await context.newPage();
  await noIdb.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  const memory = new LibraryPage(noIdb);
  await memory.open();
  await expect(memory.memoryWarning).toContainText('内存');
  const memoryDash = new DashboardPage(noIdb);
  await expect(memoryDash.shell.alerts().first()).toBeVisible();
  await memory.newFromDemo();
  await memory.expectCount(1);
  await memory.openCard(memory.nth(0));
  await memoryDash.typeLpr('2.8');
  await memoryDash.shell.goto('library');
  await memory.expectCount(1);
});
