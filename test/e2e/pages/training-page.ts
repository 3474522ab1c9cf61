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

  /** Types an exact value into a lever's number field and commits it with Enter. */
  async typeLever(id: string, value: string): Promise<void> {
    const field = this.page.locator(`#${id}`);
    await field.fill(value);
    await field.press('Enter');
  }

  /** As a team: plays a challenge of the open pack with exact mix and SME spread (bp), submits, returns the score shown. */
  async playChallenge(title: string, levers: { large?: string; mid?: string; smallSpread?: string }): Promise<string> {
    await this.workshop('team');
    await this.page.getByRole('link', { name: `开始挑战：${title}` }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    if (levers.large) await this.typeLever('challenge-share-large-number', levers.large);
    if (levers.mid) await this.typeLever('challenge-share-mid-number', levers.mid);
    if (levers.smallSpread) await this.typeLever('challenge-segments-2-spreadBp', levers.smallSpread);
    await this.page.getByTestId('submit-challenge').click();
    const result = this.page.getByTestId('challenge-result');
    await expect(result).toContainText('得分是怎么算出来的');
    return (await result.getByTestId('score-value').innerText()).match(/\d+/)![0];
  }

  /** As a team: exports the results file; returns its path. */
  async exportResults(): Promise<string> {
    await this.workshop('team');
    const file = await this.download(this.page.getByTestId('export-results'));
    return file.path();
  }
}
