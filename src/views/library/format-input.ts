/**
 * Labels and values of any scenario input as a banker reads them: the spec's label with the
 * segment's name ("小客户 · 违约概率PD"), and the value in its unit (亿元/万元, %, 上浮/下浮).
 * Inputs outside INPUT_SPECS (tenor buckets, the capital approach, the target mix…) get a label
 * from the table below, so "what did I change?" and the compare table name every input.
 */
import { diffScenarios, inputSpec, readPath, type Bilingual, type Scenario } from '../../lib/model';
import { formatClientMoney, formatMoney, formatPercent, formatSpread, roundShares, type Lang } from '../../lib/i18n/format';
import { displayUnit } from '../../lib/i18n/units';

const FIELD_LABELS: Record<string, Bilingual> = {
  'tenor.upTo3m': { zh: '期限占比（≤3个月）', en: 'Tenor share (≤3m)' },
  'tenor.m3to12': { zh: '期限占比（3–12个月）', en: 'Tenor share (3–12m)' },
  'tenor.y1to3': { zh: '期限占比（1–3年）', en: 'Tenor share (1–3y)' },
  'tenor.y3to5': { zh: '期限占比（3–5年）', en: 'Tenor share (3–5y)' },
  'tenor.over5y': { zh: '期限占比（5年以上）', en: 'Tenor share (>5y)' },
  key: { zh: '客户层标识', en: 'Segment key' },
  'name.zh': { zh: '名称（中文）', en: 'Name (Chinese)' },
  'name.en': { zh: '名称（英文）', en: 'Name (English)' },
  correlation: { zh: '资产相关系数', en: 'Asset correlation' },
  depositClass: { zh: '存款类别', en: 'Deposit class' },
  'market.lprPath': { zh: 'LPR年度变动路径', en: 'LPR path' },
  'settings.capitalApproach': { zh: '资本计量方法', en: 'Capital approach' },
  'levers.targetMix': { zh: '目标结构', en: 'Target mix' },
  'levers.managerHeadcount': { zh: '客户经理人数', en: 'Client-manager headcount' },
  'levers.managerGrowth': { zh: '客户经理年增长', en: 'Headcount growth' },
  'levers.onboardingPerManagerPerQuarter': { zh: '每名客户经理每季新增客户', en: 'Onboarding per manager per quarter' },
  'stress.factorShift': { zh: '系统性因子冲击', en: 'Systematic factor shift' },
  'stress.pdMultiplier': { zh: 'PD压力倍数', en: 'PD stress multiplier' },
  'stress.lprShock': { zh: 'LPR冲击', en: 'LPR shock' },
  'stress.depositRunOff': { zh: '对公存款额外流失', en: 'Extra deposit run-off' },
  'simulation.horizonYears': { zh: '模拟年数', en: 'Horizon (years)' },
  'simulation.stepsPerYear': { zh: '每年步数', en: 'Steps per year' },
  'simulation.paths': { zh: '模拟路径数', en: 'Paths' },
  'simulation.seed': { zh: '随机种子', en: 'Seed' },
  'simulation.factorPersistence': { zh: '因子持续性φ', en: 'Factor persistence φ' },
  'simulation.nplWorkoutQuarters': { zh: '不良处置季度数', en: 'NPL workout (quarters)' },
  'simulation.attritionCurve': { zh: '客户流失率曲线', en: 'Attrition curve' },
  'simulation.depositPassThrough': { zh: '存款利率传导比例', en: 'Deposit pass-through' },
  'simulation.depositRepricingQuarters': { zh: '存款重定价滞后（季度）', en: 'Deposit repricing lag (quarters)' },
  'simulation.profitRetention': { zh: '利润留存比例', en: 'Profit retention' },
};

const PERCENT_FIELDS = /(^segments\.\d+\.tenor\.|^levers\.targetMix|^stress\.depositRunOff$|^simulation\.(profitRetention|depositPassThrough|attritionCurve)$|^levers\.managerGrowth$|^segments\.\d+\.correlation$)/;

/** "小客户 · 违约概率PD" for `segments.2.pd` of a scenario; the path itself when nothing is known. */
export function inputLabel(path: string, scenario: Scenario | null, lang: Lang): string {
  const seg = /^segments\.(\d+)\.(.+)$/.exec(path);
  const spec = inputSpec(path);
  let label: string | undefined = spec?.label[lang];
  let field = path;
  if (seg) field = seg[2];
  if (!label) {
    const exact = FIELD_LABELS[field] ?? FIELD_LABELS[path];
    if (exact) label = exact[lang];
    else {
      // `levers.targetMix.small`, `stress.pdMultiplier.large`: the parent's label and the key.
      const parent = Object.keys(FIELD_LABELS).find((k) => path.startsWith(k + '.'));
      label = parent ? `${FIELD_LABELS[parent][lang]} · ${segmentName(path.slice(parent.length + 1), scenario, lang)}` : path;
    }
  }
  if (!seg) return label;
  const segment = scenario?.segments[Number(seg[1])];
  const name = segment ? segment.name[lang] : `${lang === 'zh' ? '客户层' : 'segment'} ${Number(seg[1]) + 1}`;
  return `${name} · ${label}`;
}

/** The top-level groups of a scenario, named for a problem's place. */
const GROUPS: Record<string, Bilingual> = {
  bank: { zh: '银行资产负债', en: 'bank balance sheet' },
  market: { zh: '市场', en: 'market' },
  segments: { zh: '客户层', en: 'segments' },
  levers: { zh: '调节杆', en: 'levers' },
  settings: { zh: '设置', en: 'settings' },
  simulation: { zh: '经营推演设置', en: 'simulation settings' },
  stress: { zh: '压力情景', en: 'stress' },
  tenor: { zh: '期限结构', en: 'tenor' },
};

