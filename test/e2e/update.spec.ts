/**
 * A second build deployed while the app is open: the new service worker installs and waits (old
 * and new files never mix), the page says 新版本已就绪 with a reload button, and the reload
 * activates the new version.
 */
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { appendFile, cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { DashboardPage } from './pages/dashboard-page';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves a copy of dist/ under /mix-lab/ on a free port, so that the test can deploy a "second build" into it. */
async function serveCopy(): Promise<{ root: string; base: string; server: Server }> {
  const root = await mkdtemp(join(tmpdir(), 'mix-lab-update-'));
  await cp(new URL('../../dist/', import.meta.url).pathname, root, { recursive: true });
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let rel = normalize(decodeURIComponent(path.replace(/^\/mix-lab\/?/, ''))).replace(/^(\.\.[/\\])+/, '');
    if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel === '.' ? '' : rel, 'index.html');
    const file = join(root, rel);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { root, base: `http://127.0.0.1:${port}/mix-lab/`, server };
}

test('a waiting new version is offered with a reload button, and the reload uses it', async ({ page }) => {
  const site = await serveCopy();
  try {
    const app = new DashboardPage(page);
    await page.goto(site.base);
    await expect(app.kpi('netProfit')).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // A second visit: the page is now controlled by the first version's worker.
    await page.reload();
    await expect(app.kpi('netProfit')).toBeVisible();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect(app.shell.updateReady).toHaveCount(0);
    // The second build: a changed service worker.
    await appendFile(join(site.root, 'sw.js'), '\n// second build\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(app.shell.updateReady).toContainText('新版本已就绪', { timeout: 30_000 });
    // Waiting, not active: this page still runs the old version.
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
    await app.shell.reloadToUpdate();
    await expect(app.kpi('netProfit')).toBeVisible();
    await expect(app.shell.updateReady).toHaveCount(0);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
  } finally {
    site.server.close();
    await rm(site.root, { recursive: true, force: true });
  }
});
