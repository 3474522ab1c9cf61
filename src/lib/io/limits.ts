/**
 * What a library record may hold (title, description, tags) and a file may bring, and the title of
 * a copy. A leaf: the library's record operations use it without loading the file codecs.
 */
/** The limits an imported file must respect (shown in the problems). */
export const TRANSFER_LIMITS = {
  fileChars: 50_000_000,
  scenarios: 2_000,
  title: 200,
  description: 10_000,
  tags: 30,
  tag: 50,
} as const;

/** `title` if unused, else `title（副本）`, `title（副本 2）`… or `title (copy)` (the label in the UI language). */
export function uniqueTitle(title: string, taken: ReadonlySet<string>, copyLabel: string): string {
  if (!taken.has(title)) return title;
  // A copy of a copy is numbered ("X（副本 2）"), never "X（副本）（副本）".
  const label = copyLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const base = title.replace(new RegExp(`(?:（${label}(?: \\d+)?）|\\s?\\(${label}(?: \\d+)?\\))+$`), '') || title;
  const stem = base.slice(0, TRANSFER_LIMITS.title - copyLabel.length - 12);
  const [open, close] = /^[\x20-\x7e]+$/.test(copyLabel) ? [' (', ')'] : ['（', '）'];
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}${open}${copyLabel}${close}` : `${stem}${open}${copyLabel} ${n}${close}`;
    if (!taken.has(candidate)) return candidate;
  }
}
