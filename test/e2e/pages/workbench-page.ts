import { type Download, type Locator, type Page } from '@playwright/test';
import { downloadFrom } from './app-shell';

/** Page model of the analyst's workbench 分析工作台: the names that matter, the mix on the real book, the what-if table. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./#/workbench');
  }

  /** Clicks a button that downloads a file; returns the download. */
  private async download(testId: string): Promise<Download> {
    return downloadFrom(this.page.getByTestId(testId));
  }

  // —— the names that matter ——

  get namesTable(): Locator {
    return this.page.getByTestId('names-table');
  }

  get nameRows(): Locator {
    return this.namesTable.getByTestId('names-row');
  }

  /** The client id of the first name listed. */
  get firstNameId(): Locator {
    return this.nameRows.first().locator('th');
  }

  async rankNamesBy(figure: 'exposure' | 'economicCapital' | string): Promise<void> {
    await this.page.getByTestId('names-rank').selectOption(figure);
  }

  /** Shows one segment's names ('' for all). */
  async showSegment(segment: string): Promise<void> {
    await this.page.getByTestId('names-segment').selectOption(segment);
  }

  async exportNamesCsv(): Promise<Download> {
    return this.download('names-csv');
  }

  // —— the dashboard's mix applied to the real book ——

  get mixChangeTable(): Locator {
    return this.page.getByTestId('mix-change-table');
  }

  // —— the what-if table ——

  /** Sets the two-way table: an input across (x) and one down (y), each from–to in shown units, and the figure. */
  async setWhatIf(x: { path: string; from: number; to: number }, y: { path: string; from: number; to: number }, figure: string): Promise<void> {
    for (const [axis, a] of [
      ['x', x],
      ['y', y],
    ] as const) {
      await this.page.getByTestId(`whatif-${axis}`).selectOption(a.path);
      await this.page.getByTestId(`whatif-${axis}-from`).fill(String(a.from));
      await this.page.getByTestId(`whatif-${axis}-to`).fill(String(a.to));
    }
    await this.page.getByTestId('whatif-figure').selectOption(figure);
  }

  async runWhatIf(): Promise<void> {
    await this.page.getByTestId('whatif-run').click();
  }

  get whatIfCells(): Locator {
    return this.page.getByTestId('whatif-cell');
  }

  /** The heat map's contour line where the figure crosses its limit. */
  get whatIfContour(): Locator {
    return this.page.getByTestId('whatif-contour');
  }

  /** Shows the what-if result as a table or a heat map. */
  async showWhatIfAs(view: 'table' | 'heat'): Promise<void> {
    if (view === 'table') await this.page.getByTestId('whatif-view-table').check();
    else await this.page.locator('input[name="whatif-view"][value="heat"]').check();
  }

  /** A cell of the what-if table: row `row` (y), column `column` (x), both from 0. */
  whatIfTableCell(row: number, column: number): Locator {
    return this.page.getByTestId('whatif-table').locator('tbody tr').nth(row).locator('td').nth(column);
  }

  async exportWhatIfCsv(): Promise<Download> {
    return this.download('whatif-csv');
  }

  async exportWhatIfXlsx(): Promise<Download> {
    return this.download('whatif-xlsx');
  }

  // —— the book ——

  /** Which book the workbench reads: the real one by name, or the generated one. */
  get bookLine(): Locator {
    return this.page.getByTestId('wb-book-line');
  }

  /** Removes the attached loan book, confirming in the dialog. */
  async removeBook(): Promise<void> {
    await this.page.getByTestId('wb-book-remove').click();
    await this.page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  }
}
