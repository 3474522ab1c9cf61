import { expect, type Locator, type Page } from '@playwright/test';

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
