/**
 * Labels of the figures defined outside figures.ts (the client-portfolio figures), registered by
 * the module that defines them. figures.ts reads this table instead of importing those modules,
 * which import the goal machinery that reads figures: the registry keeps the graph acyclic.
 * A leaf module: it imports only model types.
 */
import type { Bilingual } from '../model';

const labels = new Map<string, Bilingual>();

/** Registers each figure's label by name; a later registration of the same name replaces it. */
export function registerFigureLabels(entries: Iterable<readonly [name: string, label: Bilingual]>): void {
  for (const [name, label] of entries) labels.set(name, label);
}

/** The registered label of a figure, or undefined when no module registered it. */
export function registeredFigureLabel(name: string): Bilingual | undefined {
  return labels.get(name);
}
