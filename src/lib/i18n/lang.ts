/**
 * The UI language this browser chose (remembered in localStorage: a UI preference, not data). Read
 * by the i18n rune, and by the page's entry before any of the app loads, so that the first paint
 * (index.html's static frame) shows the chosen language.
 */
import type { Lang } from './format';

export const LANG_STORAGE_KEY = 'tong-mix-lab.lang';

/** The language chosen on this browser; Chinese when none (or storage is blocked). */
export function storedLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall back to Chinese
  }
  return 'zh';
}

/** The `lang` attribute of the page in a language. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');
