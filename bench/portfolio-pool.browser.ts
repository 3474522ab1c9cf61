/**
 * The rebalancing comparison of the demo client (6 classes, 5 rules, 10 years monthly) in the
 * browser, as the portfolio view runs it: paths in chunks of 500 on the worker pool, raw slices
 * transferred back, merged and summarised in one more worker. Not a `*.bench.ts`: it needs a build
 * and Chromium, so `npm run bench` does not run it. Run:
 *
 *   npx vite build --outDir /tmp/dist-portfolio --emptyOutDir
 *   DIST_DIR=/tmp/dist-portfolio BENCH_PORT=4198 npx tsx bench/portfolio-pool.browser.ts
 *
 * It reads the times the view itself reports (Run to summary, and the paths phase of it) for
 * 1, 2 and 4 workers (`?workers=N`), a fresh page each, and checks that the table is identical.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const PATHS = Number(process.env.BENCH_PATHS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const port = Number(process.env.BENCH_PORT ?? 4198);
const server = spawn(process.execPath, [fileURLToPath(new URL('../test/e2e/serve-subpath.mjs', import.meta.url))], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));

async function timeRun(page: Page): Promise<{ total: number; paths: number; table: string }> {
  await page.getByTestId('reb-run').click();
  await page.getByTestId('reb-table').waitFor({ timeout: 600_000 });
  const info = await page.getByTestId('reb-info').innerText();
  const m = /· ([\d.]+) s \(paths ([\d.]+) s/.exec(info);
  if (!m) throw new Error(`unexpected info: ${info}`);
  return { total: Number(m[1]), paths: Number(m[2]), table: await page.getByTestId('reb-table').innerText() };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  console.log(
    `rebalancing comparison of the demo client in Chromium ${browser.version()}: ${PATHS.toLocaleString('en-US')} paths × 5 rules, 10 years monthly; ${cpus().length} cores`,
  );
  let reference: string | null = null;
  for (const workers of [1, 2, 4]) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
    await page.goto(`http://127.0.0.1:${port}/mix-lab/#/portfolio?workers=${workers}`);
    await page.getByTestId('pf-tab-rebalancing').click();
    await page.locator('#pf-paths').selectOption(String(PATHS));
    const times: { total: number; paths: number }[] = [];
    for (let r = 0; r < RUNS; r++) {
      // a new seed each time, so that no cached result is shown
      await page.locator('#pf-seed').fill(String(1000 + r));
      await page.locator('#pf-seed').blur();
      const t = await timeRun(page);
      times.push(t);
      if (r === 0) {
        if (reference === null) reference = t.table;
        else if (reference !== t.table) throw new Error(`${workers} workers gave a different table`);
      }
    }
    const fmt = (xs: number[]) => xs.map((x) => `${x.toFixed(1)} s`).join(', ');
    console.log(
      `${workers} worker(s): Run to table ${fmt(times.map((t) => t.total))}; of which paths ${fmt(times.map((t) => t.paths))} (table identical to 1 worker)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
