/**
 * What the page says about itself rather than about the bank: a new version of the site waiting
 * to be used, and the database upgraded by another tab. Both keep what is on screen and ask the
 * user to reload; a waiting update reloads by itself only when no one can be disturbed (the tab is
 * hidden, everything is saved, no field has focus).
 */
import type { DatabaseEvent } from '../db/database';
import type { Workspace } from './workspace.svelte';

export class AppStatus {
  /** A new service worker is installed and waiting: the next load would be the new version. */
  isUpdateReady = $state(false);
  /** The site is cached for offline use (said once). */
  isOfflineReady = $state(false);
  /** Another tab upgraded the database (this tab's connection is closed), or this tab's upgrade waits for one. */
  database = $state<DatabaseEvent | null>(null);

  #workspace: Workspace;
  #apply: (() => Promise<void>) | null = null;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  /** The service worker says a new version waits; `apply` activates it and reloads the page. */
  updateReady(apply: () => Promise<void>): void {
    this.#apply = apply;
    this.isUpdateReady = true;
    void this.applyIfIdle();
  }

  onDatabase(event: DatabaseEvent): void {
    if (event === 'versionchange') {
      this.database = 'versionchange';
      this.#workspace.storageReplaced();
    } else if (this.database === null) {
      this.database = 'blocked';
    }
  }

  /** Reloads into the new version (after saving), or reloads the page (after a database upgrade). */
  async reload(): Promise<void> {
    this.#workspace.saveOnPageHide();
    if (this.isUpdateReady && this.#apply && this.database !== 'versionchange') {
      await this.#workspace.flush();
      // Activates the waiting worker, which takes over and reloads: old and new files never mix.
      await this.#apply();
    } else {
      location.reload();
    }
  }

  /** Applies a waiting update by itself when nothing is being edited and no one is looking. */
  async applyIfIdle(): Promise<void> {
    if (!this.isUpdateReady || !this.#apply || typeof document === 'undefined') return;
    const isIdle =
      document.visibilityState === 'hidden' &&
      this.#workspace.saveStatus === 'saved' &&
      !document.querySelector('input:focus, textarea:focus, select:focus, dialog[open]');
    if (isIdle) await this.#apply();
  }
}
