import { expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Records every request the page and its workers make, and which of them leave loopback.
 * `settled()` waits until the network has been quiet for a while (no request started, none in
 * flight) instead of sleeping for a fixed time before asserting that nothing went out.
 */
export class NetworkWatch {
  readonly outside: string[] = [];
  private inFlight = 0;
  private lastActivity = Date.now();

  constructor(page: Page, context: BrowserContext) {
    const started = (url: string) => {
      this.inFlight++;
      this.lastActivity = Date.now();
      const u = new URL(url);
      const isNetwork = u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:';
      if (isNetwork && u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') this.outside.push(url);
    };
    const ended = () => {
      this.inFlight = Math.max(0, this.inFlight - 1);
      this.lastActivity = Date.now();
    };
    // The context sees the service worker's requests too; a request seen by both counts once in flight.
    const seen = new WeakSet<object>();
    for (const source of [context, page] as const) {
      source.on('request', (r) => {
        if (seen.has(r)) return;
        seen.add(r);
        started(r.url());
      });
      source.on('requestfinished', ended);
      source.on('requestfailed', ended);
    }
  }

  /** Waits until no request is in flight and none has started for `quietMs`. */
  async settled(quietMs = 500): Promise<void> {
    await expect.poll(() => this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs, { timeout: 15_000 }).toBe(true);
  }
}
