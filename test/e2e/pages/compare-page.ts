import { type Locator, type Page } from '@playwright/test';

/** Page model of the comparison 情景对比: figures side by side, differing inputs, the attribution waterfall. */
export class ComparePage {
  constructor(readonly page: Page) {}

  /** Opens the comparison of library scenarios by id (`builtin:demo` …). */
  async open(ids: string[]): Promise<void> {
    await this.page.goto(`./#/compare?ids=${ids.join(',')}`);
  }

  get figures(): Locator {
    return this.page.getByTestId('compare-figures');
  }

  /** A figure's row (`netProfit` …). */
  figure(metric: string): Locator {
    return this.figures.locator(`tr[data-metric=${metric}]`);
  }

  get inputs(): Locator {
    return this.page.getByTestId('compare-inputs');
  }

  /** The input cells marked as differing between the scenarios. */
  get differingInputs(): Locator {
    return this.inputs.locator('td.differs');
  }

  get waterfall(): Locator {
    return this.page.getByTestId('waterfall');
  }

  /** A row of the attribution table (`mix`, `volume` …). */
  effect(name: string): Locator {
    return this.page.getByTestId('attribution-table').locator(`tr[data-effect=${name}]`);
  }
}
