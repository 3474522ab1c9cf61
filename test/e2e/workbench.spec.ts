import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseLoanBookCsv } from '../../src/lib/io/loan-book-csv';
import { formatMoney, formatPercent } from '../../src/lib/i18n/format';
import { bookMixChange, demoScenario, topClients, whatIfGrid } from '../../src/lib/model';
import { withSign } from '../../src/lib/i18n/format';
import { riskProfile } from '../../src/lib/model/risk-profile';
import { bookCsv, generateBook } from '../fixtures/book-generator';
import { DesignPage } from './pages/design-page';
import { LibraryPage } from './pages/library-page';
import { OverTimePage } from './pages/over-time-page';
import { RiskPage } from './pages/risk-page';
import { WorkbenchPage } from './pages/workbench-page';

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
  await expect(lib.bookFigures).toBeVisible({ timeout: 30_000 });
  await lib.openCard(lib.nth(0));

  // The loss distribution on the real book (the default when a book is attached).
  const risk = new RiskPage(page);
  await risk.openByAddress();
  await expect(risk.bookLine).toContainText('我行实际贷款“book-20000.csv”（20,000 户');
  await expect(risk.figure('ec')).toContainText(formatMoney(direct.distribution.economicCapital, 'zh'), { timeout: 30_000 });
  await expect(risk.figure('el')).toContainText(formatMoney(direct.distribution.expectedLoss, 'zh'));
  await risk.showContributionsBy('group');
  const topGroup = [...direct.book!.groups].sort((a, b) => b.economicCapital - a.economicCapital)[0];
  await expect(risk.contributions).toContainText(topGroup.group);

  // The names that matter.
  const bench = new WorkbenchPage(page);
  await bench.open();
  await expect(bench.firstNameId).toHaveText(c.ids[topClients(c, 'exposure', 1)[0]], { timeout: 30_000 });
  await expect(bench.nameRows).toHaveCount(20);
  await bench.rankNamesBy('economicCapital');
  const byEc = topClients(c, 'economicCapital', 20);
  await expect(bench.firstNameId).toHaveText(c.ids[byEc[0]]);
  await bench.showSegment('small');
  await expect(bench.firstNameId).toHaveText(c.ids[topClients(c, 'economicCapital', 1, { segment: 'small' })[0]]);
  await bench.showSegment('');
  const namesCsv = await bench.exportNamesCsv();
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
  for (const ch of changes) await expect(bench.mixChangeTable).toContainText(withSign(formatMoney(ch.change, 'zh'), ch.change));

  // A 21 × 21 what-if table: HQLA from half to 1.5 times the bank's (亿元) across, LPR 2–4% down; the LCR crosses 100%.
  const hqla = demoScenario.bank.hqla / 1e8;
  await bench.setWhatIf({ path: 'bank.hqla', from: hqla * 0.5, to: hqla * 1.5 }, { path: 'market.lpr1y', from: 2, to: 4 }, 'lcr');
  await bench.runWhatIf();
  await expect(bench.whatIfCells).toHaveCount(441, { timeout: 30_000 });
  await expect(bench.whatIfContour).toHaveCount(1);
  // The form's values: shown units (亿元, %) back to yuan and decimals.
  const axis = (from: number, to: number, factor: number) =>
    Array.from({ length: 21 }, (_, i) => Number(((from + ((to - from) * i) / 20) * factor).toPrecision(12)));
  const grid = whatIfGrid(demoScenario, { path: 'bank.hqla', values: axis(hqla * 0.5, hqla * 1.5, 1e8) }, { path: 'market.lpr1y', values: axis(2, 4, 0.01) });
  expect(Math.min(...grid.figures.lcr)).toBeLessThan(1);
  expect(Math.max(...grid.figures.lcr)).toBeGreaterThan(1);
  await bench.showWhatIfAs('table');
  await expect(bench.whatIfTableCell(10, 20)).toContainText(formatPercent(grid.figures.lcr[10 * 21 + 20], 2));

  const gridCsv = await bench.exportWhatIfCsv();
  const gridLines = readFileSync((await gridCsv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(gridLines).toHaveLength(442);
  const header = gridLines[0].split(',');
  expect(Number(gridLines[1 + 10 * 21 + 20].split(',')[header.indexOf('lcr')]) / grid.figures.lcr[10 * 21 + 20]).toBeCloseTo(1, 9);
  const xlsx = await bench.exportWhatIfXlsx();
  const files = unzipSync(readFileSync((await xlsx.path())!));
  expect(strFromU8(files['xl/workbook.xml'])).toContain('name="输入"');
  expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toContain('bank.hqla');

  // Accessible with the names, the table and the heat map on screen.
  for (const view of ['table', 'heat']) {
    if (view === 'heat') await bench.showWhatIfAs('heat');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  // The book stays in this browser until removed; removing it leaves the generated book.
  expect(await lib.storedLoanBooks()).toBe(1);
  await bench.removeBook();
  await expect(bench.bookLine).toContainText('模型按情景参数生成');
  expect(await lib.storedLoanBooks()).toBe(0);
});

test('the bank’s mix policy: share bounds drawn on the triangle and reported at the optimum', async ({ page }) => {
  const design = new DesignPage(page);
  await design.openByAddress();
  await design.usePolicy();
  await design.setShareBound('large', 'min', 30);
  await design.setShareBound('small', 'max', 40);
  await expect(design.shareBoundaries).toHaveCount(2, { timeout: 20_000 });
  const bounds = design.bindingShareBounds;
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
  await expect(lib.bookFigures).toBeVisible({ timeout: 30_000 });
  await lib.openCard(lib.nth(0));

  const app = new OverTimePage(page);
  await app.open();
  await expect(app.bookLine).toContainText('我行实际贷款“book-2000.csv”（2,000 户');
  await app.setPaths(1000);
  await app.runToEnd();
  await expect(app.runBook).toContainText('我行实际贷款“book-2000.csv”（2,000 户');
  const real = await app.figures();

  // the generated book: a run of its own, with other figures
  await app.chooseBook('generated');
  await expect(app.bookLine).toContainText('模型按情景参数生成');
  await app.runToEnd();
  await expect(app.runBook).toContainText('模型按情景参数生成');
  expect(await app.figures()).not.toEqual(real);

  // back to the real book: its run is kept, and the printed report names the book
  await app.chooseBook('real');
  await expect(app.runBook).toContainText('我行实际贷款“book-2000.csv”');
  await app.runToEnd();
  await page.emulateMedia({ media: 'print' });
  await expect(app.reportBook).toContainText('我行实际贷款“book-2000.csv”（2,000 户');
  await page.emulateMedia({ media: 'screen' });
});
