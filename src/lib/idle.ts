let markFirstScreen: () => void = () => {};
const firstScreen = new Promise<void>((resolve) => (markFirstScreen = resolve));

/**
 * The first screen has its figures on screen (the dashboard says so once its principle panels are
 * rendered; the app says so for a screen as soon as it is mounted): work waiting in `afterFirstPaint`
 * may start. Later calls do nothing.
 */
export function firstScreenShown(): void {
  markFirstScreen();
}

/**
 * Runs `task` once the page has loaded, the first screen's figures are shown, a frame is painted and
 * the page is idle: for work the first screen does not show (starting workers, loading the print
 * report's code), so that it never delays the first figures or competes with their scripts.
 * Returns a function that cancels it if not yet run.
 */
export function afterFirstPaint(task: () => void): () => void {
  let isCancelled = false;
  const run = () => {
    if (!isCancelled) task();
  };
  const idle = () => {
    if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 3000 });
    else setTimeout(run, 200);
  };
  const afterPaint = () => ('requestAnimationFrame' in globalThis ? requestAnimationFrame(() => setTimeout(idle, 0)) : setTimeout(idle, 0));
  const whenLoaded = () => {
    if (typeof document === 'undefined' || document.readyState === 'complete') afterPaint();
    else addEventListener('load', afterPaint, { once: true });
  };
  void firstScreen.then(whenLoaded);
  return () => {
    isCancelled = true;
  };
}

/**
 * Resolves in a task of its own after the next frame: a screen renders its first fold, then the rest
 * in later tasks, so that no single task of its start holds the main thread for long.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestAnimationFrame' in globalThis) requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/**
 * Resolves once the browser reports the page's first contentful paint (the frame is on screen, not
 * only produced: on a busy device that can take a second after the frame), or after `atMostMs` where
 * it does not (a tab opened in the background paints once shown): for work that must not compete
 * with the first paint. Where there is no paint timing, after the next frame.
 */
export function afterFirstContentfulPaint(atMostMs = 5000): Promise<void> {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return afterNextFrame();
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      done();
    });
    const timer = setTimeout(done, atMostMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: 'paint', buffered: true });
  });
}
