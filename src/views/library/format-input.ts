/**
 * Labels and values of any scenario input as a banker reads them: the spec's label with the
 * segment's name ("小客户 · 违约概率PD"), and the value in its unit (亿元/万元, %, 上浮/下浮).
 * Inputs outside INPUT_SPECS (tenor buckets, the capital approach, the target mix…) get their label
 * from the model's FIELD_LABELS, so "what did I change?" and the compare table name every input.
 */
import { diffScenarios, FIELD_LABELS, inputSpec, readPath, type Bilingual, type Scenario } from '../../lib/model';
import { formatClientMoney, formatMoney, formatPercent, formatSpread, roundShares, type Lang } from '../../lib/i18n/format';
import { displayUnit } from '../../lib/i18n/units';

const PERCENT_FIELDS =
  /(^segments\.\d+\.tenor\.|^levers\.targetMix|^stress\.depositRunOff$|^simulation\.(profitRetention|depositPassThrough|attritionCurve)$|^levers\.managerGrowth$|^segments\.\d+\.correlation$)/;

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
    const part =
      entry[2] === 'baseline' ? (lang === 'zh' ? '（基准）' : ' (baseline)') : entry[2] === 'loanBook' ? (lang === 'zh' ? ' · 贷款清单' : ' · loan book') : '';
    const field =
      entry[2] === 'title'
        ? lang === 'zh'
          ? '名称'
          : 'name'
        : entry[2] === 'description'
          ? lang === 'zh'
            ? '说明'
            : 'description'
          : entry[3] && entry[2] !== 'loanBook'
            ? placeLabel(entry[3], lang)
            : (entry[3] ?? '');
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
    return value
      .map((x) =>
        typeof x === 'number' && PERCENT_FIELDS.test(path)
          ? formatPercent(x, 1)
          : typeof x === 'number' && path === 'market.lprPath'
            ? formatPercent(x, 2)
            : String(x),
      )
      .join(' / ');
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
