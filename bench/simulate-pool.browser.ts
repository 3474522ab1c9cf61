/**
 * The five-year Monte Carlo of the demo bank (docs/reference-model.md §7) in the browser, as the over-time view
 * runs it: 10,000 paths × 20 quarters in chunks of 250 on the worker pool, parts transferred back,
 * summarised in one more worker. Not a `*.bench.ts`: it needs a build and Chromium, so `npm run
 * bench` does not run it. Run:
 *
 *   npx vite build --outDir /tmp/dist-overtime --emptyOutDir
 *   DIST_DIR=/tmp/dist-overtime BENCH_PORT=4199 npx tsx bench/simulate-pool.browser.ts
 *
 * It reads the time the view reports (Run to summary) for 1 worker and for the pool sizes in
 * BENCH_WORKERS (default 2,3; `?workers=N`), a fresh page each, a new seed per run so that no
 * cached result is shown, and checks that the median cumulative profit and the breach table are
 * identical across pool sizes for the same seed.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const PATHS = Number(process.env.BENCH_PATHS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const POOLS = (process.env.BENCH_WORKERS ?? '2,3').split(',').map(Number);
const port = Number(process.env.BENCH_PORT ?? 4199);
const server = spawn(process.execPath, [fileURLToPath(new URL('../test/e2e/serve-subpath.mjs', import.meta.url))], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));

async function timeRun(page: Page): Promise<{ seconds: number; figures: string }> {
  await page.getByTestId('ot-run').click();
  await page.locator('[data-testid=ot-status][data-status=done]').waitFor({ timeout: 600_000 });
  const info = await page.getByTestId('ot-info').innerText();
  const m = /· ([\d.]+) s$/.exec(info.trim());
  if (!m) throw new Error(`unexpected info: ${info}`);
  const figures = (await page.getByTestId('cum-p50').innerText()) + '\n' + (await page.getByTestId('breach-table').innerText());
  return { seconds: Number(m[1]), figures };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  console.log(
    `over-time Monte Carlo of the demo bank in Chromium ${browser.version()}: ${PATHS.toLocaleString('en-US')} paths × 20 quarters; ${cpus().length} cores`,
  );
  let reference: string | null = null;
  for (const workers of [1, ...POOLS]) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
    await page.goto(`http://127.0.0.1:${port}/mix-lab/#/over-time?workers=${workers}`);
    await page.getByTestId('ot-run').waitFor();
    await page.locator('#ot-paths').selectOption(String(PATHS));
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      await page.locator('#ot-seed').fill(String(1000 + r));
      await page.locator('#ot-seed').blur();
      const t = await timeRun(page);
      times.push(t.seconds);
      if (r === 0) {
        if (reference === null) reference = t.figures;
        else if (reference !== t.figures) throw new Error(`${workers} workers gave different figures`);
      }
    }
    console.log(
      `${workers} worker(s): Run to charts ${times.map((x) => `${x.toFixed(1)} s`).join(', ')}${workers > 1 ? ' (figures identical to 1 worker)' : ''}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
