/**
 * How an input is shown in a form: the stored value (yuan, decimals) converted to the unit a
 * banker types (亿元 / 万元 / %), and back. Read from the input's spec, so every form agrees.
 */
import type { InputSpec } from '../model';
import type { Lang } from './format';

export interface DisplayUnit {
  factor: number;
  label: string;
  digits: number;
  /** Most decimals a field shows: a share at one decimal (its step is 1 pp), others a little finer than `digits`. */
  shown: number;
}

export function displayUnit(spec: InputSpec, lang: Lang): DisplayUnit {
  switch (spec.unit) {
    case 'yuan': {
      const bankLevel = spec.group === 'bank';
      if (lang === 'zh') return bankLevel ? { factor: 1e8, label: '亿元', digits: 2, shown: 4 } : { factor: 1e4, label: '万元', digits: 2, shown: 4 };
      return bankLevel ? { factor: 1e9, label: 'CNY bn', digits: 3, shown: 5 } : { factor: 1e6, label: 'CNY m', digits: 3, shown: 5 };
    }
    case 'share':
      return { factor: 0.01, label: '%', digits: 1, shown: 1 };
    case 'rate':
      return { factor: 0.01, label: '%', digits: 2, shown: 4 };
    case 'bp':
      return { factor: 1, label: lang === 'zh' ? '基点' : 'bp', digits: 0, shown: 1 };
    case 'years':
      return { factor: 1, label: lang === 'zh' ? '年' : 'years', digits: 0, shown: 2 };
    case 'quarters':
      return { factor: 1, label: lang === 'zh' ? '季度' : 'quarters', digits: 0, shown: 2 };
    case 'perTenBp':
      return { factor: 1, label: lang === 'zh' ? '/10基点' : 'per 10 bp', digits: 2, shown: 4 };
    case 'count': {
      const digits = spec.isInteger ? 0 : 1;
      return { factor: 1, label: lang === 'zh' ? '个' : '', digits, shown: digits + 2 };
    }
    default:
      return { factor: 1, label: '', digits: 2, shown: 4 };
  }
}

/** Stored value → the number shown in the field (rounded to the unit's shown decimals, no float noise). */
export function toDisplay(spec: InputSpec, value: number, lang: Lang): number {
  const u = displayUnit(spec, lang);
  return Number((value / u.factor).toFixed(u.shown));
}

/** The number typed → the stored value. */
export function fromDisplay(spec: InputSpec, shown: number, lang: Lang): number {
  const u = displayUnit(spec, lang);
  return Number((shown * u.factor).toPrecision(12));
}
