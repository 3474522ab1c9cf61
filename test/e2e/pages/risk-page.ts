import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { DashboardPage } from './dashboard-page';

/** Page model of the loss-distribution view 风险分布. */
export class RiskPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  /** Opens the app on the dashboard and goes to the risk view through the nav, as a user would. */
  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
    await this.gotoRisk();
  }

  /** Opens the risk view by its address, without waiting for its figures. */
  async openByAddress(): Promise<void> {
    await this.page.goto('./#/risk');
  }

  async gotoRisk(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /风险分布|Loss distribution/ })
      .click();
    await expect(this.figure('addon')).toBeVisible({ timeout: 20_000 });
  }

  async gotoDashboard(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /配比看板|Mix dashboard/ })
      .click();
    await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
  }

  /** A headline figure's card (`addon`, `ec`, `tail` …). */
  figure(id: string): Locator {
    return this.page.getByTestId(`risk-${id}`);
  }

  async figureText(id: string): Promise<string> {
    return (await this.figure(id).locator('.value').innerText()).replace(/[▲▼]/g, '').split('\n')[0].trim();
  }

  marker(id: string): Locator {
    return this.page.getByTestId(`loss-chart-marker-${id}`);
  }

  get chart(): Locator {
    return this.page.getByTestId('loss-chart');
  }

  get status(): Locator {
    return this.page.getByTestId('risk-status');
  }

  bar(key: string): Locator {
    return this.page.getByTestId(`contrib-bar-${key}`);
  }

  get dialog(): Locator {
    return this.page.getByTestId('risk-glass');
  }

  /** The bracket between the granular and the portfolio VaR, labelled with the add-on. */
  get bracket(): Locator {
    return this.page.getByTestId('loss-chart-bracket');
  }

  /** The chart's text summary (what a screen reader hears). */
  get summary(): Locator {
    return this.page.getByTestId('loss-chart-summary');
  }

  /** Switches the chart from density to the log-scale tail with the keyboard. */
  async showTailByKeyboard(): Promise<void> {
    await this.page.getByTestId('loss-chart-mode-density').focus();
    await this.page.keyboard.press('ArrowRight');
    await expect(this.chart).toHaveAttribute('data-mode', 'tail');
  }

  /** The y-axis ticks whose text is exactly `text`. */
  yTick(text: string): Locator {
    return this.chart.getByTestId('loss-chart-ytick').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Which book the figures are on: the real book by name, or the generated one. */
  get bookLine(): Locator {
    return this.page.getByTestId('risk-book-line');
  }

  /** Shows the contributions by segment, by name or by group of connected clients. */
  async showContributionsBy(view: 'segment' | 'name' | 'group'): Promise<void> {
    await this.page.getByTestId(`contrib-view-${view}`).check();
  }

  /** The contributions panel. */
  get contributions(): Locator {
    return this.page.getByTestId('contrib');
  }

  /** Shows the contributions of the largest clients by name instead of by segment. */
  async showLargestClients(): Promise<void> {
    await this.page.getByTestId('contrib-view-name').check();
  }

  /** The contribution bars (buttons) on show. */
  get contributionBars(): Locator {
    return this.page.getByTestId('contrib').getByRole('button');
  }

  /** The share of a segment as the risk view states it. */
  get mix(): Locator {
    return this.page.getByTestId('risk-mix');
  }

  /** Moves the large-client share slider on the dashboard by `steps` key presses (negative: left). */
  async moveLargeShareOnDashboard(steps: number): Promise<Locator> {
    const dashboard = new DashboardPage(this.page);
    await dashboard.nudgeShare('large', steps);
    return dashboard.shareSlider('large');
  }

  /** Back to the risk view through the nav, without waiting (the caller waits for what it expects). */
  async clickRiskNav(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /风险分布|Loss distribution/ })
      .click();
  }

  /** Turns on the comparison with the pyramid twin. */
  async compareWithTwin(): Promise<void> {
    await this.page.getByTestId('compare-toggle').check();
  }

  get compareVerdict(): Locator {
    return this.page.getByTestId('compare-verdict');
  }

  /** The tail ratio of the current mix or of the twin, as a number. */
  async compareTail(which: 'current' | 'twin'): Promise<number> {
    return Number(await this.page.getByTestId(`compare-tail-${which}`).innerText());
  }

  get twinMarker(): Locator {
    return this.page.getByTestId('compare-chart-marker-twin');
  }

  /** Opens the tables that carry the charts as text. */
  async openTables(): Promise<void> {
    await this.page.locator('details.tables summary').click();
  }

  async switchToEnglish(): Promise<void> {
    await this.shell.switchLanguage('en');
  }
}
