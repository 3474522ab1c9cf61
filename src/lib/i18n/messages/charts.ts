/** Strings the shared charts draw themselves (the ternary mix chart's legend and keyboard help). */
import type { Translation } from './types';

export const zh = {
  charts: {
    ternaryAllowed: '可行区域边界',
    ternaryExcluded: '不可行：{label}',
    ternaryMixes: '{count} 个配比',
    ternaryKeys:
      '方向键：↑↓ 调整{top}占比（其余两类按比例），←→ 在{left}与{right}之间调整；每次1个百分点，PageUp/PageDown 10个百分点。也可拖动圆点或点击三角形内任意位置。',
    ternaryColour: '颜色：{label}，从 {min}（深紫）到 {max}（黄）',
    ternaryContours: '等值线',
  },
};

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
