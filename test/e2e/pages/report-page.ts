import { expect, type Locator, type Page } from '@playwright/test';
import { compact, pdfPageCount, pdfText } from '../pdf-text';

/** The printed report 打印报告: the page laid out for paper, rendered to a PDF. */
export class ReportPage {
  constructor(readonly page: Page) {}

  get report(): Locator {
    return this.page.getByTestId('report');
  }

  /** A section of the report, by its test id (`report-over-time` …). */
  section(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Prints to an A4 PDF once the report and each of `sections` are in the page; returns its page count and text. */
  async printToPdf(sections: string[] = []): Promise<{ pages: number; text: string }> {
    await this.page.emulateMedia({ media: 'print' });
    await expect(this.report).toBeAttached();
    for (const id of sections) await expect(this.section(id)).toBeAttached();
    const pdf = await this.page.pdf({ format: 'A4', preferCSSPageSize: true });
    await this.page.emulateMedia({ media: 'screen' });
    return { pages: pdfPageCount(pdf), text: compact(pdfText(pdf)) };
  }
}
