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


  /** Sets a segment's spread over LPR (bp) in its number field, as a user types it. */
  async setSpread(segmentKey: string, bp: number): Promise<void> {
    const field = this.page.locator(`#spread-number-${segmentKey}`);
    await field.fill(String(bp));
    await field.blur();
  }

  /** The clients' response to a segment's price: demand kept, PD multiplier, franchise. */
  spreadResponse(segmentKey: string): Locator {
    return this.page.getByTestId(`spread-response-${segmentKey}`);
  }

  /** Opens a segment's profit-vs-spread curve and returns its figure. */
  async openSpreadCurve(segmentKey: string): Promise<Locator> {
    const details = this.page.locator(`.spread:has(#spread-number-${segmentKey}) details.curve`);
    await details.locator('summary').click();
    return details.locator('figure');
  }

  async waitSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText(/已保存|Saved/);
  }
}
