/** English of zh/charts.ts: the same groups and keys (a key missing or extra is a compile error). */
import type { Translation } from '../types';
import type { zh } from '../zh/charts';

export const en: Translation<typeof zh> = {
  charts: {
    ternaryAllowed: 'Edge of the feasible region',
    ternaryExcluded: 'Infeasible: {label}',
    ternaryMixes: '{count} mixes',
    ternaryKeys:
      'Arrow keys: ↑↓ change the {top} share (the other two in proportion), ←→ move between {left} and {right}; 1 pp per press, Page Up/Down 10 pp. Or drag the dot, or click anywhere in the triangle.',
    ternaryColour: 'Colour: {label}, from {min} (dark purple) to {max} (yellow)',
    ternaryContours: 'Contour lines',
  },
};
