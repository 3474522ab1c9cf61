/**
 * The strings arrive in parts: the first screen's Chinese with the page, the rest of a language in
 * one chunk. A string asked for early is empty and starts the load; switching the language waits
 * for its strings. And every string the first screen shows is in the part that comes with the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/lib/i18n/i18n.svelte';
import { FIRST_AREAS, FIRST_ZH } from '../../src/lib/i18n/messages';
import { AREAS, en, zh } from '../../src/lib/i18n/messages/all';

const SRC = join(__dirname, '../../src');

describe('strings loaded in parts', () => {
  it('has the first screen at once and the rest after load()', async () => {
    const i18n = new I18n();
    i18n.lang = 'zh';
    expect(i18n.t('app.subtitle')).toBe(zh['app.subtitle']);
    expect(i18n.t('risk.title')).toBe(''); // not yet: this starts the load
    await i18n.load('zh');
    expect(i18n.t('risk.title')).toBe(zh['risk.title']);
    expect(i18n.t('library.saveTitle')).toBe(zh['library.saveTitle']);
    const lost = (Object.keys(zh) as (keyof typeof zh)[]).filter((key) => i18n.t(key) !== zh[key]);
    expect(lost).toEqual([]);
  });

  it('switches to English only once its strings are there', async () => {
    const i18n = new I18n();
    i18n.lang = 'zh';
    const switching = i18n.setLang('en');
    expect(i18n.lang).toBe('zh');
    await switching;
    expect(i18n.lang).toBe('en');
    expect(i18n.t('app.subtitle')).toBe(en['app.subtitle']);
    expect(i18n.t('risk.title')).toBe(en['risk.title']);
    expect((Object.keys(en) as (keyof typeof en)[]).filter((key) => i18n.t(key) !== en[key])).toEqual([]);
  });

  it('carries in the first part exactly the first areas’ Chinese', () => {
    const expected = Object.fromEntries(
      FIRST_AREAS.flatMap((area) =>
        Object.entries(AREAS[area].zh).flatMap(([group, keys]) => Object.entries(keys).map(([k, text]) => [`${group}.${k}`, text])),
      ),
    );
    expect(FIRST_ZH).toEqual(expected);
  });

  /** The files the page's entry, the app it imports first and the dashboard load statically (other dynamic imports are left out). */
  function firstScreenFiles(): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm)) {
        const spec = m[1] ?? m[2];
        const base = resolve(dirname(file), spec);
        const target = [base, `${base}.ts`, `${base}/index.ts`].find((p) => existsSync(p) && /\.(ts|svelte)$/.test(p));
        if (target && target.startsWith(SRC) && !target.includes('/i18n/messages/')) visit(target);
      }
    };
    visit(join(SRC, 'main.ts'));
    visit(join(SRC, 'start.ts')); // the app, imported by the entry once the page has painted
    visit(join(SRC, 'views/dashboard/DashboardView.svelte'));
    return [...seen];
  }

  it('has in the first part every string the first screen names', () => {
    const files = firstScreenFiles();
    expect(files.some((f) => f.endsWith('PrinciplePanel.svelte'))).toBe(true);
    expect(files.some((f) => f.endsWith('ScenarioChanges.svelte'))).toBe(false); // loaded after the figures
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([a-z][A-Za-z]*)\.([A-Za-z0-9]+)'/g)) {
        const key = `${m[1]}.${m[2]}`;
        if (key in zh && !(key in FIRST_ZH)) missing.push(`${key} in ${file.slice(SRC.length + 1)}`);
      }
      for (const m of text.matchAll(/\bt\(\s*`([a-z][A-Za-z]*)\.\$\{/g)) {
        if (!Object.keys(FIRST_ZH).some((k) => k.startsWith(`${m[1]}.`))) missing.push(`${m[1]}.* in ${file.slice(SRC.length + 1)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
