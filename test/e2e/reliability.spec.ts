/**
 * Faults injected in Chromium: a strict content policy across every screen, two pages on the
 * default workspace, a reload right after an edit, killed engine workers, a decompression-bomb
 * share link, a database upgraded by another page, and 1,000 rapid edits with the page closed at
 * random moments. Each test is one finding of the reliability review, kept as a regression test.
 */
import { expect, test, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';

/** Records every securitypolicyviolation of the page (installed before any script runs). */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...fromConsole];
}

async function openDashboard(page: Page, hash = ''): Promise<void> {
  await page.goto(`./${hash}`);
  await expect(page.getByTestId('kpi-netProfit')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText(/已保存|Saved/);
}

const lpr = (page: Page) => page.locator('#lpr');

/** Types a value into a number field as a user would (one input event). */
async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
}

test('the content policy holds on every screen, every engine, a share link and a lesson', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchPolicy(page);
  await openDashboard(page);
  await typeInto(page, '#lpr', '3.2'); // the engine worker
  await expect(page.getByTestId('save-status')).toHaveText(/已保存/);
  for (const id of ['risk', 'over-time', 'design', 'library', 'compare', 'portfolio', 'training', 'glossary']) {
    await page.goto(`./#/${id}`);
    await expect(page.locator('main')).not.toContainText('计算出错');
    await page.waitForTimeout(300);
  }
  // Each engine: the loss distribution, the mix design grid, the Monte Carlo pool, the portfolio pool.
  await page.goto('./#/risk');
  await expect(page.getByTestId('risk-addon')).toBeVisible({ timeout: 30_000 });
  await page.goto('./#/design');
  await expect(page.getByTestId('design-status')).toContainText(/5,151/, { timeout: 30_000 });
  await page.goto('./#/over-time');
  await page.locator('#ot-paths').selectOption('1000');
  await page.getByTestId('ot-run').click();
  await expect(page.getByTestId('ot-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await page.goto('./#/portfolio');
  await expect(page.getByTestId('pf-client-name')).toBeVisible();
  // A share link, made by the app itself, and a lesson.
  await page.goto('./#/library');
  await page.getByTestId('new-demo').click();
  await page.getByTestId('card-share').first().click();
  const link = await page.getByTestId('share-link').first().inputValue();
  await page.goto(link);
  await expect(page.getByTestId('shared-scenario')).toContainText(/只读/);
  await expect(page.getByTestId('shared-scenario').locator('.num').first()).toBeVisible();
  await page.goto('./#/training');
  await page.getByRole('link', { name: /第1课/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /第1课/ })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('two pages on the default workspace keep each other’s edits, and a reload shows both', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openDashboard(a);
  await openDashboard(b);
  await typeInto(a, '#lpr', '3.3');
  await expect(a.getByTestId('save-status')).toHaveText(/已保存/);
  await expect(lpr(b)).toHaveValue('3.3'); // B follows A's save
  await b.locator('#capital-approach').selectOption('irb');
  await expect(b.getByTestId('save-status')).toHaveText(/已保存/);
  await a.reload();
  await expect(a.getByTestId('kpi-netProfit')).toBeVisible();
  await expect(lpr(a)).toHaveValue('3.3');
  await expect(a.locator('#capital-approach')).toHaveValue('irb');
});

test('a reload right after an edit keeps the edit (the journal written on page hide)', async ({ page }) => {
  await openDashboard(page);
  for (let i = 0; i < 6; i++) {
    const value = String(2.55 + i * 0.1).slice(0, 4);
    await typeInto(page, '#lpr', value);
    await page.reload(); // at once: the throttled save has not run yet
    await expect(page.getByTestId('kpi-netProfit')).toBeVisible();
    await expect(lpr(page)).toHaveValue(value);
  }
});

test('killed engine workers: the dashboard goes on in the page, a worker call says what failed, Retry runs it on a fresh worker', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const Real = window.Worker;
    const made: Worker[] = [];
    (window as unknown as { __workers: Worker[] }).__workers = made;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(this);
      }
    } as typeof Worker;
  });
  await openDashboard(page);
  const before = await page.getByTestId('kpi-netProfit').locator('.value').innerText();
  await page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.forEach((w) => w.terminate()));
  await typeInto(page, '#lpr', '4.5');
  // The dashboard's figures are the closed form on the page's thread: no worker is needed for them.
  await expect(page.getByTestId('kpi-netProfit').locator('.value')).not.toHaveText(before);
  // A call that needs the worker (a share link, decoded there) is noticed by the watchdog.
  await page.goto('./#/library?d=AAAA');
  const failure = page.getByTestId('shared-failure');
  await expect(failure).toContainText(/没有答复/, { timeout: 30_000 });
  await failure.getByRole('button').click();
  await expect(failure).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('shared-problems')).toBeVisible();
});

test('a decompression-bomb share link is refused at the cap, and the page stays responsive', async ({ page }) => {
  await openDashboard(page);
  const bomb = deflateRawSync(Buffer.alloc(48 * 1024 * 1024)).toString('base64url'); // ≈ 64 k characters
  const started = Date.now();
  await page.goto(`./#/library?d=${bomb}`);
  await expect(page.getByTestId('shared-problems')).toContainText(/上限/, { timeout: 20_000 });
  // The page answers at once (the inflating ran in the worker and stopped at the cap).
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(Date.now() - started).toBeLessThan(20_000);
  const tooLong = 'A'.repeat(200_000);
  await page.goto(`./#/library?d=${tooLong}`);
  await expect(page.getByTestId('shared-problems')).toContainText(/链接过长/);
});

