/**
 * `npm run bench:browser`: the browser figures of the built site in Debian's Chromium, one row per
 * goal, printed as a Markdown table with the date and the machine's load average. It builds the
 * site (or uses dist/ with `--no-build`), serves it under /mix-lab/ (test/e2e/serve-subpath.mjs)
 * and drives Chromium headless with Playwright. Benchmarks print numbers; they never fail a build.
 *
 *   npm run bench:browser                      all rows (builds first)
 *   npm run bench:browser -- --no-build        against the current dist/
 *   npm run bench:browser -- --only slider     one row (or several: --only firstload,portfolio)
 *
 * Rows: firstload, lighthouse, slider, overtime, design, rebalancing, portfolio, book.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bookCsv, generateBook } from '../../test/fixtures/book-generator';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** The launch flags of playwright.config.ts: no network of Chromium's own. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const ROWS = ['firstload', 'lighthouse', 'slider', 'overtime', 'design', 'rebalancing', 'portfolio', 'book'] as const;
type RowKey = (typeof ROWS)[number];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1]?.split(',')) : null;
if (only) for (const k of only) if (!ROWS.includes(k as RowKey)) throw new Error(`--only: no row "${k}" (rows: ${ROWS.join(', ')})`);
const wants = (k: RowKey) => !only || only.has(k);

interface Row {
  what: string;
  figure: string;
  goal: string;
}
const rows: Row[] = [];
const notes: string[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x: number) => `${Math.round(x)} ms`;
const sec = (x: number) => `${x.toFixed(2)} s`;

if (!argv.includes('--no-build')) {
  console.error('building the site (vite build)…');
  const built = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('vite build failed');
}
if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run without --no-build`);

const port = Number(process.env.BENCH_PORT ?? 4196);
const BASE = `http://127.0.0.1:${port}/mix-lab/`;
const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'test/e2e/serve-subpath.mjs')], {
  env: { ...process.env, PORT: String(port), DIST_DIR: DIST },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));

async function newPage(browser: Browser, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  if (lang === 'en') await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return page;
}

/** The gzip size of a built file, by its URL under the site. */
function gzipOf(url: string): number {
  const path = join(DIST, decodeURIComponent(new URL(url).pathname.replace('/mix-lab/', '')));
  return existsSync(path) ? gzipSync(readFileSync(path)).length : 0;
}

/**
 * First load of the dashboard: the JS the page's main thread requests until the dashboard's
 * figures are on screen (resource timing), and apart what it loads after that at idle.
 */
async function firstLoad(browser: Browser): Promise<void> {
  const page = await newPage(browser);
  const workers = new Set<string>();
  page.on('worker', (w) => workers.add(w.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __kpiAt: number; __tasks: number[] };
    w.__kpiAt = 0;
    w.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="kpi-netProfit"] .value')?.textContent?.trim()) {
        w.__kpiAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`${BASE}#/dashboard`, { waitUntil: 'networkidle' });
  await page.getByTestId('kpi-netProfit').waitFor();
  await page.waitForTimeout(1500);
  const { kpiAt, scripts, tasks } = await page.evaluate(() => ({
    kpiAt: (window as unknown as { __kpiAt: number }).__kpiAt,
    tasks: (window as unknown as { __tasks: number[] }).__tasks,
    scripts: performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ url: e.name, start: e.startTime })),
  }));
  // A worker's own script (and the service worker's) is not the page's main-thread code.
  const isWorker = (u: string) => workers.has(u) || /\.worker-[\w-]+\.js$/.test(u) || /\/(sw|workbox-[\w]+)\.js$/.test(u);
  const first = scripts.filter((s) => !isWorker(s.url) && s.start <= kpiAt);
  const later = scripts.filter((s) => !isWorker(s.url) && s.start > kpiAt);
  const off = scripts.filter((s) => isWorker(s.url));
  const kb = (list: { url: string }[]) => list.reduce((sum, s) => sum + gzipOf(s.url), 0) / 1024;
  if (process.env.BENCH_VERBOSE)
    for (const s of [...first, ...later])
      console.error(`  ${(gzipOf(s.url) / 1024).toFixed(1)} KB ${s.url.replace(BASE, '')}${s.start > kpiAt ? ' (after)' : ''}`);
  rows.push({
    what: 'first load of the dashboard: main-thread JS requested until its figures are on screen, gzip (zlib on the files)',
    figure: `${kb(first).toFixed(1)} KB in ${first.length} files; then at idle ${kb(later).toFixed(1)} KB more on the page (print report, capital badge) and ${kb(off).toFixed(1)} KB of worker code`,
    goal: '≤ 110 KB',
  });
  rows.push({
    what: 'first load of the dashboard: the main thread’s tasks over 50 ms until 1.5 s after its figures (Long Tasks API)',
    figure: tasks.length ? `longest ${Math.max(...tasks).toFixed(0)} ms; ${tasks.length} tasks over 50 ms` : 'none over 50 ms',
    goal: 'none over 100 ms',
  });
  await page.close();
}

