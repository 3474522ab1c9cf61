/**
 * The UI language as a rune: components read `i18n.lang` and call `i18n.t('area.key')` (the keys are
 * paths in the one messages tree, src/lib/i18n/messages); switching re-renders every string. The
 * choice is remembered in localStorage (a UI preference, not data).
 *
 * The strings arrive in parts (messages/index.ts): the first screen's Chinese with the page, the
 * rest of a language in one chunk (`load`). A string asked for before its part has arrived is
 * empty for that moment and starts the load; the strings are a rune, so it then shows.
 */
import {
  formatBp,
  formatClientMoney,
  formatFloat,
  formatMoney,
  formatPercent,
  formatPp,
  formatSpread,
  formatterFor,
  type Formatter,
  type Lang,
} from './format';
import { FIRST_ZH, loadRest, type FlatMessages, type MessageKey } from './messages';
import { LANG_STORAGE_KEY, htmlLang, storedLang } from './lang';

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export class I18n {
  lang = $state<Lang>(storedLang());
  #messages = $state.raw<Record<Lang, FlatMessages>>({ zh: FIRST_ZH, en: {} });
  #loading: Partial<Record<Lang, Promise<void>>> = {};
  #complete = new Set<Lang>();

  t = (key: MessageKey, params?: Record<string, string | number>): string => this.text(this.lang, key, params);

  /** One string in a given language (empty until its part has loaded, which this starts). */
  text(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
    const template = this.#messages[lang][key];
    if (template !== undefined) return interpolate(template, params);
    void this.load(lang);
    return '';
  }

  /** Loads the rest of a language's strings (once); resolves when all of them are there. */
  load(lang: Lang = this.lang): Promise<void> {
    if (this.#complete.has(lang)) return Promise.resolve();
    return (this.#loading[lang] ??= loadRest(lang).then(
      (rest) => this.add(lang, rest, true),
      (e: unknown) => {
        delete this.#loading[lang]; // a failed download is tried again on the next call
        throw e;
      },
    ));
  }

  /** Adds strings of a language; `isComplete` when they are all of it (tests and scripts add everything up front). */
  add(lang: Lang, messages: FlatMessages, isComplete = false): void {
    this.#messages = { ...this.#messages, [lang]: { ...this.#messages[lang], ...messages } };
    if (isComplete) this.#complete.add(lang);
  }

  /** Picks the current language from a bilingual record (segment names, input labels). */
  pick = (text: { zh: string; en: string }): string => text[this.lang];

  money = (yuan: number, digits = 2) => formatMoney(yuan, this.lang, digits);
  clientMoney = (yuan: number) => formatClientMoney(yuan, this.lang);
  percent = (x: number, digits = 2) => formatPercent(x, digits);
  bp = (x: number, digits = 0) => formatBp(x, this.lang, digits);
  /** A spread over LPR in bp: LPR+80基点. */
  spread = (bp: number, digits = 0) => formatSpread(bp, this.lang, digits);
  /** A float over the benchmark (the 2007 convention): 上浮27%. */
  float = (x: number, digits = 0) => formatFloat(x, this.lang, digits);

  /** This language's formats as a Formatter (reading it inside $derived re-derives on a language switch). */
  get formatter(): Formatter {
    return formatterFor(this.lang);
  }
  pp = (x: number, digits = 1) => formatPp(x, this.lang, digits);

  /** Switches the language once its strings are there (at once when they already are). */
  setLang(lang: Lang): Promise<void> {
    if (this.#complete.has(lang)) {
      this.#apply(lang);
      return Promise.resolve();
    }
    return this.load(lang).then(() => this.#apply(lang));
  }

  #apply(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // not remembered; still switched
    }
    if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(lang);
  }

  toggle(): Promise<void> {
    return this.setLang(this.lang === 'zh' ? 'en' : 'zh');
  }
}

export const i18n = new I18n();

/** Both languages of one string, read when shown: for records that carry their own bilingual label (a field's spec). */
export function bilingual(key: MessageKey): { readonly zh: string; readonly en: string } {
  return {
    get zh() {
      return i18n.text('zh', key);
    },
    get en() {
      return i18n.text('en', key);
    },
  };
}
