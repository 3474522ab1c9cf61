/**
 * `npm run bench`: runs every bench/*.bench.ts in turn; each prints its own figures.
 * Benchmarks print numbers; they never fail a build (targets are read, not asserted).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();

console.log(`砼 Mix Lab benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const f of files) {
  console.log(`\n== ${f.replace('.bench.ts', '')} ==`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { bench: () => Promise<void> };
  await mod.bench();
}
