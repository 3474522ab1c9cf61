/**
 * The UI language as a rune: components read `i18n.lang` and call `i18n.t('area.key')` (the keys are
 * paths in the one messages tree, src/lib/i18n/messages); switching
 * re-renders every string. The choice is remembered in localStorage (a UI preference, not data).
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
import { MESSAGES, type MessageKey } from './messages';

const STORAGE_KEY = 'tong-mix-lab.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall back to Chinese
  }
  return 'zh';
}

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export class I18n {
  lang = $state<Lang>(initialLang());

  t = (key: MessageKey, params?: Record<string, string | number>): string => interpolate(MESSAGES[this.lang][key], params);

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

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered; still switched
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  toggle(): void {
    this.setLang(this.lang === 'zh' ? 'en' : 'zh');
  }
}

export const i18n = new I18n();