/** Lighthouse mobile (simulated throttling), or the same figures from the Performance API. */
async function lighthouse(browser: Browser): Promise<void> {
  let lh: typeof import('lighthouse') | null = null;
  let launcher: typeof import('chrome-launcher') | null = null;
  try {
    lh = await import('lighthouse');
    launcher = await import('chrome-launcher');
  } catch {
    lh = null;
  }
  if (lh && launcher) {
    const chrome = await launcher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', ...CHROME_ARGS] });
    try {
      const result = await lh.default(`${BASE}#/dashboard`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        formFactor: 'mobile',
        throttlingMethod: 'simulate',
      });
      const lhr = result!.lhr;
      if (process.env.BENCH_LHR) writeFileSync(process.env.BENCH_LHR, JSON.stringify(lhr));
      const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
      const audit = (k: string) => lhr.audits[k]?.numericValue ?? NaN;
      rows.push({
        what: 'Lighthouse mobile (simulated throttling): performance / accessibility / best practices / SEO',
        figure: `${score('performance')} / ${score('accessibility')} / ${score('best-practices')} / ${score('seo')}; TBT ${ms(audit('total-blocking-time'))}, LCP ${sec(audit('largest-contentful-paint') / 1000)}`,
        goal: '≥ 95 / 100 / 100 / 100',
      });
      // What keeps accessibility, best practices or SEO below 100 (audits with weight that did not pass).
      for (const k of ['accessibility', 'best-practices', 'seo']) {
        const failed = (lhr.categories[k]?.auditRefs ?? []).filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => r.id);
        if (failed.length) notes.push(`Lighthouse ${k}: not passed: ${failed.join(', ')}`);
      }
      return;
    } finally {
      await chrome.kill();
    }
  }
  // Fallback: LCP and the long tasks' blocking time (TBT's definition) on this machine, unthrottled.
  const page = await newPage(browser);
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __tbt: number };
    w.__lcp = 0;
    w.__tbt = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__tbt += Math.max(0, e.duration - 50)))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${BASE}#/dashboard`, { waitUntil: 'networkidle' });
  await page.getByTestId('kpi-netProfit').waitFor();
  await page.waitForTimeout(1000);
  const { lcp, tbt } = await page.evaluate(() => ({
    lcp: (window as unknown as { __lcp: number }).__lcp,
    tbt: (window as unknown as { __tbt: number }).__tbt,
  }));
  rows.push({
    what: 'Lighthouse could not run here: Performance API on this machine, unthrottled (LCP; sum of long tasks over 50 ms)',
    figure: `LCP ${ms(lcp)}, TBT ${ms(tbt)}`,
    goal: 'perf ≥ 95',
  });
  notes.push('the lighthouse row fell back to the Performance API (the `lighthouse` package is not installed or failed to run)');
  await page.close();
}

/**
 * A key press on the 小客户 share slider to the frame that shows the new 净利润: from the keydown
 * event's time stamp to the requestAnimationFrame after the KPI's text changed.
 */
