/**
 * The one messages tree: both languages carry the same keys, no string is empty, placeholders
 * match, the area files do not claim the same group, and every key is used somewhere in src.
 * "Used" is a static scan: the key's path as a quoted literal ('library.saveTitle'), or a
 * template literal whose fixed head the path starts with (`metric.${key}` uses every metric.*).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, en, enTree, zh, zhTree } from '../../src/lib/i18n/messages/all';

const SRC = join(__dirname, '../../src');
const TREE_DIR = join(SRC, 'lib/i18n/messages');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === TREE_DIR ? [] : sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Every quoted literal and every template-literal head (text before the first `${`) in the sources. */
function references(): { literals: Set<string>; heads: string[] } {
  const literals = new Set<string>();
  const heads: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'([\w.]+)'|"([\w.]+)"|`([\w.]+)`/g)) literals.add(m[1] ?? m[2] ?? m[3]);
    for (const m of text.matchAll(/`([\w.]+\.[\w.]*)\$\{/g)) heads.push(m[1]);
  }
  return { literals, heads };
}

describe('messages tree', () => {
  it('has the same groups and keys in zh and en, none empty, placeholders matching', () => {
    expect(Object.keys(enTree).sort()).toEqual(Object.keys(zhTree).sort());
    for (const group of Object.keys(zhTree) as (keyof typeof zhTree)[]) {
      expect(Object.keys(enTree[group]).sort(), group).toEqual(Object.keys(zhTree[group]).sort());
    }
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(ph(en[key]), key).toEqual(ph(zh[key]));
    }
  });

  it('gives each group one home among the area files', () => {
    const owner = new Map<string, string>();
    for (const [area, file] of Object.entries(AREAS)) {
      for (const group of Object.keys(file.zh)) {
        expect(owner.get(group), `${group} in ${area} and ${owner.get(group)}`).toBeUndefined();
        owner.set(group, area);
      }
      expect(Object.keys(file.en).sort(), area).toEqual(Object.keys(file.zh).sort());
    }
    expect([...owner.keys()].sort()).toEqual(Object.keys(zhTree).sort());
  });

  it('uses every key somewhere in src', () => {
    const { literals, heads } = references();
    const unused = Object.keys(zh).filter((key) => !literals.has(key) && !heads.some((head) => key.startsWith(head)));
    expect(unused).toEqual([]);
  });

  it('sees a key as unused when no source names it', () => {
    // the scan must be able to fail: a path no file quotes is not found
    const { literals, heads } = references();
    const probe = 'library.noSuchKeyAnywhere';
    expect(literals.has(probe) || heads.some((head) => probe.startsWith(head))).toBe(false);
    expect(relative(SRC, TREE_DIR)).toBe(join('lib', 'i18n', 'messages'));
  });
});
