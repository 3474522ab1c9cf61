/** English of zh/problems.ts: the same groups and keys (a key missing or extra is a compile error). */
import type { Translation } from '../types';
import type { zh } from '../zh/problems';

export const en: Translation<typeof zh> = {
  problems: {
    at: 'at {path}',
    whole: 'whole file',
    expected: 'expected {expected}',
    received: 'found {received}',
    more: '{count} more problem(s) not listed.',
  },
};
