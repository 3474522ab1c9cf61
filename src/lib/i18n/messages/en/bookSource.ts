/** English of zh/bookSource.ts: the same groups and keys (a key missing or extra is a compile error). */
import type { Translation } from '../types';
import type { zh } from '../zh/bookSource';

export const en: Translation<typeof zh> = {
  bookSource: {
    legend: 'Book the engines run on',
    real: 'Our actual loans',
    generated: 'Model-generated loans',
    fromReal: 'Figures from our actual loan book "{name}" ({clients} clients, {loans}), kept in this browser only',
    fromGenerated: 'Figures from the loans the model generates from the scenario inputs',
    noBook: 'No loan book is attached to this scenario: import a CSV for it in the Library to run on the actual loans.',
    remove: 'Remove the book from this browser',
    removeConfirm: 'Remove the loan book "{name}" from this browser (IndexedDB)? This cannot be undone; share links never carry a loan book.',
    removed: 'The loan book was removed from this browser',
  },
};
