import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the mix dashboard (after actualbudget/actual's e2e page models). */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.kpi('netProfit')).toBeVisible();
  }

  kpi(metric: string): Locator {
    return this.page.getByTestId(`kpi-${metric}`);
  }

  async kpiText(metric: string): Promise<string> {
    return (await this.kpi(metric).locator('.value').innerText()).split(/[▲▼\n]/)[0].trim();
  }


  async waitSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText(/已保存|Saved/);
  }
}
