/** Strings and items of the one problem list (lib/ui/ProblemList.svelte): files, links and forms that did not validate. */
import { defineMessages } from '../i18n/i18n.svelte';
import type { Bilingual, ValidationProblem } from '../model';

/** One problem as the list shows it. */
export interface ProblemItem {
  /** A dotted path (`scenarios.0.scenario.segments.2.pd`) or "line 4, column pd"; '' for the whole file. */
  where: string;
  message: Bilingual;
  expected?: string;
  received?: string;
}

export const problemMessages = defineMessages(
  {
    at: '位置 {path}',
    whole: '整个文件',
    expected: '应为 {expected}',
    received: '实际为 {received}',
    more: '另有 {count} 处问题未列出。',
  },
  {
    at: 'at {path}',
    whole: 'whole file',
    expected: 'expected {expected}',
    received: 'found {received}',
    more: '{count} more problem(s) not listed.',
  },
);

/**
 * A validator's problems as list items, each placed by its raw path ("位置 segments.2.pd"); the
 * library names its places in words instead (problemPlace).
 * @example problemItems([{ path: 'team', message: { zh: '不能为空', en: 'required' } }])[0].where // '位置 team'
 */
export function problemItems(problems: readonly ValidationProblem[]): ProblemItem[] {
  return problems.map((p) => ({ where: p.path ? problemMessages.t('at', { path: p.path }) : '', message: p.message, expected: p.expected, received: p.received }));
}
