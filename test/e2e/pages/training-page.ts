import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Page model of the training view: lessons, challenges and the workshop (after actualbudget/actual's page models). */
export class TrainingPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`./#/training${query ? `?${query}` : ''}`);
    await expect(this.page.locator('main')).toBeVisible();
  }

  /** Presses Tab (or Shift+Tab) until the target has the focus: keyboard only, no clicks. */
  async tabTo(target: Locator, { backwards = false, max = 120 } = {}): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    await expect(target).toBeFocused();
  }

  goalStatus(): Locator {
    return this.page.getByTestId('goal-status');
  }

  lessonStatus(id: string): Locator {
    return this.page.getByTestId(`lesson-${id}`).getByTestId('lesson-status');
  }

  /** Clicks a button that downloads a file; returns the download. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  async workshop(part: 'build' | 'team' | 'results' | 'debrief'): Promise<void> {
    await this.open(`tab=workshop&part=${part}`);
  }
}
