/**
 * Every string the UI shows, zh-CN first and English second, as one tree: `group.key`. Each area keeps
 * its strings in zh/<area>.ts and en/<area>.ts, the English typed against the Chinese (a key missing
 * or extra in either is a compile error); test/i18n/messages.test.ts fails on an unused key.
 * Components read a string one way: `i18n.t('library.saveTitle')`, `{name}` placeholders filled by
 * `i18n.t(key, { name })` (i18n.svelte.ts).
 *
 * Loading: the page's first chunk carries only the Chinese of what its first screen shows
 * (FIRST_AREAS: the app's frame and the dashboard); the other areas' Chinese and all the English
 * come in one chunk each, once the first screen is shown or as soon as a screen or the language
 * needs them (`loadRest`). all.ts joins everything at once, for tests and the command line.
 */
import type { zh as Common } from './zh/common';
import type { zh as Dashboard } from './zh/dashboard';
import type { zh as Library } from './zh/library';
import type { zh as Risk } from './zh/risk';
import type { zh as OverTime } from './zh/overTime';
import type { zh as Design } from './zh/design';
import type { zh as Portfolio } from './zh/portfolio';
import type { zh as Training } from './zh/training';
import type { zh as Workbench } from './zh/workbench';
import type { zh as Compare } from './zh/compare';
import type { zh as Report } from './zh/report';
import type { zh as Glossary } from './zh/glossary';
import type { zh as BookSource } from './zh/bookSource';
import type { zh as Charts } from './zh/charts';
import type { zh as Problems } from './zh/problems';
import { zh as commonZh } from './zh/common';
import { zh as dashboardZh } from './zh/dashboard';
import { zh as problemsZh } from './zh/problems';
import type { Translation } from './types';
import type { Lang } from '../format';

type ZhTree = typeof Common &
  typeof Dashboard &
  typeof Library &
  typeof Risk &
  typeof OverTime &
  typeof Design &
  typeof Portfolio &
  typeof Training &
  typeof Workbench &
  typeof Compare &
  typeof Report &
  typeof Glossary &
  typeof BookSource &
  typeof Charts &
  typeof Problems;

/** The whole tree's shape: `MessageTree['library']['saveTitle']`. */
export type MessageTree = Translation<ZhTree>;

/** A string's path in the tree: `'library.saveTitle'`. */
export type MessageKey = { [G in keyof MessageTree]: `${G & string}.${keyof MessageTree[G] & string}` }[keyof MessageTree];

/** Some or all of a language's strings by path (`flat['metric.roe']`). */
export type FlatMessages = Partial<Record<MessageKey, string>>;

/** A tree (or some of its groups) by path. */
export function flatten(tree: Partial<MessageTree>): FlatMessages {
  const flat: Record<string, string> = {};
  for (const [group, entries] of Object.entries(tree)) {
    for (const [key, text] of Object.entries(entries as Record<string, string>)) flat[`${group}.${key}`] = text;
  }
  return flat as FlatMessages;
}

/** The areas the first screen shows (the app's frame, the dashboard and its dialogs); their Chinese comes with the page. */
export const FIRST_AREAS = ['common', 'dashboard', 'problems'] as const;

/** The Chinese of the first areas. */
export const FIRST_ZH: FlatMessages = flatten({ ...commonZh, ...dashboardZh, ...problemsZh });

/** The rest of a language's strings: the other areas in Chinese; every area in English. */
export async function loadRest(lang: Lang): Promise<FlatMessages> {
  return flatten(lang === 'zh' ? (await import('./zh/rest')).REST_ZH : (await import('./en/all')).EN);
}
