import { type Locator, type Page } from '@playwright/test';

/** Page model of the glossary 术语表. */
export class GlossaryPage {
  constructor(readonly page: Page) {}

  /** Opens the glossary, highlighting a term when given. */
  async open(term?: string): Promise<void> {
    await this.page.goto(`./#/glossary${term ? `?term=${term}` : ''}`);
  }

  /** A term's entry (`RAROC`, `LCR`, `HQLA` …). */
  term(id: string): Locator {
    return this.page.getByTestId(`term-${id}`);
  }
}
