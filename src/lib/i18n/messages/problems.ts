/** Strings of the one problem list (lib/ui/ProblemList.svelte): files, links and forms that did not validate. */
import type { Translation } from './types';

export const zh = {
  problems: {
    at: '位置 {path}',
    whole: '整个文件',
    expected: '应为 {expected}',
    received: '实际为 {received}',
    more: '另有 {count} 处问题未列出。',
  },
};

export const en: Translation<typeof zh> = {
  problems: {
    at: 'at {path}',
    whole: 'whole file',
    expected: 'expected {expected}',
    received: 'found {received}',
    more: '{count} more problem(s) not listed.',
  },
};
