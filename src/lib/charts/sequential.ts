/**
 * A colour-blind-safe sequential scale for a value field (the ternary chart's objective):
 * viridis (van der Walt and Smith, matplotlib 2015), perceptually uniform, readable in
 * grey-scale and by the common colour-vision deficiencies. Low values dark purple, high yellow.
 */
import { ticks } from 'd3-array';
import { scaleLinear } from 'd3-scale';

export const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

export interface ValueBins {
  /** Bin edges strictly inside (min, max): the contour levels. */
  thresholds: number[];
  /** One colour per bin (thresholds.length + 1), from dark (low) to light (high). */
  colors: string[];
  min: number;
  max: number;
  /** Bin of a value: 0 … thresholds.length. */
  binOf: (v: number) => number;
}

/** Round bins of a value range (d3 "nice" ticks, about `count` of them), coloured by viridis. */
export function valueBins(min: number, max: number, count = 8): ValueBins {
  const thresholds = max > min ? ticks(min, max, count).filter((t) => t > min && t < max) : [];
  const color = scaleLinear<string>()
    .domain(VIRIDIS.map((_, i) => i / (VIRIDIS.length - 1)))
    .range(VIRIDIS);
  const bins = thresholds.length + 1;
  const colors = Array.from({ length: bins }, (_, i) => color(bins === 1 ? 0.5 : i / (bins - 1)));
  const binOf = (v: number) => {
    let lo = 0;
    let hi = thresholds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v >= thresholds[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { thresholds, colors, min, max, binOf };
}
