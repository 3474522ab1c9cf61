import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppShell, downloadFrom } from './app-shell';

/** Page model of the client-portfolio workspace 客户投资组合. */
export class PortfolioPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

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

  /** A tab by its accessible name, as a screen reader announces it. */
  tabNamed(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  bestWeight(key: string): Locator {
    return this.page.getByTestId(`best-weight-${key}`);
  }

  /** A panel's heading (有效前沿 …). */
  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  get clientName(): Locator {
    return this.page.getByTestId('pf-client-name');
  }

  async renameClient(name: string): Promise<void> {
    await this.page.getByLabel('客户名称').fill(name);
  }

  /** A risk level's radio button (C1 保守型 … C5 进取型). */
  riskLevel(name: RegExp): Locator {
    return this.page.getByLabel(name);
  }

  /** Why the best allocation is where it is. */
  get bestNote(): Locator {
    return this.page.getByTestId('best-note');
  }

  get frontierSummary(): Locator {
    return this.page.getByTestId('portfolio-frontier-summary');
  }

  /** A risk figure of the current allocation (`volatility` …). */
  risk(figure: string): Locator {
    return this.page.getByTestId(`risk-${figure}`);
  }

  get cashSummary(): Locator {
    return this.page.getByTestId('cash-summary');
  }

  /** Whether the current allocation is within the risk level's limits, in words. */
  get allocationVerdict(): Locator {
    return this.page.getByTestId('allocation-verdict');
  }

  /** The button that adopts the best allocation (its text says when it already is). */
  get adoptBestButton(): Locator {
    return this.page.getByTestId('adopt-best');
  }

  async adoptBest(): Promise<void> {
    await this.adoptBestButton.click();
  }

  /** Types an asset's current weight (%), by the field's label (黄金的当前权重（%） …). */
  async setWeight(asset: string, percent: number): Promise<void> {
    await this.page.getByLabel(`${asset}的当前权重（%）`).fill(String(percent));
  }

  get weightProblem(): Locator {
    return this.page.getByTestId('weight-problem');
  }

  async scaleWeightsTo100(): Promise<void> {
    await this.page.getByRole('button', { name: '按比例调整为100%' }).click();
  }

  /** Sets the client's horizon (years). */
  async setHorizon(years: number): Promise<void> {
    await this.page.locator('#pf-horizon').fill(String(years));
  }

  // —— assets: the correlation matrix ——

  /** A correlation cell, by the two assets' names. */
  correlation(a: string, b: string): Locator {
    return this.page.getByLabel(`ρ(${a}, ${b})`);
  }

  get correlationProblem(): Locator {
    return this.page.getByTestId('corr-problem');
  }

  get correlationStatus(): Locator {
    return this.page.getByTestId('corr-status');
  }

  async useNearestValidMatrix(): Promise<void> {
    await this.page.getByTestId('corr-nearest').click();
  }

  // —— rebalancing ——

  get rebalancingStatus(): Locator {
    return this.page.getByTestId('reb-status');
  }

  get rebalancingProgress(): Locator {
    return this.page.getByTestId('reb-progress');
  }

  async cancelRun(): Promise<void> {
    await this.page.getByTestId('reb-cancel').click();
  }

  get cancelledNote(): Locator {
    return this.page.getByTestId('reb-cancelled');
  }

  /** The run's details: paths, seed, workers. */
  get runInfo(): Locator {
    return this.page.getByTestId('reb-info');
  }

  /** A chart of the run, by its accessible name. */
  chart(name: string): Locator {
    return this.page.getByRole('img', { name });
  }

  // —— the library of client portfolios ——

  async duplicate(): Promise<void> {
    await this.page.getByTestId('pf-duplicate').click();
  }

  get entries(): Locator {
    return this.page.getByTestId('pf-entry');
  }

  /** The selection checkboxes of the saved portfolios, in list order. */
  get selectBoxes(): Locator {
    return this.page.getByTestId('pf-list').getByRole('checkbox');
  }

  get comparison(): Locator {
    return this.page.getByTestId('pf-compare');
  }

  /** The comparison's cells marked as differing (●). */
  get comparisonDifferences(): Locator {
    return this.comparison.locator('td.diff');
  }

  async exportSelected(): Promise<Download> {
    return downloadFrom(this.page.getByTestId('pf-export-selected'));
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.page.getByTestId('pf-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  get importResult(): Locator {
    return this.page.getByTestId('pf-import-result');
  }

  /** The workspace's main area (axe and "no image" checks run on it). */
  get workspace(): Locator {
    return this.page.locator('#main');
  }

  get runButton(): Locator {
    return this.page.getByTestId('reb-run');
  }

  get table(): Locator {
    return this.page.getByTestId('reb-table');
  }

  /** The strategies compared in the rebalancing table, one row each. */
  get strategyRows(): Locator {
    return this.table.locator('tbody tr');
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
