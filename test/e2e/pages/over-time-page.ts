import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** Page model of the over-time view 经营推演 (five-year Monte Carlo on the worker pool). */
export class OverTimePage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  /** Opens the view by its address; a query (e.g. '?workers=1') fixes the pool size. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./#/over-time${query}`);
    await expect(this.runButton).toBeEnabled();
    await expect(this.page.getByTestId('save-status')).toHaveText(/已保存|Saved|—/);
  }

  get runButton(): Locator {
    return this.page.getByTestId('ot-run');
  }

  get status(): Locator {
    return this.page.getByTestId('ot-status');
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  async setPaths(paths: number): Promise<void> {
    await this.page.locator('#ot-paths').selectOption(String(paths));
  }

  async setSeed(seed: number): Promise<void> {
    await this.page.locator('#ot-seed').fill(String(seed));
    await this.page.locator('#ot-seed').blur();
  }

  /** Which book the run starts from, above the levers. */
  get bookLine(): Locator {
    return this.page.getByTestId('ot-book-line');
  }

  /** The book the shown run used, in the run's details. */
  get runBook(): Locator {
    return this.page.getByTestId('ot-info-book');
  }

  /** Chooses the real loan book or the generated one. */
  async chooseBook(book: 'real' | 'generated'): Promise<void> {
    await this.page.getByTestId(`ot-book-${book}`).check();
  }

  /** The book named in the printed report. */
  get reportBook(): Locator {
    return this.page.getByTestId('report-over-time-book');
  }

  /** The view's title. */
  heading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }

  async cancelRun(): Promise<void> {
    await this.page.getByTestId('ot-cancel').click();
  }

  get cancelledNote(): Locator {
    return this.page.getByTestId('ot-cancelled');
  }

  /** The run's details: paths, seed, years, workers. */
  get runInfo(): Locator {
    return this.page.getByTestId('ot-info');
  }

  /** A chart, by its accessible name. */
  chart(name: string): Locator {
    return this.page.getByRole('img', { name });
  }

  /** The drawing of a figure's fan chart (`capitalAdequacyRatio`, `lcr` …), with its limit line. */
  fanDrawing(figure: string): Locator {
    return this.page.getByTestId(`fan-${figure}`).locator('svg');
  }

  get breachRows(): Locator {
    return this.page.getByTestId('breach-table').locator('tbody tr');
  }

  /** A limit's row of the breach table (`lcr` …). */
  breach(limit: string): Locator {
    return this.page.getByTestId(`breach-${limit}`);
  }

  /** "This run is from before your last change" */
  get staleNote(): Locator {
    return this.page.getByTestId('ot-stale');
  }

  /** Sets the pace lever (quarters to reach the new mix) and leaves the field. */
  async setPace(quarters: number): Promise<void> {
    await this.page.locator('#sim-pace').fill(String(quarters));
    await this.page.locator('#sim-pace').blur();
  }

  get smeSpread(): Locator {
    return this.page.locator('#sim-sme-spread');
  }

  /** Sets the SME spread (bp) and leaves the field. */
  async setSmeSpread(bp: number): Promise<void> {
    await this.smeSpread.fill(String(bp));
    await this.smeSpread.blur();
  }

  /** The workspace's main area. */
  get workspace(): Locator {
    return this.page.locator('#main');
  }

  /**
   * Records the main thread's long tasks from the page's first script on. `longTasksSince` reads
   * them, flushing the observer's queue first so no finished task is missed.
   */
  async watchLongTasks(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __flushLongTasks: () => void };
      w.__longTasks = [];
      const keep = (entries: PerformanceEntryList) => {
        for (const e of entries) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      };
      const observer = new PerformanceObserver((list) => keep(list.getEntries()));
      observer.observe({ type: 'longtask', buffered: true });
      w.__flushLongTasks = () => keep(observer.takeRecords());
    });
  }

  /** The page's clock (ms). */
  async now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** The page's clock now and every long task that started since `t0`. */
  async longTasksSince(t0: number): Promise<{ now: number; tasks: { start: number; duration: number }[] }> {
    return this.page.evaluate((t0) => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __flushLongTasks: () => void };
      w.__flushLongTasks();
      const now = performance.now();
      return { now, tasks: w.__longTasks.filter((t) => t.start >= t0 && t.start <= now) };
    }, t0);
  }

  get seedField(): Locator {
    return this.page.locator('#ot-seed');
  }

  /** Which field keeps Run disabled. */
  get invalidNote(): Locator {
    return this.page.getByTestId('ot-invalid');
  }

  /** The results area. */
  get results(): Locator {
    return this.page.locator('.results');
  }

  /** Presses Run and waits until the run is done; returns the run's figures as text. */
  async runToEnd(): Promise<{ cumP50: string; breaches: string; loans: string; netProfit: string }> {
    await this.runButton.click();
    await expect(this.status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(this.page.getByTestId('ot-stale')).toHaveCount(0);
    return this.figures();
  }

  async figures(): Promise<{ cumP50: string; breaches: string; loans: string; netProfit: string }> {
    return {
      cumP50: await this.page.getByTestId('cum-p50').innerText(),
      breaches: await this.page.getByTestId('breach-table').innerText(),
      loans: await this.page.getByTestId('loans-by-segment').locator('figcaption').innerText(),
      netProfit: await this.page.getByTestId('fan-netProfit').locator('figcaption').innerText(),
    };
  }
}