async function slider(browser: Browser, rate: number, presses = 40): Promise<number[]> {
  const page = await newPage(browser);
  await page.goto(`${BASE}#/dashboard`);
  await page.getByTestId('kpi-netProfit').waitFor();
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const range = page.locator('#share-range-small');
  await range.focus();
  // From 10% the presses go 10 → 9 → 10 …: every one changes the mix, so every one changes 净利润.
  const times: number[] = [];
  for (let i = 0; i < presses; i++) {
    // Installed before the press (and awaited after it), so the keydown is never missed.
    await page.evaluate(() => {
      const w = window as unknown as { __press: Promise<number> };
      w.__press = new Promise<number>((resolve, reject) => {
        const card = document.querySelector('[data-testid="kpi-netProfit"]')!;
        const text = () => card.querySelector('.value')?.textContent;
        const before = text();
        let down = 0;
        addEventListener('keydown', (e) => (down = e.timeStamp), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (down === 0 || text() === before) return;
          observer.disconnect();
          requestAnimationFrame((frame) => resolve(frame - down));
        });
        observer.observe(card, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('净利润 did not change within 15 s')), 15_000);
      });
    });
    await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight');
    times.push(await page.evaluate(() => (window as unknown as { __press: Promise<number> }).__press));
    // the next press starts once the figures are still (no later update of this one is taken for it)
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const kpi = document.querySelector('[data-testid="kpi-netProfit"]')!;
          let timer = setTimeout(done, 150);
          const observer = new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(done, 150);
          });
          observer.observe(kpi, { childList: true, subtree: true, characterData: true });
          function done() {
            observer.disconnect();
            resolve();
          }
        }),
    );
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
  return times;
}

async function sliderRows(browser: Browser): Promise<void> {
  const once = await slider(browser, 1);
  const slow = await slider(browser, 4);
  rows.push({
    what: `slider key press → new 净利润 on screen (keydown to the frame after the change; ${once.length} presses)`,
    figure: `p50 ${ms(quantile(once, 0.5))}, p95 ${ms(quantile(once, 0.95))}; at 4× slower CPU p50 ${ms(quantile(slow, 0.5))}, p95 ${ms(quantile(slow, 0.95))}`,
    goal: 'p95 ≤ 16 ms; ≤ 50 ms at 4×',
  });
}

/** The over-time view's Run to charts, 10,000 paths × 20 quarters (the time the view reports). */
async function overTime(browser: Browser): Promise<void> {
  const PATHS = 10_000;
  async function runs(workers: number, seeds: number[]): Promise<{ seconds: number[]; pathSeconds: number[]; figures: string }> {
    const page = await newPage(browser, 'en');
    await page.goto(`${BASE}#/over-time?workers=${workers}`);
    await page.getByTestId('ot-run').waitFor();
    await page.locator('#ot-paths').selectOption(String(PATHS));
    await page.waitForTimeout(2000); // the page idles after its first paint, as a user's would (as in the design row), and its workers warm up
    const seconds: number[] = [];
    const pathSeconds: number[] = [];
    let figures = '';
    for (const [i, seed] of seeds.entries()) {
      await page.locator('#ot-seed').fill(String(seed));
      await page.locator('#ot-seed').blur();
      await page.getByTestId('ot-run').click();
      await page.locator('[data-testid=ot-status][data-status=done]').waitFor({ timeout: 600_000 });
      // the view shows tenths of a second; its element carries the milliseconds
      seconds.push(Number(await page.getByTestId('ot-info').getAttribute('data-elapsed-ms')) / 1000);
      pathSeconds.push(Number(await page.getByTestId('ot-info').getAttribute('data-paths-ms')) / 1000);
      if (i === 0) figures = (await page.getByTestId('cum-p50').innerText()) + '\n' + (await page.getByTestId('breach-table').innerText());
    }
    await page.close();
    return { seconds, pathSeconds, figures };
  }
  const two = await runs(2, [1000, 1001, 1002, 1003, 1004]);
  const summarySeconds = two.seconds.map((s, i) => s - two.pathSeconds[i]);
  const one = await runs(1, [1000]);
  const three = await runs(3, [1000]);
  const same = one.figures === two.figures && three.figures === two.figures;
  rows.push({
    what: 'over-time Monte Carlo 10,000 paths × 20 quarters, Run → charts on the worker pool',
    figure: `2 workers median ${sec(median(two.seconds))} of 5 (${two.seconds.map((s) => s.toFixed(2)).join(', ')} s; of which the summary ${ms(1000 * median(summarySeconds))}, median); 1 worker ${sec(one.seconds[0])}, 3 workers ${sec(three.seconds[0])}; figures ${same ? 'identical for 1/2/3 workers' : 'DIFFER between pool sizes'}`,
    goal: '≤ 0.5 s (median of 5, 2 workers); identical for 1, 2, 3',
  });
}

