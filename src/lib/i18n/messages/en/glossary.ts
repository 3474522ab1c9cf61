/** English of zh/glossary.ts: the same groups and keys (a key missing or extra is a compile error). */
import type { Translation } from '../types';
import type { zh } from '../zh/glossary';

export const en: Translation<typeof zh> = {
  glossary: {
    title: 'Glossary',
    intro: 'Every term on screen, defined in Chinese and English. Term links in lessons and formula panels lead here.',
    search: 'Search terms',
    searchHelp: 'Type Chinese, English or an abbreviation',
    count: '{n} terms',
    none: 'Nothing found for "{q}".',
    related: 'Related: ',
    notFound: 'The glossary has no "{term}".',
  },
};
