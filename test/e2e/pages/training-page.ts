import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppShell, downloadFrom } from './app-shell';

type WorkshopPart = 'build' | 'team' | 'results' | 'debrief';

/** Page model of the training view: lessons, challenges and the workshop (after actualbudget/actual's page models). */
export class TrainingPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

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

  /** Tabs to the target and presses Enter: a keyboard user's click. */
  async activateByKeyboard(target: Locator, options: { backwards?: boolean } = {}): Promise<void> {
    await this.tabTo(target, options);
    await this.page.keyboard.press('Enter');
  }

  /** Tabs to a field, selects its text and types a value, as a keyboard user does. */
  async typeByKeyboard(field: Locator, value: string): Promise<void> {
    await this.tabTo(field);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(value);
  }

  /** Moves the focused slider by `steps` arrow presses (negative: left). */
  async nudge(slider: Locator, steps: number): Promise<void> {
    await this.tabTo(slider);
    for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps < 0 ? 'ArrowLeft' : 'ArrowRight');
  }

  // —— lessons and challenges ——

  /** The link that opens a lesson or a challenge from the list. */
  lessonLink(title: string | RegExp): Locator {
    return this.page.getByRole('link', { name: title });
  }

  /** The open lesson's or challenge's title. */
  title(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }

  goalStatus(): Locator {
    return this.page.getByTestId('goal-status');
  }

  /** Each goal of the open lesson with its state. */
  get goalItems(): Locator {
    return this.page.getByTestId('goal-item');
  }

  lessonStatus(id: string): Locator {
    return this.page.getByTestId(`lesson-${id}`).getByTestId('lesson-status');
  }

  /** "已完成 n / 8 节课" above the list. */
  get progress(): Locator {
    return this.page.getByTestId('lesson-progress');
  }

  get showHintsButton(): Locator {
    return this.page.getByRole('button', { name: /显示提示/ });
  }

  /** A hint, found by its text. */
  hint(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** A lever's slider in the open lesson (`#lesson-share-large` …). */
  lessonSlider(segment: string): Locator {
    return this.page.locator(`#lesson-share-${segment}`);
  }

  /** A figure card of the lesson's or challenge's mini-dashboard (`lcr`, `mc.cumulativeProfit` …). */
  figure(key: string): Locator {
    return this.page.getByTestId(`fig-${key}`);
  }

  /** A portfolio lesson's weight field, by the asset's name. */
  weightField(asset: string): Locator {
    return this.page.getByLabel(asset, { exact: true });
  }

  get weightProblem(): Locator {
    return this.page.getByTestId('training-weight-problem');
  }

  get weightSum(): Locator {
    return this.page.getByTestId('training-weight-sum');
  }

  get finishButton(): Locator {
    return this.page.getByTestId('finish-lesson');
  }

  get debrief(): Locator {
    return this.page.getByTestId('debrief');
  }

  get debriefHeading(): Locator {
    return this.page.getByRole('heading', { name: /讲评/ });
  }

  /** A glossary link in the lesson's debrief. */
  debriefTermLink(term: string | RegExp): Locator {
    return this.debrief.getByRole('link', { name: term }).first();
  }

  /** A formula button in the debrief that opens its glass box. */
  debriefFormula(name: string): Locator {
    return this.debrief.getByRole('button', { name, exact: true });
  }

  /** The best allocation a portfolio lesson's debrief shows. */
  get bestAllocation(): Locator {
    return this.page.getByTestId('best-allocation');
  }

  /** A glossary link in lesson text. */
  termLink(term: string | RegExp): Locator {
    return this.page.getByRole('link', { name: term }).first();
  }

  /** A challenge's or lesson's constraint line, found by its text. */
  constraint(text: string): Locator {
    return this.page.locator('.constraints li').filter({ hasText: text });
  }

  get liveScore(): Locator {
    return this.page.getByTestId('live-score');
  }

  async liveScoreValue(): Promise<number> {
    return Number(await this.liveScore.textContent());
  }

  async submitChallenge(): Promise<void> {
    await this.page.getByTestId('submit-challenge').click();
  }

  get challengeResult(): Locator {
    return this.page.getByTestId('challenge-result');
  }

  get scoreExplain(): Locator {
    return this.page.getByTestId('score-explain');
  }

  /** "最高分 …" of a played challenge (any score when none given). */
  bestScore(score?: string): Locator {
    return this.page.getByText(score === undefined ? /最高分/ : `最高分 ${score}`);
  }

  /** A challenge lever's number field, by its id (`challenge-share-large`, `challenge-segments-2-spreadBp` …). */
  lever(id: string): Locator {
    return this.page.locator(`#${id}`);
  }

  /** Types an exact value into a lever's number field and commits it with Enter. */
  async typeLever(id: string, value: string): Promise<void> {
    const field = this.lever(id);
    await field.fill(value);
    await field.press('Enter');
  }

  async runMonteCarlo(): Promise<void> {
    await this.page.getByTestId('run-monte-carlo').click();
  }

  /** The note shown once the Monte Carlo has run on the current play. */
  get simulatedNote(): Locator {
    return this.page.getByText('已按当前方案模拟。');
  }

  // —— the workshop ——

  /** Clicks a button that downloads a file; returns the download. */
  async download(button: Locator): Promise<Download> {
    return downloadFrom(button);
  }

  async workshop(part: WorkshopPart): Promise<void> {
    await this.open(`tab=workshop&part=${part}`);
  }

  /** Trainer: names the pack being built. */
  async namePack(name: string): Promise<void> {
    await this.page.getByLabel('课程包名称').fill(name);
  }

  /** Trainer: exports the pack as a file. */
  async exportPack(): Promise<Download> {
    return this.download(this.page.getByTestId('export-pack'));
  }

  /** Trainer: makes the pack's link and returns it. */
  async makeLink(): Promise<string> {
    await this.page.getByTestId('make-link').click();
    return this.page.getByTestId('pack-link').inputValue();
  }

  get openPackTitle(): Locator {
    return this.page.getByTestId('open-pack-title');
  }

  async closePack(): Promise<void> {
    await this.page.getByRole('button', { name: '关闭课程包' }).click();
  }

  /** Team: opens a pack file. */
  async openPackFile(path: string): Promise<void> {
    await this.page.getByTestId('open-pack-file').setInputFiles(path);
  }

  async nameTeam(name: string): Promise<void> {
    await this.page.getByLabel('小组名称').fill(name);
  }

  /** Team: starts a challenge of the open pack and waits for its title. */
  async startChallenge(title: string): Promise<void> {
    await this.page.getByRole('link', { name: `开始挑战：${title}` }).click();
    await expect(this.title(title)).toBeVisible();
  }

  /** Team: back from a challenge to the open pack. */
  async backToPack(): Promise<void> {
    await this.page.getByRole('link', { name: /小组：打开课程包/ }).click();
  }

  /** The score of the submitted challenge, as shown. */
  async shownScore(): Promise<string> {
    const result = this.challengeResult;
    await expect(result).toContainText('得分是怎么算出来的');
    return (await result.getByTestId('score-value').innerText()).match(/\d+/)![0];
  }

  /** As a team: plays a challenge of the open pack with exact mix and SME spread (bp), submits, returns the score shown. */
  async playChallenge(title: string, levers: { large?: string; mid?: string; smallSpread?: string }): Promise<string> {
    await this.workshop('team');
    await this.startChallenge(title);
    if (levers.large) await this.typeLever('challenge-share-large-number', levers.large);
    if (levers.mid) await this.typeLever('challenge-share-mid-number', levers.mid);
    if (levers.smallSpread) await this.typeLever('challenge-segments-2-spreadBp', levers.smallSpread);
    await this.submitChallenge();
    return this.shownScore();
  }

  /** Team: downloads the results file of the open pack (on the page it is on). */
  async downloadResults(): Promise<Download> {
    return this.download(this.page.getByTestId('export-results'));
  }

  /** As a team: exports the results file; returns its path. */
  async exportResults(): Promise<string> {
    await this.workshop('team');
    return (await this.downloadResults()).path();
  }

  /** Trainer: imports a team's results file (a path, or a file built in the test). */
  async importResults(file: string | { name: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('import-results').setInputFiles(typeof file === 'string' ? file : { ...file, mimeType: 'application/json' });
  }

  /** "已导入“team”的结果。" */
  importedNote(team: string): Locator {
    return this.page.getByText(`已导入“${team}”的结果。`);
  }

  get importMessages(): Locator {
    return this.page.getByTestId('import-messages');
  }

  get problems(): Locator {
    return this.page.getByTestId('problems');
  }

  get leaderboard(): Locator {
    return this.page.getByTestId('leaderboard');
  }

  get leaderboardRows(): Locator {
    return this.page.getByTestId('leaderboard-row');
  }

  get flaggedTeams(): Locator {
    return this.page.getByTestId('flagged-teams');
  }

  get submissions(): Locator {
    return this.page.getByTestId('submissions');
  }

  /** The picker between packs on the results page: there only when results of several packs are loaded. */
  get resultsPackPicker(): Locator {
    return this.page.locator('#results-pack');
  }

  async removeTeam(team: string): Promise<void> {
    await this.page.getByRole('button', { name: `删除“${team}”的结果` }).click();
  }

  async openTeamOnDashboard(team: string): Promise<void> {
    await this.page.getByRole('button', { name: `在配比看板打开“${team}”的情景` }).click();
  }

  get workshopDebrief(): Locator {
    return this.page.getByTestId('workshop-debrief');
  }

  /** The debrief's chart of the teams' scores. */
  get debriefChart(): Locator {
    return this.workshopDebrief.getByRole('img');
  }

  get debriefScores(): Locator {
    return this.workshopDebrief.getByTestId('debrief-scores');
  }

  get debriefTable(): Locator {
    return this.workshopDebrief.getByTestId('debrief-table');
  }

  async toggleProjectorMode(): Promise<void> {
    await this.page.getByTestId('projector-mode').click();
  }

  get workshopSteps(): Locator {
    return this.page.getByRole('navigation', { name: '工作坊步骤' });
  }

  /** The printable result sheets (one per team and a summary), shown as the print button shows them. */
  async showPrintSheets(): Promise<void> {
    await this.page.evaluate(() => document.documentElement.classList.add('print-sheets'));
    await this.page.emulateMedia({ media: 'print' });
  }

  async hidePrintSheets(): Promise<void> {
    await this.page.emulateMedia({ media: 'screen' });
    await this.page.evaluate(() => document.documentElement.classList.remove('print-sheets'));
  }

  get printSheets(): Locator {
    return this.page.locator('.sheets');
  }

  get printSheet(): Locator {
    return this.printSheets.locator('.sheet');
  }
}
