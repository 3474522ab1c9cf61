import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the loss-distribution view 风险分布. */
export class RiskPage {
  constructor(readonly page: Page) {}

  /** Opens the app on the dashboard and goes to the risk view through the nav, as a user would. */
  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
    await this.gotoRisk();
  }

  async gotoRisk(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /风险分布|Loss distribution/ }).click();
    await expect(this.figure('addon')).toBeVisible({ timeout: 20_000 });
  }

  async gotoDashboard(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: /配比看板|Mix dashboard/ }).click();
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
}
