// Serves the built site (dist/) under a sub-path, as a static host would: /mix-lab/…
// Used by Playwright to prove the build works from any sub-path (base: './').
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// DIST_DIR lets several builds be tested side by side (default: the project's dist/).
const root = process.env.DIST_DIR ?? new URL('../../dist/', import.meta.url).pathname;
const prefix = '/mix-lab/';
const port = Number(process.env.PORT ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.csv': 'text/csv',
};

/** The headers of the build's _headers file (its `/*` block), sent as a static host would. */
async function siteHeaders() {
  try {
    const text = await readFile(join(root, '_headers'), 'utf8');
    const out = {};
    let isAll = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || !line.trim()) continue;
      if (!/^\s/.test(line)) {
        isAll = line.trim() === '/*';
        continue;
      }
      const at = line.indexOf(':');
      if (isAll && at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return out;
  } catch {
    return {};
  }
}
const headers = await siteHeaders();

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/mix-lab') {
    res.writeHead(301, { location: prefix }).end();
    return;
  }
  if (!url.pathname.startsWith(prefix)) {
    res.writeHead(404).end('not under ' + prefix);
    return;
  }
  const raw = decodeURIComponent(url.pathname.slice(prefix.length));
  let rel = raw === '' ? '' : normalize(raw).replace(/^(\.\.[/\\])+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = join(root, rel);
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}${prefix}`));
