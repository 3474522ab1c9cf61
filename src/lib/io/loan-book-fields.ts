/**
 * The numeric fields of a loan-book row and the rule of loan-book.ts (RULES) each is held to: a
 * leaf, so the columns' code (loan-book-columns.ts, on the first screen with the database) can lay
 * out its arrays without loading the checks.
 */
import type { RULES } from './loan-book';

/** The numeric fields of a row with their rule: the required ones, then the optional ones (checked when present). */
export const ROW_NUMBER_FIELDS: readonly (readonly [
  'exposure' | 'pd' | 'lgd' | 'tenorYears' | 'rate' | 'deposits' | 'productsHeld',
  keyof typeof RULES,
  boolean,
])[] = [
  ['exposure', 'exposure', true],
  ['pd', 'pd', true],
  ['lgd', 'lgd', true],
  ['tenorYears', 'tenor', false],
  ['rate', 'rate', false],
  ['deposits', 'deposits', false],
  ['productsHeld', 'products', false],
];
