/**
 * The mix design's 5,151-mix grid of the demo bank in the browser's engine worker, as the
 * design view runs it: request through Comlink, the grid (granular closed-form EC, the fast
 * path), the typed arrays transferred back, applied to the page. Not a `*.bench.ts`: it needs a
 * build and Chromium, so `npm run bench` does not run it. Run:
 *
 *   npx vite build --outDir /tmp/dist-design --emptyOutDir
 *   DIST_DIR=/tmp/dist-design BENCH_PORT=4197 npx tsx bench/design-worker.browser.ts
 *
 * It reads the time the view itself reports ("computed in a worker in N ms", request to answer)
 * while switching the objective, so every run is a full grid in the worker; the cold figure is
 * the first request of a fresh page (worker start, module load, JIT), over several pages.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = 20;
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 7);
const port = Number(process.env.BENCH_PORT ?? 4197);
const server = spawn(process.execPath, [fileURLToPath(new URL('../test/e2e/serve-subpath.mjs', import.meta.url))], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  // The cold figure: a fresh page each time (worker start, module load, JIT), read from the view.
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    await fresh.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
    await fresh.goto(`http://127.0.0.1:${port}/mix-lab/#/design`);
    await fresh.waitForFunction(() => /computed in a worker in \d+ ms/.test(document.querySelector('[data-testid="design-status"]')?.textContent ?? ''));
    cold.push(Number(/in (\d+) ms/.exec(await fresh.getByTestId('design-status').innerText())![1]));
    await fresh.close();
  }
  cold.sort((a, b) => a - b);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  await page.addInitScript(() => localStorage.setItem('tong-mix-lab.lang', 'en'));
  await page.goto(`http://127.0.0.1:${port}/mix-lab/#/design`);
  const status = page.getByTestId('design-status');
  const readMs = async (): Promise<number> => {
    await page.waitForFunction(() => /computed in a worker in \d+ ms/.test(document.querySelector('[data-testid="design-status"]')?.textContent ?? ''));
    const text = await status.innerText();
    return Number(/in (\d+) ms/.exec(text)![1]);
  };
  await readMs();
  const objectives = ['raroc', 'eva', 'netProfit'];
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = Number(await status.getAttribute('data-version'));
    await page.getByTestId(`objective-${objectives[i % 3]}`).check();
    await page.waitForFunction((prev) => {
      const el = document.querySelector('[data-testid="design-status"]');
      return Number(el?.getAttribute('data-version')) > prev && /computed in a worker in \d+ ms/.test(el?.textContent ?? '');
    }, before);
    times.push(await readMs());
  }
  times.sort((a, b) => a - b);
  const version = browser.version();
  console.log(
    `design grid of the demo bank (5,151 mixes, granular EC = fast path) in the engine worker, Chromium ${version}: ` +
      `first request on a fresh page (cold worker, JIT) median ${cold[Math.floor(COLD_RUNS / 2)]} ms, best ${cold[0]}, worst ${cold[COLD_RUNS - 1]} over ${COLD_RUNS} pages (goal ≤ 250 ms); then median ${times[Math.floor(RUNS / 2)]} ms, best ${times[0]} ms, worst ${times[RUNS - 1]} ms ` +
      `over ${RUNS} runs (request to applied answer, transfer included; goal ≤ 500 ms)`,
  );
} finally {
  await browser.close();
  server.kill();
}
