import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseLoanBookCsv } from '../../src/lib/io/loan-book';
import { formatMoney, formatPercent } from '../../src/lib/i18n/format';
import { bookMixChange, demoScenario, topClients, whatIfGrid } from '../../src/lib/model';
import { withSign } from '../../src/lib/i18n/format';
import { riskProfile } from '../../src/lib/model/risk-profile';
import { bookCsv, generateBook } from '../fixtures/book-generator';
import { LibraryPage } from './pages/library-page';
import { OverTimePage } from './pages/over-time-page';

// A generated 20,000-row book with groups, and the engine's answers on the same rows (as the app parses them).
const csv = bookCsv(generateBook(20_000, { seed: 16 }));
const parsed = parseLoanBookCsv(csv, demoScenario.segments);
if (!parsed.ok) throw new Error('the generated book does not parse');
const rows = parsed.rows;
const direct = riskProfile(demoScenario, rows);
const c = direct.book!.clients;

test('the workbench runs every figure on an imported 20,000-row book, as the engine does on the same rows', async ({ page }) => {
  test.setTimeout(300_000);
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.newFromDemo();
  await lib.importCsv(lib.nth(0), 'book-20000.csv', csv);
  await expect(page.getByTestId('book-figures')).toBeVisible({ timeout: 30_000 });
  await lib.nth(0).getByTestId('card-open').click();

  // The loss distribution on the real book (the default when a book is attached).
  await page.goto('./#/risk');
  await expect(page.getByTestId('risk-book-line')).toContainText('我行实际贷款“book-20000.csv”（20,000 户');
  await expect(page.getByTestId('risk-ec')).toContainText(formatMoney(direct.distribution.economicCapital, 'zh'), { timeout: 30_000 });
  await expect(page.getByTestId('risk-el')).toContainText(formatMoney(direct.distribution.expectedLoss, 'zh'));
  await page.getByTestId('contrib-view-group').check();
  const topGroup = [...direct.book!.groups].sort((a, b) => b.economicCapital - a.economicCapital)[0];
  await expect(page.getByTestId('contrib')).toContainText(topGroup.group);

  // The names that matter.
  await page.goto('./#/workbench');
  const table = page.getByTestId('names-table');
  const firstId = () => table.getByTestId('names-row').first().locator('th');
  await expect(firstId()).toHaveText(c.ids[topClients(c, 'exposure', 1)[0]], { timeout: 30_000 });
  await expect(table.getByTestId('names-row')).toHaveCount(20);
  await page.getByTestId('names-rank').selectOption('economicCapital');
  const byEc = topClients(c, 'economicCapital', 20);
  await expect(firstId()).toHaveText(c.ids[byEc[0]]);
  await page.getByTestId('names-segment').selectOption('small');
  await expect(firstId()).toHaveText(c.ids[topClients(c, 'economicCapital', 1, { segment: 'small' })[0]]);
  await page.getByTestId('names-segment').selectOption('');
  const [namesCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('names-csv').click()]);
  const namesLines = readFileSync((await namesCsv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(namesLines).toHaveLength(21);
  const [, firstRow] = namesLines;
  expect(firstRow.split(',')[1]).toBe(c.ids[byEc[0]]);
  // The browser's Math functions may differ from Node's in the last digits.
  expect(Number(firstRow.split(',')[8]) / c.economicCapital[byEc[0]]).toBeCloseTo(1, 9);

  // The dashboard's mix applied to the real book: clients to run off or win, segment by segment.
  const changes = bookMixChange(c, Object.fromEntries(demoScenario.segments.map((x) => [x.key, x.share])), demoScenario);
  const mixTable = page.getByTestId('mix-change-table');
  for (const ch of changes) await expect(mixTable).toContainText(withSign(formatMoney(ch.change, 'zh'), ch.change));

  // A 21 × 21 what-if table: HQLA from half to 1.5 times the bank's (亿元) across, LPR 2–4% down; the LCR crosses 100%.
  const hqla = demoScenario.bank.hqla / 1e8;
  await page.getByTestId('whatif-x').selectOption('bank.hqla');
  await page.getByTestId('whatif-x-from').fill(String(hqla * 0.5));
  await page.getByTestId('whatif-x-to').fill(String(hqla * 1.5));
  await page.getByTestId('whatif-y').selectOption('market.lpr1y');
  await page.getByTestId('whatif-y-from').fill('2');
  await page.getByTestId('whatif-y-to').fill('4');
  await page.getByTestId('whatif-figure').selectOption('lcr');
  await page.getByTestId('whatif-run').click();
  await expect(page.getByTestId('whatif-cell')).toHaveCount(441, { timeout: 30_000 });
  await expect(page.getByTestId('whatif-contour')).toHaveCount(1);
  // The form's values: shown units (亿元, %) back to yuan and decimals.
  const axis = (from: number, to: number, factor: number) =>
    Array.from({ length: 21 }, (_, i) => Number(((from + ((to - from) * i) / 20) * factor).toPrecision(12)));
  const grid = whatIfGrid(demoScenario, { path: 'bank.hqla', values: axis(hqla * 0.5, hqla * 1.5, 1e8) }, { path: 'market.lpr1y', values: axis(2, 4, 0.01) });
  expect(Math.min(...grid.figures.lcr)).toBeLessThan(1);
  expect(Math.max(...grid.figures.lcr)).toBeGreaterThan(1);
  await page.getByTestId('whatif-view-table').check();
  const cell = page.getByTestId('whatif-table').locator('tbody tr').nth(10).locator('td').nth(20);
  await expect(cell).toContainText(formatPercent(grid.figures.lcr[10 * 21 + 20], 2));

  const [gridCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('whatif-csv').click()]);
  const gridLines = readFileSync((await gridCsv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(gridLines).toHaveLength(442);
  const header = gridLines[0].split(',');
  expect(Number(gridLines[1 + 10 * 21 + 20].split(',')[header.indexOf('lcr')]) / grid.figures.lcr[10 * 21 + 20]).toBeCloseTo(1, 9);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('whatif-xlsx').click()]);
  const files = unzipSync(readFileSync((await xlsx.path())!));
  expect(strFromU8(files['xl/workbook.xml'])).toContain('name="输入"');
  expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toContain('bank.hqla');

  // Accessible with the names, the table and the heat map on screen.
  for (const view of ['table', 'heat']) {
    if (view === 'heat') await page.locator('input[name="whatif-view"][value="heat"]').check();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // The book stays in this browser until removed; removing it leaves the generated book.
  expect(await lib.storedLoanBooks()).toBe(1);
  await page.getByTestId('wb-book-remove').click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('wb-book-line')).toContainText('模型按情景参数生成');
  expect(await lib.storedLoanBooks()).toBe(0);
});

