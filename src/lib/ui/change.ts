/**
 * The one rule for marking a change on screen (docs/ux.md): the arrow gives the direction (▲ up,
 * ▼ down); whether that is better or worse for the bank comes from the figure's own declaration
 * (`better: +1` when more is better, `−1` when less is), said with an icon and a word (改善/恶化)
 * and a colour pair (blue / orange) that fights neither 红涨绿跌 nor the Western green-is-up habit.
 */

/** +1 when more is better, −1 when less is: declared once per figure (METRICS, FIGURES, PORTFOLIO_FIGURES). */
export type Better = 1 | -1;

export interface Change {
  /** Direction of the move: +1 up, −1 down, 0 unchanged (or no previous value). */
  direction: 1 | -1 | 0;
  /** Better or worse for the bank (or the client); null when unchanged. */
  verdict: 'better' | 'worse' | null;
}

export const NO_CHANGE: Change = { direction: 0, verdict: null };

/**
 * The change from `previous` to `value`, read through the figure's declared direction.
 * A relative tolerance ignores floating-point noise.
 * @example changeOf(0.9, 1, -1) // { direction: -1, verdict: 'better' } (expected loss fell)
 */
export function changeOf(value: number, previous: number | null | undefined, better: Better): Change {
  if (previous === null || previous === undefined || !Number.isFinite(previous) || !Number.isFinite(value)) return NO_CHANGE;
  const d = value - previous;
  if (Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(previous))) return NO_CHANGE;
  const direction = d > 0 ? 1 : -1;
  return { direction, verdict: direction === better ? 'better' : 'worse' };
}

/** The glyphs: the arrow for direction, a distinct shape for the verdict (not colour alone). */
export const ARROW = { 1: '▲', [-1]: '▼' } as const;
export const VERDICT_ICON = { better: '⊕', worse: '⊖' } as const;
