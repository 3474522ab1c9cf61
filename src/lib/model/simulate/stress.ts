/**
 * Named stress presets (docs/reference-model.md §1 "stress", §7): each is a function that returns a new scenario
 * with its stress block replaced; the input is never mutated. Presets do not combine: each is a
 * whole stress configuration (edit `scenario.stress` directly for a mix).
 */
import type { Bilingual } from '../inputs';
import type { Scenario, Stress } from '../scenario';

export type StressPresetKey = 'none' | 'recessionYear2' | 'lprCut50bp' | 'depositRun';

export interface StressPreset {
  key: StressPresetKey;
  label: Bilingual;
  description: Bilingual;
  /** The preset's stress block. */
  stress: () => Stress;
  /** A new scenario with this stress. */
  apply: (scenario: Scenario) => Scenario;
}

function preset(key: StressPresetKey, label: Bilingual, description: Bilingual, stress: () => Stress): StressPreset {
  return { key, label, description, stress, apply: (scenario) => ({ ...scenario, stress: stress() }) };
}

const NO_STRESS = (): Stress => ({ factorShift: [], pdMultiplier: {}, lprShock: 0, depositRunOff: 0 });

export const STRESS_PRESETS: Readonly<Record<StressPresetKey, StressPreset>> = {
  none: preset(
    'none',
    { zh: '无压力', en: 'No stress' },
    { zh: '系统性因子按历史规律随机波动', en: 'The systematic factor moves at random around its long-run mean' },
    NO_STRESS,
  ),
  recessionYear2: preset(
    'recessionYear2',
    { zh: '第二年经济衰退', en: 'Recession in year 2' },
    {
      zh: '第二年系统性因子下移2个标准差（约每44年一遇的坏年份），违约率上升数倍',
      en: 'The systematic factor shifts down by 2σ in year 2 (a bad year of about 1 in 44): default rates rise several-fold',
    },
    () => ({ ...NO_STRESS(), factorShift: [0, -2] }), // docs/reference-model.md §1: "a recession in year 2 as a shift of −2σ"
  ),
  lprCut50bp: preset(
    'lprCut50bp',
    { zh: 'LPR下调50个基点', en: 'LPR cut by 50 bp' },
    {
      zh: 'LPR立即下调0.50个百分点：贷款在年度重定价日跟随下调，存款利率调整更慢、幅度更小，息差收窄',
      en: 'The LPR falls 0.50 pp at once: loans follow at their yearly reset, deposit rates later and by less, so margins narrow',
    },
    () => ({ ...NO_STRESS(), lprShock: -0.005 }), // [A] a 50 bp cut; the 1-year LPR fell from 4.15% (end-2019) to 3.00% (2025), docs/reference-values.md
  ),
  depositRun: preset(
    'depositRun',
    { zh: '对公存款流失', en: 'Deposit run' },
    {
      zh: '20%的对公存款在第一季度流失，以合格优质流动性资产支付，之后以同业融资逐季补回',
      en: '20% of corporate deposits leave in the first quarter, paid from HQLA, which is rebuilt with wholesale funding over the following quarters',
    },
    () => ({ ...NO_STRESS(), depositRunOff: 0.2 }), // [A]
  ),
};

/**
 * A new scenario with the named preset's stress.
 * @example applyStressPreset(demoScenario, 'recessionYear2').stress.factorShift // [0, -2]
 */
export function applyStressPreset(scenario: Scenario, key: StressPresetKey): Scenario {
  return STRESS_PRESETS[key].apply(scenario);
}
