import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Clicks a button that downloads a file; returns the download. */
export async function downloadFrom(button: Locator): Promise<Download> {
  const [download] = await Promise.all([button.page().waitForEvent('download'), button.click()]);
  return download;
}

/** What every screen shares: the header, the language switch, the nav, the open dialog, the screen's heading. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Switches the interface language with the header's button and waits for the page to say so. */
  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.languageButton(lang).click();
    await expect(this.html).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
  }

  /** The header's button that switches to a language (named in that language). */
  languageButton(lang: 'zh' | 'en'): Locator {
    return this.page.getByRole('button', { name: lang === 'en' ? 'English' : '中文', exact: true });
  }

  /** Makes the app's own code (the chunk the page's entry imports) fail to download, as offline before it was ever cached. */
  async failAppFiles(): Promise<void> {
    await this.page.route(/\/start-[\w-]+\.js$/, (route) => route.abort());
  }

  /** The line the page's static frame shows when the app's files cannot be loaded. */
  get loadFailure(): Locator {
    return this.page.locator('#boot').getByRole('alert');
  }

  /** The frame's visible "loading" line (in the chosen language). */
  get loadingLine(): Locator {
    return this.page.locator('#boot .boot-loading').filter({ visible: true });
  }

  /** The document element (its `lang` says the interface language). */
  get html(): Locator {
    return this.page.locator('html');
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

  /** The header's projector (presentation) mode button. */
  get projectorButton(): Locator {
    return this.page.getByRole('button', { name: /投影模式|演示模式|Projector|Presentation/ });
  }

  /**
   * Waits until the page has settled: two frames drawn (layout and resize observers have run),
   * every finite CSS animation and transition finished, and the main thread idle.
   */
  async settled(): Promise<void> {
    await this.page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const finite = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
      await new Promise((resolve) => requestIdleCallback(resolve));
    });
  }

  /** "新版本已就绪" with its reload button, once a new version waits. */
  get updateReady(): Locator {
    return this.page.getByTestId('update-ready');
  }

  /** Presses the update's reload button and waits for the page to load again. */
  async reloadToUpdate(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByTestId('update-reload').click()]);
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
