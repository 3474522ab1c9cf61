/** Items of the one problem list (lib/ui/ProblemList.svelte): files, links and forms that did not validate. */
import { i18n } from '../i18n/i18n.svelte';
import type { Bilingual, ValidationProblem } from '../model';

/** One problem as the list shows it. */
export interface ProblemItem {
  /** A dotted path (`scenarios.0.scenario.segments.2.pd`) or "line 4, column pd"; '' for the whole file. */
  where: string;
  message: Bilingual;
  expected?: string;
  received?: string;
}

/**
 * A validator's problems as list items, each placed by its raw path ("位置 segments.2.pd"); the
 * library names its places in words instead (problemPlace).
 * @example problemItems([{ path: 'team', message: { zh: '不能为空', en: 'required' } }])[0].where // '位置 team'
 */
export function problemItems(problems: readonly ValidationProblem[]): ProblemItem[] {
  return problems.map((p) => ({
    where: p.path ? i18n.t('problems.at', { path: p.path }) : '',
    message: p.message,
    expected: p.expected,
    received: p.received,
  }));
}
