/** Strings the shared charts draw themselves (the ternary mix chart's legend and keyboard help). */
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
