/**
 * The page's database as the workshop team state reads it (its pack): the page services' one
 * connection, null where IndexedDB is unavailable. Views use `trainingStoreOf(useServices())` instead.
 */
import type { MixLabDatabase } from '../db/database';
import { pageServices } from './services';

export function trainingDb(): MixLabDatabase | null {
  return pageServices().database;
}