test('the bank’s mix policy: share bounds drawn on the triangle and reported at the optimum', async ({ page }) => {
  await page.goto('./#/design');
  await page.getByTestId('constraint-policy').check();
  await page.getByTestId('bound-large-min').fill('30');
  await page.getByTestId('bound-large-min').dispatchEvent('change');
  await page.getByTestId('bound-small-max').fill('40');
  await page.getByTestId('bound-small-max').dispatchEvent('change');
  await expect(page.getByTestId('share-boundary')).toHaveCount(2, { timeout: 20_000 });
  const bounds = page.getByTestId('binding-share-bound');
  await expect(bounds).toHaveCount(2);
  await expect(bounds.first()).toContainText('行内客户结构政策');
  await expect(bounds.first()).toContainText('≥ 30%');
});

test('over time starts from the real loan book when 我行实际贷款 is chosen, and says so on screen and in the report', async ({ page }) => {
  test.setTimeout(300_000);
  const small = bookCsv(generateBook(2_000, { seed: 5 }));
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.newFromDemo();
  await lib.importCsv(lib.nth(0), 'book-2000.csv', small);
  await expect(page.getByTestId('book-figures')).toBeVisible({ timeout: 30_000 });
  await lib.nth(0).getByTestId('card-open').click();

  const app = new OverTimePage(page);
  await app.open();
  await expect(page.getByTestId('ot-book-line')).toContainText('我行实际贷款“book-2000.csv”（2,000 户');
  await app.setPaths(1000);
  await app.runToEnd();
  await expect(page.getByTestId('ot-info-book')).toContainText('我行实际贷款“book-2000.csv”（2,000 户');
  const real = await app.figures();

  // the generated book: a run of its own, with other figures
  await page.getByTestId('ot-book-generated').check();
  await expect(page.getByTestId('ot-book-line')).toContainText('模型按情景参数生成');
  await app.runToEnd();
  await expect(page.getByTestId('ot-info-book')).toContainText('模型按情景参数生成');
  expect(await app.figures()).not.toEqual(real);

  // back to the real book: its run is kept, and the printed report names the book
  await page.getByTestId('ot-book-real').check();
  await expect(page.getByTestId('ot-info-book')).toContainText('我行实际贷款“book-2000.csv”');
  await app.runToEnd();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-over-time-book')).toContainText('我行实际贷款“book-2000.csv”（2,000 户');
  await page.emulateMedia({ media: 'screen' });
});
