import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** Page model of the mix dashboard (after actualbudget/actual's e2e page models). */
export class DashboardPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

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

  /** A segment's share slider (%). */
  shareSlider(segmentKey: string): Locator {
    return this.page.locator(`#share-range-${segmentKey}`);
  }

  /** Opens a figure's glass box by clicking its card. */
  async openGlassBox(metric: string): Promise<void> {
    await this.kpi(metric).click();
  }

  /** The glass box's link to the figure's glossary entry. */
  get glassBoxGlossaryLink(): Locator {
    return this.page.getByTestId('glass-glossary');
  }

  /** The 1-year LPR field (%). */
  get lpr(): Locator {
    return this.page.locator('#lpr');
  }

  /** Types the 1-year LPR (%) as a user does: one input event, not yet committed. */
  async typeLpr(percent: string): Promise<void> {
    await this.lpr.fill(percent);
  }

  /** The capital approach (standardised / IRB). */
  get capitalApproach(): Locator {
    return this.page.locator('#capital-approach');
  }

  async chooseCapitalApproach(approach: string): Promise<void> {
    await this.capitalApproach.selectOption(approach);
  }

  /** The header's save status (已保存 / 保存中 / 未保存). */
  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  /** A KPI card's figure (with its change mark). */
  kpiValue(metric: string): Locator {
    return this.kpi(metric).locator('.value');
  }

  // —— what changed, undo, reset ——

  /** "我改了什么？（n）" */
  get changesSummary(): Locator {
    return this.page.getByTestId('changes-summary');
  }

  /** The line of "what changed" for one input, by its path (`market.lpr1y` …). */
  change(path: string): Locator {
    return this.page.getByTestId(`change-${path}`);
  }

  /** Where the edits are saved ("修改自动保存到情景库：…"). */
  get scenarioChanges(): Locator {
    return this.page.getByTestId('scenario-changes');
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo').click();
  }

  async redo(): Promise<void> {
    await this.page.getByTestId('redo').click();
  }

  /** Resets one input to its saved value, confirming in the dialog. */
  async resetChange(path: string): Promise<void> {
    await this.change(path)
      .getByRole('button', { name: /恢复保存值/ })
      .click();
    await this.confirm();
  }

  /** Resets every input to the demo bank, confirming in the dialog. */
  async resetAllToDemo(): Promise<void> {
    await this.page.getByTestId('reset-all-default').click();
    await this.confirm();
  }

  private async confirm(): Promise<void> {
    await this.page.getByTestId('confirm-dialog').getByRole('button', { name: '确定' }).click();
  }

  /** A principle panel's heading (安全性 / 效益性 / 流动性 …). */
  principle(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** The one-line diagnosis of the mix. */
  get diagnosis(): Locator {
    return this.page.getByTestId('diagnosis');
  }

  /** A segment's share number field (%). */
  shareNumber(segmentKey: string): Locator {
    return this.page.locator(`#share-number-${segmentKey}`);
  }

  /** Presses "reset to the demo" and answers its confirmation. */
  async resetToDemo(answer: '确定' | '取消'): Promise<void> {
    await this.page.getByTestId('reset-demo').click();
    await this.page.getByRole('button', { name: answer }).click();
  }

  /** A message shown at a field, by its text. */
  fieldMessage(text: string): Locator {
    return this.page.getByText(text);
  }

  /** The open glass box's list of what drives the figure. */
  get glassBoxDrivers(): Locator {
    return this.shell.dialog.locator('ol.drivers li');
  }

  // —— the layout's regions, in reading order on a phone ——

  /** The "try this" tip. */
  get tip(): Locator {
    return this.page.locator('.hint').first();
  }

  get mixSliders(): Locator {
    return this.page.locator('fieldset.mix').first();
  }

  /** The results beside (or below) the levers. */
  get results(): Locator {
    return this.page.locator('.mix-view').first();
  }

  /** The pricing levers after the mix. */
  get pricingLevers(): Locator {
    return this.page.locator('#levers-title ~ fieldset:not(.mix)').first();
  }

  /** The pyramid's rows (label and bar). */
  get pyramidRows(): Locator {
    return this.page.locator('.pyramid li');
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

  /** The caption of an open profit-vs-spread curve (where the best spread is, where the current one is). */
  spreadCurveCaption(curve: Locator): Locator {
    return curve.locator('figcaption');
  }

  /** The net profit at the best spread, from the curve's table. */
  async spreadCurveBestProfit(curve: Locator): Promise<string> {
    return curve.locator('tr.best-row td').nth(1).innerText();
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
    await this.shell.switchLanguage(lang);
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
