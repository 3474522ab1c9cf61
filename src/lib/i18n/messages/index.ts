/**
 * Every string the UI shows, in zh-CN first and English second, as one tree: `group.key`. Each area
 * keeps its strings in its own file here (common, dashboard, library, risk, overTime, design,
 * portfolio, training, workbench, compare, report, glossary, bookSource, charts, problems); this file joins them.
 * `en` is typed against `zh`, so a key missing in either language is a compile error, and
 * test/i18n/messages.test.ts fails on an unused key. Components read a string one way:
 * `i18n.t('library.saveTitle')`, with `{name}` placeholders filled by `i18n.t(key, { name })`.
 */
import * as bookSource from './bookSource';
import * as charts from './charts';
import * as common from './common';
import * as compare from './compare';
import * as dashboard from './dashboard';
import * as design from './design';
import * as glossary from './glossary';
import * as library from './library';
import * as overTime from './overTime';
import * as portfolio from './portfolio';
import * as problems from './problems';
import * as report from './report';
import * as risk from './risk';
import * as training from './training';
import * as workbench from './workbench';
import type { Translation } from './types';

/** The area files, by name (the messages test checks their groups do not overlap). */
export const AREAS = {
  common,
  dashboard,
  library,
  risk,
  overTime,
  design,
  portfolio,
  training,
  workbench,
  compare,
  report,
  glossary,
  bookSource,
  charts,
  problems,
};

/** The Chinese tree: `zhTree.library.saveTitle`. */
export const zhTree = {
  ...common.zh,
  ...dashboard.zh,
  ...library.zh,
  ...risk.zh,
  ...overTime.zh,
  ...design.zh,
  ...portfolio.zh,
  ...training.zh,
  ...workbench.zh,
  ...compare.zh,
  ...report.zh,
  ...glossary.zh,
  ...bookSource.zh,
  ...charts.zh,
  ...problems.zh,
};

export type MessageTree = Translation<typeof zhTree>;

/** The English tree, with exactly the keys of the Chinese one. */
export const enTree: MessageTree = {
  ...common.en,
  ...dashboard.en,
  ...library.en,
  ...risk.en,
  ...overTime.en,
  ...design.en,
  ...portfolio.en,
  ...training.en,
  ...workbench.en,
  ...compare.en,
  ...report.en,
  ...glossary.en,
  ...bookSource.en,
  ...charts.en,
  ...problems.en,
};

/** A string's path in the tree: `'library.saveTitle'`. */
export type MessageKey = { [G in keyof MessageTree]: `${G & string}.${keyof MessageTree[G] & string}` }[keyof MessageTree];

function flatten(tree: MessageTree): Record<MessageKey, string> {
  const flat: Record<string, string> = {};
  for (const [group, entries] of Object.entries(tree)) {
    for (const [key, text] of Object.entries(entries as Record<string, string>)) flat[`${group}.${key}`] = text;
  }
  return flat as Record<MessageKey, string>;
}

/** Each language's strings by path (`zh['metric.roe']`), for lookups by a computed key. */
export const zh = flatten(zhTree);
export const en = flatten(enTree);
export const MESSAGES = { zh, en } as const;

/** Both languages of one string, for records that carry their own bilingual label. */
export function bilingual(key: MessageKey): { zh: string; en: string } {
  return { zh: zh[key], en: en[key] };
}
