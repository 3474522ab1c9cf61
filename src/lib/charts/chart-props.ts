/**
 * What a chart shares with its neighbours, in one place: the words that let it be read without
 * being seen (`role="img"` named by `title`, described by `summary`, the x axis named), and the
 * size of the charts that sit side by side in the Over-time screen's wide cards.
 */

/** The props of a chart with an x axis that carry its meaning in words. */
export interface DescribedChartProps {
  /** The x axis's name (unit included). */
  xLabel: string;
  /** The chart's accessible name. */
  title: string;
  /** The chart's description, shown below it. */
  summary: string;
}

/** The SVG size of a wide card's chart (histogram, stacked area), so that the two line up. */
export const WIDE_CARD_CHART = { width: 360, height: 170 } as const;
