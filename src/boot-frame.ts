/**
 * The page's first paint: index.html's static frame (`#boot`), written into the page at build time
 * (vite.config.ts) from the messages tree, in both languages. The entry (main.ts) marks the chosen
 * language on <html> (`data-boot-lang`) before the first paint, and boot.css shows only that
 * language's lines; start.ts removes the frame in the task that mounts the app.
 *
 * It shows the app frame's title and tagline, as the app's header does, with a loading line under
 * the tagline (and, if the app's files cannot be loaded, a line that says so). One block of text,
 * larger than any the first screen paints later, so the first paint is also the largest (LCP) and
 * the first screen does not wait on the app's scripts to show it.
 */
import { zh } from './lib/i18n/messages/zh/common';
import { en } from './lib/i18n/messages/en/common';
import { htmlLang } from './lib/i18n/lang';
import type { Lang } from './lib/i18n/format';

const TREES = { zh, en } as const;
type AppKey = `app.${keyof typeof zh.app & string}`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function text(lang: Lang, key: AppKey): string {
  const tree = TREES[lang].app as Record<string, string>;
  return escape(tree[key.slice('app.'.length)]);
}

/** The frame's HTML, both languages, each block marked with its `lang`. */
export function bootFrameHtml(): string {
  const langs: Lang[] = ['zh', 'en'];
  const each = (render: (lang: Lang) => string) => langs.map(render).join('');
  return [
    '<div id="boot" class="boot" role="status">',
    `<p class="boot-title"><span class="boot-tong" aria-hidden="true">砼</span> Mix Lab${each(
      (lang) => ` <span class="boot-sub" lang="${htmlLang(lang)}">${text(lang, 'app.subtitle')}</span>`,
    )}</p>`,
    each(
      (lang) =>
        `<p class="boot-tagline" lang="${htmlLang(lang)}">${text(lang, 'app.tagline')}<br /><span class="boot-loading">${text(lang, 'app.loading')}</span></p>`,
    ),
    // Shown only when the entry could not import the app (main.ts marks data-boot-failed).
    each((lang) => `<p class="boot-error" role="alert" lang="${htmlLang(lang)}">⚠ ${text(lang, 'app.loadFailed')}</p>`),
    '</div>',
  ].join('\n      ');
}
