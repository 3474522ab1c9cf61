/**
 * Reads the shape of a client pyramid from its rows, top (largest clients) to bottom (smallest).
 * Upright: each row at least as wide as the one above it; inverted: each row at most as wide.
 */
export type PyramidShape = 'upright' | 'inverted' | 'mixed';

export function pyramidShape(values: readonly number[]): PyramidShape {
  if (values.length < 2) return 'mixed';
  let isUp = true;
  let isDown = true;
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1]) isUp = false;
    if (values[i] > values[i - 1]) isDown = false;
  }
  if (isUp && !isDown) return 'upright';
  if (isDown && !isUp) return 'inverted';
  // Not monotone: judge by the widest end.
  const first = values[0];
  const last = values[values.length - 1];
  if (first > 1.5 * last) return 'inverted';
  if (last > 1.5 * first) return 'upright';
  return 'mixed';
}
