/**
 * Regenerates the README's screenshots from the built site (`npm run screenshots` builds first):
 * the dashboard at 1366×768, the printed report (print media, A4 width) and the phone layout at
 * 390×844, all in Chinese on the demo bank, into docs/screenshots/. Serves dist/ under /mix-lab/
 * with the e2e server and drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4299);
const BASE = `http://127.0.0.1:${PORT}/mix-lab/`;
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the site did not start on ${BASE}`);
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.getByTestId('kpi-netProfit').waitFor();
  // Charts and the lazily loaded report settle.
  await page.waitForTimeout(1200);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = spawn(process.execPath, ['test/e2e/serve-subpath.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    await waitForServer();
    const desk = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await openDashboard(desk);
    await desk.screenshot({ path: `${OUT}dashboard.png` });

    await desk.setViewportSize({ width: 794, height: 1123 });
    await desk.emulateMedia({ media: 'print' });
    await desk.getByTestId('report').waitFor({ state: 'attached' });
    await desk.screenshot({ path: `${OUT}report.png`, fullPage: true });

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await openDashboard(phone);
    await phone.screenshot({ path: `${OUT}phone.png` });
    console.log(`screenshots written to ${OUT}: dashboard.png, report.png, phone.png`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
