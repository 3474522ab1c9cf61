/** The metrics' names in one language, from the model's one table of them (METRICS): the `metric.*` strings. */
import { METRICS, type MetricKey } from '../../model/metrics';
import type { Lang } from '../format';

export function metricLabels(lang: Lang): Record<MetricKey, string> {
  return Object.fromEntries(Object.values(METRICS).map((m) => [m.key, m.label[lang]])) as Record<MetricKey, string>;
}
