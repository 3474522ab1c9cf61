import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the mix-design view 配合比设计. */
export class DesignPage {
  constructor(readonly page: Page) {}

  /** Opens the app on the dashboard and goes to the design view through the nav, as a user would. */
  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
    await this.page.getByRole('link', { name: /配合比设计|Mix design/ }).click();
    await expect(this.verdict).toBeVisible();
    await expect(this.status).toContainText(/5,151/);
  }

  get verdict(): Locator {
    return this.page.getByTestId('design-verdict');
  }

  get status(): Locator {
    return this.page.getByTestId('design-status');
  }

  get point(): Locator {
    return this.page.getByTestId('current-mix-point');
  }

  marker(id: string): Locator {
    return this.page.locator(`[data-marker="${id}"]`);
  }

  /** The current mix from the text alternative, in whole percent. */
  async currentMix(): Promise<number[]> {
    const out: number[] = [];
    for (const key of ['large', 'mid', 'small']) out.push(Number((await this.page.getByTestId(`current-share-${key}`).innerText()).replace('%', '')));
    return out;
  }

  /** The dashboard's slider values, after going back there through the nav. */
  async dashboardMix(): Promise<number[]> {
    await this.page.getByRole('link', { name: /配比看板|Mix dashboard/ }).click();
    await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
    const out: number[] = [];
    for (const key of ['large', 'mid', 'small']) out.push(Number(await this.page.locator(`#share-range-${key}`).inputValue()));
    return out;
  }

  async center(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
