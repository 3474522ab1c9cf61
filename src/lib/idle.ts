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
