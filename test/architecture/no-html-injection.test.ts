/**
 * No `{@html}` anywhere in the UI: every text a user or a file supplies (scenario names, titles,
 * tags, descriptions, share links, imported files) is rendered as text by Svelte, never parsed as
 * markup. A new `{@html}` fails this test; one that is truly needed must be for the app's own
 * constant markup and be allowed here by name, with the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

describe('no markup from user or file text', () => {
  it('has no {@html} in src/, and no innerHTML / outerHTML / insertAdjacentHTML / document.write', () => {
    const root = new URL('../../src/', import.meta.url).pathname;
    const found: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\{@html\b|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(line))
          found.push(`${file.slice(root.length)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
