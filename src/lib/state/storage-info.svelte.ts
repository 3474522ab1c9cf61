/**
 * The browser's storage for this site: whether it is persistent (not evicted when the disk runs
 * low) and how much is used, from navigator.storage. Where the API is missing (an old browser, a
 * test) the figures stay unknown and the UI says so.
 */
export type PersistState = 'unknown' | 'persisted' | 'notPersisted' | 'unsupported';

export class StorageInfo {
  persist = $state<PersistState>('unknown');
  /** Bytes used and available to this site, when the browser says. */
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);

  get #api(): StorageManager | undefined {
    return typeof navigator === 'undefined' ? undefined : navigator.storage;
  }

  /** Reads the figures and asks once for persistent storage (browsers may grant it silently). */
  async init(): Promise<void> {
    const api = this.#api;
    if (!api?.persisted) {
      this.persist = 'unsupported';
    } else {
      try {
        let isPersisted = await api.persisted();
        if (!isPersisted && api.persist) isPersisted = await api.persist();
        this.persist = isPersisted ? 'persisted' : 'notPersisted';
      } catch {
        this.persist = 'unsupported';
      }
    }
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const api = this.#api;
    if (!api?.estimate) return;
    try {
      const e = await api.estimate();
      this.usage = e.usage ?? null;
      this.quota = e.quota ?? null;
    } catch {
      // unknown: shown as such
    }
  }
}

/** Bytes as KB / MB / GB (binary prefixes, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let x = bytes / 1024;
  let i = 0;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${x.toFixed(1)} ${units[i]}`;
}
