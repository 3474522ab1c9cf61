import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the client-portfolio workspace 客户投资组合. */
export class PortfolioPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the app and goes to the workspace through the nav, as a user would; with a query
   * (e.g. '?workers=1', the pool size for tests) it opens the workspace's address directly.
   */
  async open(query = ''): Promise<void> {
    if (query) await this.page.goto(`./#/portfolio${query}`);
    else {
      await this.page.goto('./');
      await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
      await this.page.getByRole('link', { name: /客户投资组合|Client portfolios/ }).click();
    }
    await expect(this.bestWeight('equityFund')).toHaveText(/\d/);
    await expect(this.page.getByTestId('pf-save-status')).toHaveText(/已自动保存|Saved automatically/);
  }

  tab(id: 'allocation' | 'assets' | 'rebalancing' | 'library'): Locator {
    return this.page.getByTestId(`pf-tab-${id}`);
  }

  bestWeight(key: string): Locator {
    return this.page.getByTestId(`best-weight-${key}`);
  }

  get runButton(): Locator {
    return this.page.getByTestId('reb-run');
  }

  get table(): Locator {
    return this.page.getByTestId('reb-table');
  }

  /** Sets the rebalancing run's paths and seed. */
  async settings(paths: number, seed: number): Promise<void> {
    await this.page.locator('#pf-paths').selectOption(String(paths));
    await this.page.locator('#pf-seed').fill(String(seed));
    await this.page.locator('#pf-seed').blur();
  }

  /** Runs the comparison and waits for the summary table; returns its text. */
  async runToEnd(timeout = 120_000): Promise<string> {
    await this.runButton.click();
    await expect(this.table).toBeVisible({ timeout });
    return this.table.innerText();
  }

  async waitSaved(): Promise<void> {
    await expect(this.page.getByTestId('pf-save-status')).toHaveText(/已自动保存|Saved automatically/);
  }
}