/** An input's label, or the name of the group a path points into ("bank" → 银行资产负债). */
function placeLabel(path: string, lang: Lang): string {
  const label = inputLabel(path, null, lang);
  if (label !== path) return label;
  const top = path.split('.')[0];
  return GROUPS[top] ? [GROUPS[top][lang], path.split('.').slice(1).join('.')].filter(Boolean).join(' · ') : path;
}

/**
 * Where a problem in an imported file or a link is, in words: "第3个情景 · 大客户 · 违约概率PD"
 * rather than `scenarios.2.scenario.segments.0.pd`. '' for the whole file.
 */
export function problemPlace(path: string, lang: Lang): string {
  if (!path) return '';
  const entry = /^scenarios\.(\d+)(?:\.(scenario|baseline|loanBook|title|description|tags|id|createdAt|updatedAt))?(?:\.(.+))?$/.exec(path);
  if (entry) {
    const n = Number(entry[1]) + 1;
    const which = lang === 'zh' ? `第${n}个情景` : `scenario ${n}`;
    const part = entry[2] === 'baseline' ? (lang === 'zh' ? '（基准）' : ' (baseline)') : entry[2] === 'loanBook' ? (lang === 'zh' ? ' · 贷款清单' : ' · loan book') : '';
    const field = entry[2] === 'title' ? (lang === 'zh' ? '名称' : 'name') : entry[2] === 'description' ? (lang === 'zh' ? '说明' : 'description') : entry[3] && entry[2] !== 'loanBook' ? placeLabel(entry[3], lang) : (entry[3] ?? '');
    return [which + part, field].filter(Boolean).join(' · ');
  }
  if (path === 'scenarios') return lang === 'zh' ? '情景列表' : 'the list of scenarios';
  return placeLabel(path, lang);
}

/**
 * What changed from `base` to `current`, in a few words, for a saved scenario's name and
 * description: "大客户50% · 中客户36% · 小客户14% · 小客户 · 违约概率PD 3.00%". The mix is given
 * as shares summing to 100 (roundShares); each other input as its label and new value.
 * `max` limits the items (an ellipsis says more were left out).
 */
export function changeSummary(base: Scenario, current: Scenario, lang: Lang, max = 3): { items: string[]; total: number } {
  const diffs = diffScenarios(base, current);
  const items: string[] = [];
  const isShare = (p: string) => /^segments\.\d+\.share$/.test(p);
  if (diffs.some((d) => isShare(d.path))) {
    const shown = roundShares(current.segments.map((x) => x.share));
    current.segments.forEach((seg, i) => items.push(`${seg.name[lang]}${lang === 'zh' ? '' : ' '}${shown[i]}%`));
  }
  for (const d of diffs) {
    if (isShare(d.path)) continue;
    items.push(`${inputLabel(d.path, current, lang)} ${formatInputValue(d.path, d.after, lang)}`);
  }
  return { items: items.slice(0, max), total: items.length };
}

/** The summary as one line: "大客户50% · 中客户36% · 小客户14% …". */
export function changeLine(base: Scenario, current: Scenario, lang: Lang, max = 3): string {
  const { items, total } = changeSummary(base, current, lang, max);
  return items.join(' · ') + (total > items.length ? ' …' : '');
}

function segmentName(key: string, scenario: Scenario | null, lang: Lang): string {
  return scenario?.segments.find((s) => s.key === key)?.name[lang] ?? key;
}

/** A value of `path` in the unit a banker reads; '—' for a missing value. */
export function formatInputValue(path: string, value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'zh' ? '（无）' : '(none)';
  if (value === null) return lang === 'zh' ? '默认' : 'default';
  const spec = inputSpec(path);
  if (typeof value === 'number') {
    if (spec) {
      switch (spec.unit) {
        case 'yuan':
          return spec.group === 'bank' ? formatMoney(value, lang) : formatClientMoney(value, lang);
        case 'rate':
          return formatPercent(value, 2);
        case 'share':
          // At the input's step (one decimal at most), as the mix fields show it.
          return formatPercent(value, 1);
        case 'bp':
          return path.endsWith('spreadBp') || path.endsWith('marketSpreadBp') ? formatSpread(value, lang) : `${value} ${lang === 'zh' ? '基点' : 'bp'}`;
        default: {
          const u = displayUnit(spec, lang);
          return `${Number(value.toFixed(u.shown))}${u.label ? ' ' + u.label : ''}`;
        }
      }
    }
    if (PERCENT_FIELDS.test(path)) return formatPercent(value, 2);
    if (path === 'stress.lprShock') return formatPercent(value, 2);
    return String(Number(value.toPrecision(10)));
  }
  if (typeof value === 'string') {
    if (path === 'settings.capitalApproach') return value === 'irb' ? (lang === 'zh' ? '内部评级法' : 'IRB') : lang === 'zh' ? '权重法' : 'standardized';
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh' ? '（空）' : '(empty)';
    return value.map((x) => (typeof x === 'number' && PERCENT_FIELDS.test(path) ? formatPercent(x, 1) : typeof x === 'number' && path === 'market.lprPath' ? formatPercent(x, 2) : String(x))).join(' / ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, x]) => `${k} ${typeof x === 'number' && PERCENT_FIELDS.test(path) ? formatPercent(x, 1) : String(x)}`)
      .join(' / ');
  }
  return String(value);
}

/** The value of `path` in a scenario, formatted. */
export function formatPathOf(scenario: Scenario, path: string, lang: Lang): string {
  return formatInputValue(path, readPath(scenario, path), lang);
}
