/**
 * Segment colours from Paul Tol's colour-blind-safe palette: gravel (large) blue, sand (mid)
 * yellow, cement paste (small) grey, then more for a fourth segment and beyond.
 */
const PALETTE = ['#4477aa', '#ccbb44', '#9a9a9a', '#228833', '#aa3377', '#66ccee', '#ee6677'];

export function segmentColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}
