import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { downloadFrom } from './app-shell';

/** Page model of the scenario library (after actualbudget/actual's e2e page models). */
export class LibraryPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./#/library');
    await expect(this.page.getByRole('heading', { name: /情景库|Scenario library/ }).first()).toBeVisible();
    await expect(this.page.getByText(/正在读取情景库|Reading the library/)).toHaveCount(0);
  }

  get cards(): Locator {
    return this.page.getByTestId('library-card');
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.page.locator(`[data-testid=card-title]`).and(this.page.locator(`[value="${title.replace(/"/g, '\\"')}"]`)) });
  }

  /** Card by position (newest edit first). */
  nth(i: number): Locator {
    return this.cards.nth(i);
  }

  async titles(): Promise<string[]> {
    return this.page.getByTestId('card-title').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  }

  async newFromDemo(): Promise<void> {
    await this.page.getByTestId('new-demo').click();
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.cards).toHaveCount(n);
  }

  async rename(card: Locator, title: string): Promise<void> {
    const input = card.getByTestId('card-title');
    await input.fill(title);
    await input.blur();
  }

  /** Opens a card's scenario in the workspace. */
  async openCard(card: Locator): Promise<void> {
    await card.getByTestId('card-open').click();
  }

  /** The figures of an imported loan book, shown once it is parsed. */
  get bookFigures(): Locator {
    return this.page.getByTestId('book-figures');
  }

  /** "共 n 个情景" */
  get count(): Locator {
    return this.page.getByTestId('library-count');
  }

  cardTitle(card: Locator): Locator {
    return card.getByTestId('card-title');
  }

  cardDescription(card: Locator): Locator {
    return card.getByTestId('card-description');
  }

  /** The tags as the card shows them (#培训 …). */
  cardTagList(card: Locator): Locator {
    return card.locator('.tags');
  }

  async tag(card: Locator, tags: string): Promise<void> {
    const input = card.getByTestId('card-tags');
    await input.fill(tags);
    await input.blur();
  }

  async describe(card: Locator, text: string): Promise<void> {
    const input = this.cardDescription(card);
    await input.fill(text);
    await input.blur();
  }

  /** Makes a card's share link and returns it. */
  async shareLink(card: Locator): Promise<string> {
    await card.getByTestId('card-share').click();
    return card.getByTestId('share-link').inputValue();
  }

  get importProblems(): Locator {
    return this.page.getByTestId('import-problems');
  }

  get bookProblems(): Locator {
    return this.page.getByTestId('book-problems');
  }

  /** "no loan book attached" on a card. */
  get bookNone(): Locator {
    return this.page.getByTestId('book-none');
  }

  /** The largest clients of the imported book. */
  get bookLargest(): Locator {
    return this.page.getByTestId('book-largest');
  }

  get storagePanel(): Locator {
    return this.page.getByTestId('storage-panel');
  }

  get storageUsage(): Locator {
    return this.page.getByTestId('storage-usage');
  }

  /** The warning that the library lives in memory only (no IndexedDB). */
  get memoryWarning(): Locator {
    return this.page.getByTestId('memory-warning');
  }

  get quotaWarning(): Locator {
    return this.page.getByTestId('quota-warning');
  }

  /** Exports the whole library as a file. */
  async exportAll(): Promise<Download> {
    return downloadFrom(this.page.getByRole('button', { name: /导出整个情景库/ }));
  }

  // —— a shared scenario, opened from a link ——

  get shared(): Locator {
    return this.page.getByTestId('shared-scenario');
  }

  get sharedName(): Locator {
    return this.page.getByTestId('shared-name');
  }

  /** What the shared scenario changes from the demo bank. */
  get sharedDiffers(): Locator {
    return this.page.getByTestId('shared-differs');
  }

  get sharedContent(): Locator {
    return this.page.getByTestId('shared-content');
  }

  /** Any editable control in the shared view (there should be none: it is read-only). */
  get sharedControls(): Locator {
    return this.shared.locator('input, textarea, select');
  }

  /** The first figure of the shared scenario. */
  get sharedFigure(): Locator {
    return this.shared.locator('.num').first();
  }

  async saveShared(): Promise<void> {
    await this.page.getByTestId('shared-save').click();
  }

  get sharedSaved(): Locator {
    return this.page.getByTestId('shared-saved');
  }

  async openShared(): Promise<void> {
    await this.page.getByTestId('shared-open').click();
  }

  get sharedProblems(): Locator {
    return this.page.getByTestId('shared-problems');
  }

  /** The message when the worker that decodes the link did not answer, with its Retry button. */
  get sharedFailure(): Locator {
    return this.page.getByTestId('shared-failure');
  }

  async retryShared(): Promise<void> {
    await this.sharedFailure.getByRole('button').click();
  }

  async importJson(name: string, content: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  async importCsv(card: Locator, name: string, content: string): Promise<void> {
    await card.getByTestId('card-book').click();
    await card.getByTestId('book-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  }

  /** Every library record as stored in IndexedDB (id, title, tags, data), read in the page. */
  async stored(): Promise<{ id: string; title: string; tags: string[]; deletedAt?: number | null; data: unknown }[]> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('tong-mix-lab');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const all = db.transaction('scenarios').objectStore('scenarios').getAll();
            all.onsuccess = () => {
              resolve(all.result);
              db.close();
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  async storedLoanBooks(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('tong-mix-lab');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const c = db.transaction('loanBooks').objectStore('loanBooks').count();
            c.onsuccess = () => {
              resolve(c.result);
              db.close();
            };
          };
        }),
    );
  }
}
