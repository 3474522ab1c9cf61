import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { DashboardPage } from './dashboard-page';

/** Page model of the mix-design view 配合比设计. */
export class DesignPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  /** Opens the app on the dashboard and goes to the design view through the nav, as a user would. */
  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.page.getByTestId('kpi-netProfit')).toBeVisible();
    await this.page.getByRole('link', { name: /配合比设计|Mix design/ }).click();
    await expect(this.verdict).toBeVisible();
    await expect(this.status).toContainText(/5,151/);
  }

  /** Opens the design view by its address, without waiting for the design to finish. */
  async openByAddress(): Promise<void> {
    await this.page.goto('./#/design');
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

  // —— the ternary chart ——

  /** The feasible region's edge (an SVG path). */
  get feasibleEdge(): Locator {
    return this.page.getByTestId('feasible-edge');
  }

  /** The legend entry of a constraint's excluded mixes (by the constraint's index). */
  exclusion(index: number): Locator {
    return this.page.getByTestId(`exclusion-${index}`);
  }

  /** The hatched area of a constraint's excluded mixes, named by its SVG title. */
  exclusionTitle(index: number): Locator {
    return this.page.locator(`path[data-exclusion="${index}"] title`);
  }

  /** A corner's label of the triangle ("大客户 100%" …). */
  cornerLabel(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  get tooltip(): Locator {
    return this.page.getByTestId('ternary-tooltip');
  }

  /** "No constraint binds at the optimum" */
  get bindingNone(): Locator {
    return this.page.getByTestId('binding-none');
  }

  get bindingList(): Locator {
    return this.page.getByTestId('binding-list');
  }

  get frontierSummary(): Locator {
    return this.page.getByTestId('frontier-summary');
  }

  /** Adds a constraint by its id (`managers`, `policy` …). */
  async useConstraint(id: string): Promise<void> {
    await this.page.getByTestId(`constraint-${id}`).check();
  }

  /** Opens a figure's glass box from its button (by the button's accessible name). */
  async openFormula(name: string): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  // —— the tornado ——

  get tornado(): Locator {
    return this.page.getByTestId('tornado');
  }

  /** "当前净利润：…" above the tornado. */
  get tornadoBase(): Locator {
    return this.page.getByTestId('tornado-base');
  }

  get tornadoRows(): Locator {
    return this.tornado.locator('tbody tr');
  }

  async chooseTornadoFigure(metric: string): Promise<void> {
    await this.tornado.getByTestId('tornado-metric').selectOption(metric);
  }

  // —— one more loan ——

  get marginalSegment(): Locator {
    return this.page.getByTestId('marginal-segment');
  }

  /** A figure of the one-more-loan panel (`raroc`, `ec`, `single`, `lcr`). */
  marginal(figure: string): Locator {
    return this.page.getByTestId(`marginal-${figure}`);
  }

  async chooseMarginalSegment(segment: string): Promise<void> {
    await this.marginalSegment.selectOption(segment);
  }

  /** Sets the loan's amount (万元). */
  async setMarginalAmount(amount: number): Promise<void> {
    await this.page.getByTestId('marginal').locator('#marginal-amount').fill(String(amount));
  }

  /** Turns on the bank's own mix policy as a constraint. */
  async usePolicy(): Promise<void> {
    await this.page.getByTestId('constraint-policy').check();
  }

  /** Sets a policy bound on a segment's share (%), committed as the field's change event commits it. */
  async setShareBound(segment: string, side: 'min' | 'max', percent: number): Promise<void> {
    const field = this.page.getByTestId(`bound-${segment}-${side}`);
    await field.fill(String(percent));
    await field.dispatchEvent('change');
  }

  /** The policy's bounds drawn on the triangle. */
  get shareBoundaries(): Locator {
    return this.page.getByTestId('share-boundary');
  }

  /** The bounds that bind at the optimum, as reported. */
  get bindingShareBounds(): Locator {
    return this.page.getByTestId('binding-share-bound');
  }

  /** A marker's shape on the chart (what a mouse aims at). */
  markerShape(id: string): Locator {
    return this.marker(id).locator('path');
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
    for (const key of ['large', 'mid', 'small']) out.push(Number(await new DashboardPage(this.page).shareSlider(key).inputValue()));
    return out;
  }

  async center(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
