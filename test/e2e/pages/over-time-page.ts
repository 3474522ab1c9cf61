import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the over-time view 经营推演 (five-year Monte Carlo on the worker pool). */
export class OverTimePage {
  constructor(readonly page: Page) {}

  /** Opens the view by its address; a query (e.g. '?workers=1') fixes the pool size. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./#/over-time${query}`);
    await expect(this.runButton).toBeEnabled();
    await expect(this.page.getByTestId('save-status')).toHaveText(/已保存|Saved|—/);
  }

  get runButton(): Locator {
    return this.page.getByTestId('ot-run');
  }

  get status(): Locator {
    return this.page.getByTestId('ot-status');
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  async setPaths(paths: number): Promise<void> {
    await this.page.locator('#ot-paths').selectOption(String(paths));
  }

  async setSeed(seed: number): Promise<void> {
    await this.page.locator('#ot-seed').fill(String(seed));
    await this.page.locator('#ot-seed').blur();
  }

  /** Presses Run and waits until the run is done; returns the run's figures as text. */
  async runToEnd(): Promise<{ cumP50: string; breaches: string; loans: string; netProfit: string }> {
    await this.runButton.click();
    await expect(this.status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(this.page.getByTestId('ot-stale')).toHaveCount(0);
    return this.figures();
  }

  async figures(): Promise<{ cumP50: string; breaches: string; loans: string; netProfit: string }> {
    return {
      cumP50: await this.page.getByTestId('cum-p50').innerText(),
      breaches: await this.page.getByTestId('breach-table').innerText(),
      loans: await this.page.getByTestId('loans-by-segment').locator('figcaption').innerText(),
      netProfit: await this.page.getByTestId('fan-netProfit').locator('figcaption').innerText(),
    };
  }
}
