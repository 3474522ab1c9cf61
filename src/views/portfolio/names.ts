/** Short names of the default asset classes for narrow places (matrix headers, chart labels). */
import type { AssetClass, Bilingual } from '../../lib/model';
import { i18n } from '../../lib/i18n/i18n.svelte';

const SHORT: Record<string, Bilingual> = {
  deposit: { zh: '存款', en: 'Deposits' },
  wmp: { zh: '理财', en: 'WMPs' },
  govBond: { zh: '国债', en: 'Gov. bonds' },
  creditBond: { zh: '信用债', en: 'Credit' },
  equityFund: { zh: '股基', en: 'Equity' },
  gold: { zh: '黄金', en: 'Gold' },
};

/** The short name of a class in the UI language (its full name when it has none). */
export function shortName(a: AssetClass): string {
  return i18n.pick(SHORT[a.key] ?? a.name);
}
