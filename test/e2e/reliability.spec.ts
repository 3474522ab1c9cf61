/**
 * Faults injected in Chromium: a strict content policy across every screen, two pages on the
 * default workspace, a reload right after an edit, killed engine workers, a decompression-bomb
 * share link, a database upgraded by another page, and 1,000 rapid edits with the page closed at
 * random moments. Each test is one finding of the reliability review, kept as a regression test.
 */
import { expect, test, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { AppShell } from './pages/app-shell';
import { DashboardPage } from './pages/dashboard-page';
import { DesignPage } from './pages/design-page';
import { LibraryPage } from './pages/library-page';
import { NetworkWatch } from './pages/network-watch';
import { OverTimePage } from './pages/over-time-page';
import { PortfolioPage } from './pages/portfolio-page';
import { RiskPage } from './pages/risk-page';
import { TrainingPage } from './pages/training-page';

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

/** Opens the dashboard and waits until the workspace is loaded and saved. */
async function openDashboard(page: Page): Promise<DashboardPage> {
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.waitSaved();
  return dash;
}

test('the content policy holds on every screen, every engine, a share link and a lesson', async ({ page, context }) => {
  test.setTimeout(180_000);
  const violations = await watchPolicy(page);
  const network = new NetworkWatch(page, context);
  const dash = await openDashboard(page);
  await dash.typeLpr('3.2'); // the engine worker
  await expect(dash.saveStatus).toHaveText(/已保存/);
  const shell = dash.shell;
  for (const id of ['risk', 'over-time', 'design', 'library', 'compare', 'portfolio', 'training', 'glossary']) {
    await shell.goto(id);
    await expect(shell.screenHeading).toBeVisible();
    await expect(shell.main).not.toContainText('计算出错');
    // The screen's code, styles and workers have all loaded: a violation they cause has been reported.
    await network.settled();
  }
  // Each engine: the loss distribution, the mix design grid, the Monte Carlo pool, the portfolio pool.
  const risk = new RiskPage(page);
  await risk.openByAddress();
  await expect(risk.figure('addon')).toBeVisible({ timeout: 30_000 });
  const design = new DesignPage(page);
  await design.openByAddress();
  await expect(design.status).toContainText(/5,151/, { timeout: 30_000 });
  const overTime = new OverTimePage(page);
  await shell.goto('over-time');
  await overTime.setPaths(1000);
  await overTime.runButton.click();
  await expect(overTime.status).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await shell.goto('portfolio');
  await expect(new PortfolioPage(page).clientName).toBeVisible();
  // A share link, made by the app itself, and a lesson.
  const lib = new LibraryPage(page);
  await shell.goto('library');
  await lib.newFromDemo();
  const link = await lib.shareLink(lib.nth(0));
  await page.goto(link);
  await expect(lib.shared).toContainText(/只读/);
  await expect(lib.sharedFigure).toBeVisible();
  const lesson = new TrainingPage(page);
  await lesson.open();
  await lesson.lessonLink(/第1课/).click();
  await expect(lesson.title(/第1课/)).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('two pages on the default workspace keep each other’s edits, and a reload shows both', async ({ context }) => {
  const a = await openDashboard(await context.newPage());
  const b = await openDashboard(await context.newPage());
  await a.typeLpr('3.3');
  await expect(a.saveStatus).toHaveText(/已保存/);
  await expect(b.lpr).toHaveValue('3.3'); // B follows A's save
  await b.chooseCapitalApproach('irb');
  await expect(b.saveStatus).toHaveText(/已保存/);
  await a.page.reload();
  await expect(a.kpi('netProfit')).toBeVisible();
  await expect(a.lpr).toHaveValue('3.3');
  await expect(a.capitalApproach).toHaveValue('irb');
});

test('a reload right after an edit keeps the edit (the journal written on page hide)', async ({ page }) => {
  const dash = await openDashboard(page);
  for (let i = 0; i < 6; i++) {
    const value = String(2.55 + i * 0.1).slice(0, 4);
    await dash.typeLpr(value);
    await page.reload(); // at once: the throttled save has not run yet
    await expect(dash.kpi('netProfit')).toBeVisible();
    await expect(dash.lpr).toHaveValue(value);
  }
});

test('the app’s files cannot be fetched: the page’s frame says so, in the chosen language, instead of loading for ever', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.failAppFiles();
  await page.goto('./');
  await expect(shell.loadFailure).toBeVisible();
  await expect(shell.loadFailure).toContainText('应用未能载入');
  await expect(shell.loadingLine).toHaveCount(0);

  await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
  await page.reload();
  await expect(shell.loadFailure).toContainText('The app could not load');
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
  const dash = await openDashboard(page);
  const before = await dash.kpiValue('netProfit').innerText();
  // The page starts its two engine workers once the first screen is shown and the page is idle: kill them once they are there.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.length)).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => (window as unknown as { __workers: Worker[] }).__workers.forEach((w) => w.terminate()));
  await dash.typeLpr('4.5');
  // The dashboard's figures are the closed form on the page's thread: no worker is needed for them.
  await expect(dash.kpiValue('netProfit')).not.toHaveText(before);
  // A call that needs the worker (a share link, decoded there) is noticed by the watchdog.
  const lib = new LibraryPage(page);
  await dash.shell.goto('library?d=AAAA');
  await expect(lib.sharedFailure).toContainText(/没有答复/, { timeout: 30_000 });
  await lib.retryShared();
  await expect(lib.sharedFailure).toHaveCount(0, { timeout: 15_000 });
  await expect(lib.sharedProblems).toBeVisible();
});

test('a decompression-bomb share link is refused at the cap, and the page stays responsive', async ({ page }) => {
  const dash = await openDashboard(page);
  const lib = new LibraryPage(page);
  const bomb = deflateRawSync(Buffer.alloc(48 * 1024 * 1024)).toString('base64url'); // ≈ 64 k characters
  const started = Date.now();
  await dash.shell.goto(`library?d=${bomb}`);
  await expect(lib.sharedProblems).toContainText(/上限/, { timeout: 20_000 });
  // The page answers at once (the inflating ran in the worker and stopped at the cap).
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(Date.now() - started).toBeLessThan(20_000);
  const tooLong = 'A'.repeat(200_000);
  await dash.shell.goto(`library?d=${tooLong}`);
  await expect(lib.sharedProblems).toContainText(/链接过长/);
});

test('another page upgrades the database: this page stops writing, keeps its screen, asks to reload', async ({ context }) => {
  const a = await openDashboard(await context.newPage());
  await a.typeLpr('3.4');
  await expect(a.saveStatus).toHaveText(/已保存/);
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
  await expect(a.shell.dbReplacedNotice).toBeVisible();
  await expect(a.lpr).toHaveValue('3.4'); // the screen stays
  await a.typeLpr('3.6'); // kept in the journal, not written with the old schema
  await expect(a.kpi('netProfit')).toBeVisible();
});

test('soak: 1,000 rapid edits, the page closed at random moments, loses at most the last half-second', async ({ context }) => {
  test.setTimeout(150_000);
  type Log = { n: number; t: number }[];
  /** Opens a page and checks that the edit shown is no older than half a second before the last logged edit. */
  async function reopenAndCheck(log: Log, round: number): Promise<DashboardPage> {
    const dash = await openDashboard(await context.newPage());
    await expect(dash.shell.alerts(/损坏/)).toHaveCount(0); // never a damaged record
    if (log.length) {
      const k = Math.round((Number(await dash.lpr.inputValue()) - 1) * 1000);
      const last = log[log.length - 1];
      const floor = log.filter((e) => e.t <= last.t - 500).pop();
      expect(k, `round ${round}: restored edit ${k}, last logged ${last.n}`).toBeGreaterThanOrEqual(floor ? floor.n : log[0].n - 1);
    }
    return dash;
  }
  let next = 0; // edit n sets LPR to (1 + n × 0.001) %: every edit's value is distinct
  let log: Log = [];
  let round = 0;
  while (next < 1000) {
    const dash = await reopenAndCheck(log, round);
    const page = dash.page;
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
    // A random moment, chosen by what the page has done rather than by a timer: mid-run after a
    // random number of edits, or (one round in four) after every edit, once the save has run.
    if (Math.random() < 0.25) {
      await page.waitForFunction((count) => (window as unknown as { __log: unknown[] }).__log.length >= count, count);
      await dash.waitSaved();
    } else {
      const at = 1 + Math.floor(Math.random() * count);
      await page.waitForFunction((at) => (window as unknown as { __log: unknown[] }).__log.length >= at, at);
    }
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
  const lib = new LibraryPage(page);
  const dash = new DashboardPage(page);
  await dash.shell.goto('library');
  await lib.newFromDemo();
  await lib.openCard(lib.nth(0));
  await expect(dash.kpi('netProfit')).toBeVisible();
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
  await dash.typeLpr('3.7');
  await expect(dash.shell.recoveredNotice).toContainText(/已损坏.*另存为新情景/);
  await expect(dash.saveStatus).toHaveText(/已保存/);
  await dash.shell.goto('library');
  await expect(lib.count).toHaveText('共 2 个情景');
});

test('a full disk: the page names the cause and the export carries what is on screen', async ({ page }) => {
  const dash = await openDashboard(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await dash.typeLpr('3.8');
  await expect(dash.shell.saveError).toContainText('磁盘空间已满');
  await expect(dash.saveStatus).toHaveText(/未保存/);
  const lib = new LibraryPage(page);
  await dash.shell.goto('library');
  await expect(lib.quotaWarning).toBeVisible();
  const download = await lib.exportAll();
  const file = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
  expect(file.scenarios[0].scenario.market.lpr1y).toBeCloseTo(0.038, 10);
});
