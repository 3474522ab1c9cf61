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

  /** Moves a segment's share slider by `steps` key presses (negative: left). */
  async nudgeShare(segmentKey: string, steps: number): Promise<void> {
    await this.page.locator(`#share-range-${segmentKey}`).focus();
    for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps < 0 ? 'ArrowLeft' : 'ArrowRight');
  }

  /** Switches the interface language with the header's button and waits for the page to say so. */
  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByRole('button', { name: lang === 'en' ? 'English' : '中文', exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
  }

  /** Types a segment's share in its number field and leaves it; waits for the slider to follow. */
  async typeShare(segmentKey: string, percent: number): Promise<void> {
    const field = this.page.locator(`#share-number-${segmentKey}`);
    await field.fill(String(percent));
    await field.press('Tab');
    await expect(this.page.locator(`#share-range-${segmentKey}`)).toHaveValue(String(percent));
  }

  /** The save dialog opened by the dashboard's Save button. */
  get saveDialog(): Locator {
    return this.page.getByTestId('save-dialog');
  }

  async openSaveDialog(): Promise<Locator> {
    await this.page.getByTestId('dashboard-save').click();
    await expect(this.saveDialog).toBeVisible();
    return this.saveDialog;
  }

  /** The name and description the save dialog proposes. */
  get saveName(): Locator {
    return this.page.getByTestId('save-name');
  }

  get saveDescription(): Locator {
    return this.page.getByTestId('save-description');
  }

  /** Confirms the save dialog and waits for it to close. */
  async confirmSave(): Promise<void> {
    await this.page.getByTestId('save-confirm').click();
    await expect(this.saveDialog).toBeHidden();
  }

  /** The "saved as …" note on the dashboard. */
  get savedNote(): Locator {
    return this.page.getByTestId('dashboard-saved');
  }

  /** The scenario's name in the header. */
  get scenarioName(): Locator {
    return this.page.getByTestId('scenario-name');
  }

  /** Waits until the dashboard's portfolio-basis capital badge has its figures. */
  async waitCapitalBadge(): Promise<void> {
    await expect(this.page.getByTestId('portfolio-capital-badge')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(this.page.getByTestId('pcb-ec')).toBeVisible();
  }
}