test('another page upgrades the database: this page stops writing, keeps its screen, asks to reload', async ({ context }) => {
  const a = await context.newPage();
  await openDashboard(a);
  await typeInto(a, '#lpr', '3.4');
  await expect(a.getByTestId('save-status')).toHaveText(/已保存/);
  const b = await context.newPage();
  await b.goto('./icon.svg');
  const upgraded = await b.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('tong-mix-lab', 990);
        req.onsuccess = () => (req.result.close(), resolve('upgraded'));
        req.onblocked = () => resolve('blocked');
        req.onerror = () => resolve(String(req.error));
      }),
  );
  expect(upgraded).toBe('upgraded');
  await expect(a.getByTestId('db-replaced')).toBeVisible();
  await expect(lpr(a)).toHaveValue('3.4'); // the screen stays
  await typeInto(a, '#lpr', '3.6'); // kept in the journal, not written with the old schema
  await expect(a.getByTestId('kpi-netProfit')).toBeVisible();
});

test('soak: 1,000 rapid edits, the page closed at random moments, loses at most the last half-second', async ({ context }) => {
  test.setTimeout(150_000);
  type Log = { n: number; t: number }[];
  /** Opens a page and checks that the edit shown is no older than half a second before the last logged edit. */
  async function reopenAndCheck(log: Log, round: number): Promise<Page> {
    const page = await context.newPage();
    await openDashboard(page);
    await expect(page.locator('[role=alert]', { hasText: /损坏/ })).toHaveCount(0); // never a damaged record
    if (log.length) {
      const k = Math.round((Number(await lpr(page).inputValue()) - 1) * 1000);
      const last = log[log.length - 1];
      const floor = log.filter((e) => e.t <= last.t - 500).pop();
      expect(k, `round ${round}: restored edit ${k}, last logged ${last.n}`).toBeGreaterThanOrEqual(floor ? floor.n : log[0].n - 1);
    }
    return page;
  }
  let next = 0; // edit n sets LPR to (1 + n × 0.001) %: every edit's value is distinct
  let log: Log = [];
  let round = 0;
  while (next < 1000) {
    const page = await reopenAndCheck(log, round);
    // At most 125 edits a round: at least eight closes whatever the machine's speed (a fast machine
    // finishes a round's edits before its random close; a slow one is closed mid-run).
    const count = Math.min(125, 1000 - next);
    await page.evaluate(
      ({ start, count }) => {
        const input = document.querySelector<HTMLInputElement>('#lpr')!;
        const log: { n: number; t: number }[] = [];
        (window as unknown as { __log: typeof log }).__log = log;
        let n = start;
        // Bursts of eight edits every 10 ms: faster than typing or dragging ever edits.
        const timer = setInterval(() => {
          for (let j = 0; j < 8; j++) {
            if (n >= start + count) return clearInterval(timer);
            input.value = (1 + n * 0.001).toFixed(3);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            log.push({ n, t: performance.now() });
            n++;
          }
        }, 10);
      },
      { start: next, count },
    );
    await page.waitForTimeout(200 + Math.floor(Math.random() * 1000)); // a random moment, mid-run or after
    log = await page.evaluate(() => (window as unknown as { __log: { n: number; t: number }[] }).__log);
    // Closed as a user closes a tab (pagehide runs); a crash is covered by the throttled saves.
    await page.close({ runBeforeUnload: true });
    if (log.length) next = log[log.length - 1].n + 1;
    round++;
  }
  await reopenAndCheck(log, round);
  expect(round).toBeGreaterThanOrEqual(8);
});

test('the open library record is damaged: the page says so and saves the edits as a new scenario', async ({ page }) => {
  await page.goto('./#/library');
  await page.getByTestId('new-demo').click();
  await page.getByTestId('card-open').first().click();
  await expect(page.getByTestId('kpi-netProfit')).toBeVisible();
  // Damage the record in IndexedDB, as another program (or a bug) might.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('tong-mix-lab');
        req.onsuccess = () => {
          const store = req.result.transaction('scenarios', 'readwrite').objectStore('scenarios');
          const all = store.getAll();
          all.onsuccess = () => {
            const r = all.result[0];
            store.put({ ...r, data: { ...r.data, segments: 'gone' }, updatedAt: r.updatedAt + 1 });
            store.transaction.oncomplete = () => (req.result.close(), resolve());
          };
        };
      }),
  );
  await typeInto(page, '#lpr', '3.7');
  await expect(page.getByTestId('recovered')).toContainText(/已损坏.*另存为新情景/);
  await expect(page.getByTestId('save-status')).toHaveText(/已保存/);
  await page.goto('./#/library');
  await expect(page.getByTestId('library-count')).toHaveText('共 2 个情景');
});

test('a full disk: the page names the cause and the export carries what is on screen', async ({ page }) => {
  await openDashboard(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await typeInto(page, '#lpr', '3.8');
  await expect(page.getByTestId('save-error')).toContainText('磁盘空间已满');
  await expect(page.getByTestId('save-status')).toHaveText(/未保存/);
  await page.goto('./#/library');
  await expect(page.getByTestId('quota-warning')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出整个情景库/ }).click()]);
  const file = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
  expect(file.scenarios[0].scenario.market.lpr1y).toBeCloseTo(0.038, 10);
});
