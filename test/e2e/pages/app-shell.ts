import { expect, type Locator, type Page } from '@playwright/test';

/** What every screen shares: the header, the language switch, the nav, the open dialog, the screen's heading. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Switches the interface language with the header's button and waits for the page to say so. */
  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByRole('button', { name: lang === 'en' ? 'English' : '中文', exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
  }

  /** Opens a screen by its address (`dashboard`, `glossary?term=RAROC` …). */
  async goto(hash: string): Promise<void> {
    await this.page.goto(`./#/${hash}`);
  }

  /** Follows a link of the main navigation by its name. */
  async navigate(name: string | RegExp): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name }).first().click();
  }

  get header(): Locator {
    return this.page.locator('header.app-header');
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  /** The open screen's first level-2 heading: there once the screen has rendered. */
  get screenHeading(): Locator {
    return this.page.locator('main h2').first();
  }

  heading(name: string | RegExp, level?: number): Locator {
    return this.page.getByRole('heading', { name, ...(level ? { level } : {}) });
  }

  /** The open modal dialog. */
  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Alerts on the page, optionally those with a text. */
  alerts(text?: string | RegExp): Locator {
    return this.page.getByRole('alert').filter(text ? { hasText: text } : {});
  }

  /** "Another page upgraded the database: reload" */
  get dbReplacedNotice(): Locator {
    return this.page.getByTestId('db-replaced');
  }

  /** "The open record was damaged: your edits were saved as a new scenario" */
  get recoveredNotice(): Locator {
    return this.page.getByTestId('recovered');
  }

  get saveError(): Locator {
    return this.page.getByTestId('save-error');
  }

  /** The whole page's text, for "nothing reads NaN"-style checks. */
  get body(): Locator {
    return this.page.locator('body');
  }
}