/** The design view's first grid after the view opens (cold engine worker unless prewarmed). */
async function design(browser: Browser): Promise<void> {
  const page = await newPage(browser, 'en');
  await page.goto(`${BASE}#/dashboard`);
  await page.getByTestId('kpi-netProfit').waitFor();
  await page.waitForTimeout(2000); // the page idles after its first paint, as a user's would
  const t0 = Date.now();
  await page.evaluate(() => (location.hash = '#/design'));
  await page.waitForFunction(() => /computed in a worker in \d+ ms/.test(document.querySelector('[data-testid="design-status"]')?.textContent ?? ''), null, {
    timeout: 120_000,
  });
  const opened = Date.now() - t0;
  const reported = Number(/in (\d+) ms/.exec(await page.getByTestId('design-status').innerText())![1]);
  rows.push({
    what: 'design grid (5,151 mixes): first request after the view opens, request to applied answer',
    figure: `${ms(reported)} (view opened to grid shown ${ms(opened)})`,
    goal: '≤ 250 ms, with progress if longer',
  });
  await page.close();
}

/** The rebalancing comparison: 5 rules, 10,000 paths, 10 years monthly, 2 workers. */
async function rebalancing(browser: Browser): Promise<void> {
  const page = await newPage(browser, 'en');
  await page.goto(`${BASE}#/portfolio?workers=2`);
  await page.getByTestId('pf-tab-rebalancing').click();
  await page.locator('#pf-paths').selectOption('10000');
  const totals: number[] = [];
  const paths: number[] = [];
  for (const seed of [1000, 1001, 1002]) {
    await page.locator('#pf-seed').fill(String(seed));
    await page.locator('#pf-seed').blur();
    const before = await page.evaluate(() => document.querySelector('[data-testid="reb-info"]')?.textContent ?? '');
    await page.getByTestId('reb-run').click();
    await page.waitForFunction(
      (prev) => {
        const info = document.querySelector('[data-testid="reb-info"]')?.textContent ?? '';
        return info !== prev && /· [\d.]+ s \(paths [\d.]+ s/.test(info) && !!document.querySelector('[data-testid="reb-table"]');
      },
      before,
      { timeout: 600_000 },
    );
    const info = page.getByTestId('reb-info');
    totals.push(Number(await info.getAttribute('data-elapsed-ms')) / 1000);
    paths.push(Number(await info.getAttribute('data-paths-ms')) / 1000);
  }
  rows.push({
    what: 'rebalancing comparison, 5 rules × 10,000 paths, 10 years monthly, 2 workers: Run → table',
    figure: `median ${sec(median(totals))} of 3 (paths ${sec(median(paths))})`,
    goal: '≤ 1.5 s',
  });
  await page.close();
}

/** The portfolio screen opened from the dashboard: to its last DOM change (500 ms quiet after it). */
async function portfolioSettled(browser: Browser): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await newPage(browser);
    await page.goto(`${BASE}#/dashboard`);
    await page.getByTestId('kpi-netProfit').waitFor();
    await page.waitForTimeout(2000);
    const settled = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          let last = t0;
          const observer = new MutationObserver(() => (last = performance.now()));
          observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
          location.hash = '#/portfolio';
          // Settled: no panel still computing (aria-busy) and no change for 500 ms. Without the first
          // condition a result that takes longer than the quiet window was missed.
          const isBusy = () => !document.querySelector('.portfolio-view') || !!document.querySelector('.portfolio-view [aria-busy="true"]');
          const check = () => {
            if (!isBusy() && performance.now() - last >= 500) {
              observer.disconnect();
              resolve(last - t0);
            } else setTimeout(check, 50);
          };
          setTimeout(check, 100);
        }),
    );
    times.push(settled);
    await page.close();
  }
  rows.push({
    what: 'portfolio screen opened: to its last DOM change (no panel busy, 500 ms quiet after)',
    figure: `median ${ms(median(times))} of 3 (${times.map((t) => Math.round(t)).join(', ')} ms)`,
    goal: '≤ 300 ms',
  });
}

