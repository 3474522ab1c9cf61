/** The hash route's query (`#/training?lesson=concrete-mix`), read fresh from the address. */
export function readQuery(): URLSearchParams {
  const hash = typeof location === 'undefined' ? '' : location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

/** A hash link to the training view with these parameters. */
export function trainingHref(params: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `#/training?${s}` : '#/training';
}