/** A 200,000-row loan-book CSV through the library's loan-book panel (parsed and checked in the engine worker). */
async function book(browser: Browser): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mixlab-book-'));
  const file = join(dir, 'book-200k.csv');
  writeFileSync(file, bookCsv(generateBook(200_000)));
  const page = await newPage(browser);
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[] };
    w.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push({ start: e.startTime, duration: e.duration }))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(`${BASE}#/dashboard`);
  await page.getByTestId('kpi-netProfit').waitFor();
  await page.getByTestId('dashboard-save').click();
  await page.getByTestId('save-confirm').click();
  await page.getByTestId('dashboard-saved').waitFor();
  await page.evaluate(() => (location.hash = '#/library'));
  await page.getByTestId('card-book').first().click();
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('book-file').setInputFiles(file);
  await page.getByTestId('book-figures').waitFor({ timeout: 600_000 });
  const { t1, longest } = await page.evaluate((start) => {
    const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks.filter((t) => t.start >= start);
    return { t1: performance.now(), longest: Math.max(0, ...tasks.map((t) => t.duration)) };
  }, t0);
  const mb = readFileSync(file).length / 1e6;
  rows.push({
    what: `loan-book CSV of 200,000 rows (${mb.toFixed(1)} MB), parsed and checked in the worker, saved and shown`,
    figure: `${sec((t1 - t0) / 1000)}; longest main-thread task during it ${ms(longest)}`,
    goal: '≤ 3 s in a worker; no main-thread task over 50 ms',
  });
  await page.close();
}

const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
const version = browser.version();
/**
 * The Chinese font the page gets (fontconfig's best match for zh-CN), as on any Chinese laptop. A machine without one
 * looks every Chinese glyph up in vain, and the first load then shows 50–100 ms layout tasks of text shaping that a
 * training-room laptop does not have (on Debian: apt-get install fonts-noto-cjk).
 */
const hasCjkFont = Boolean(spawnSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' }).stdout?.trim());
const cjkFont = hasCjkFont ? spawnSync('fc-match', ['-f', '%{family[0]}', 'sans-serif:lang=zh-cn'], { encoding: 'utf8' }).stdout?.trim() || 'yes' : null;
const started = new Date();
const loadBefore = loadavg();
try {
  const run: [RowKey, (b: Browser) => Promise<void>][] = [
    ['firstload', firstLoad],
    ['lighthouse', lighthouse],
    ['slider', sliderRows],
    ['overtime', overTime],
    ['design', design],
    ['rebalancing', rebalancing],
    ['portfolio', portfolioSettled],
    ['book', book],
  ];
  for (const [key, fn] of run) {
    if (!wants(key)) continue;
    console.error(`… ${key}`);
    try {
      await fn(browser);
    } catch (e) {
      rows.push({ what: key, figure: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, goal: '—' });
    }
  }
} finally {
  await browser.close();
  server.kill();
}
const loadAfter = loadavg();
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
console.log(
  `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:browser\` in Chromium ${version} (headless), ${cpus().length} cores, Chinese font ${cjkFont ?? 'NONE (see bench/browser/run.ts)'}; load average ${fmtLoad(loadBefore)} before, ${fmtLoad(loadAfter)} after.\n`,
);
console.log('| what | figure | goal |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.what} | ${r.figure} | ${r.goal} |`);
for (const n of notes) console.log(`\nNote: ${n}`);
