/**
 * The validator of a client portfolio: unknown data in, a ClientPortfolio or every
 * problem out, each with its dotted path, the expected range and what was found. Never throws.
 * Used on import and on every read from IndexedDB (a damaged record is reported, not dropped).
 *
 * Two layers: a valibot schema for shapes and per-field ranges (from PORTFOLIO_SPECS, the same
 * ranges the forms use), then the checks across fields: asset keys unique, the correlation
 * matrix square, symmetric, unit-diagonal and positive semi-definite (the engine's own
 * `checkAssetUniverse`), weights on known classes summing to 100 %, bounds consistent.
 */
import * as v from 'valibot';
import { checkAssetUniverse, type ClientPortfolio, type InputSpec, type ValidationProblem } from '../model';
import { formatClientMoney, formatPercent } from '../i18n/format';
import { PORTFOLIO_LIMITS as L, PORTFOLIO_SPECS as S } from './portfolio-specs';

export type PortfolioValidation = { ok: true; portfolio: ClientPortfolio } | { ok: false; problems: ValidationProblem[] };

/** Weights must sum to 1 within this (the engine's own tolerance). */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const bilingual = v.object({ zh: text(L.source), en: text(L.source) });

function ranged(spec: InputSpec) {
  const base = v.pipe(v.number(), v.finite(), v.minValue(spec.min), v.maxValue(spec.max));
  return spec.isInteger ? v.pipe(base, v.integer()) : base;
}

const assetSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(L.key), v.regex(/^[A-Za-z][A-Za-z0-9_-]*$/)),
  name: bilingual,
  expectedReturn: ranged(S.expectedReturn),
  volatility: ranged(S.volatility),
  source: bilingual,
});

const riskProfileSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(L.key)),
  name: bilingual,
  maxVolatility: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1))),
  maxLoss: v.optional(
    v.object({
      fraction: v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1)),
      confidence: v.pipe(v.number(), v.finite(), v.minValue(L.minConfidence), v.maxValue(L.maxConfidence)),
      horizonYears: v.optional(ranged(S.horizonYears)),
    }),
  ),
  source: bilingual,
});

const portfolioSchema = v.object({
  schemaVersion: v.literal(1),
  client: v.object({
    name: v.optional(text(L.name)),
    riskProfile: riskProfileSchema,
    horizonYears: ranged(S.horizonYears),
    amount: ranged(S.amount),
    cashNeeds: v.pipe(v.array(v.object({ year: ranged(S.needYear), amount: ranged(S.needAmount), label: text(L.label) })), v.maxLength(L.cashNeeds)),
  }),
  assets: v.object({
    assets: v.pipe(v.array(assetSchema), v.minLength(1), v.maxLength(L.assets)),
    correlation: v.array(v.array(v.pipe(v.number(), v.finite(), v.minValue(-1), v.maxValue(1)))),
  }),
  weights: v.record(v.string(), ranged(S.weight)),
  bounds: v.optional(v.record(v.string(), v.object({ min: v.optional(ranged(S.boundMin)), max: v.optional(ranged(S.boundMax)) }))),
});

/** The spec behind a dotted path: numeric indices and asset keys become `*`. */
function specFor(path: string): InputSpec | undefined {
  const generic = path
    .replace(/\.\d+(?=\.|$)/g, '.*')
    .replace(/^(weights)\.[^.]+$/, '$1.*')
    .replace(/^(bounds)\.[^.]+\.(min|max)$/, '$1.*.$2');
  return Object.values(S).find((s) => s.path === generic);
}

/** A stored value as a person reads it: 万元 for money, % for rates and shares. */
function shown(spec: InputSpec, x: number, lang: 'zh' | 'en'): string {
  if (spec.unit === 'yuan') return formatClientMoney(x, lang);
  if (spec.unit === 'rate' || spec.unit === 'share') return formatPercent(x, 2);
  if (spec.unit === 'years') return lang === 'zh' ? `${x} 年` : `${x} years`;
  return String(x);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'object') return 'object';
  return String(x);
}

function problemFromIssue(issue: v.BaseIssue<unknown>): ValidationProblem {
  const path = v.getDotPath(issue) ?? '';
  const spec = specFor(path);
  const received = issue.received;
  switch (issue.type) {
    case 'min_value':
    case 'max_value':
    case 'gt_value':
      if (spec) {
        return {
          path,
          expected: `${spec.min} – ${spec.max}`,
          received,
          message: {
            zh: `超出范围，应在 ${shown(spec, spec.min, 'zh')} 至 ${shown(spec, spec.max, 'zh')} 之间`,
            en: `out of range, expected ${shown(spec, spec.min, 'en')} to ${shown(spec, spec.max, 'en')}`,
          },
        };
      }
      return {
        path,
        expected: issue.expected ?? undefined,
        received,
        message: { zh: `超出范围，应为 ${issue.expected}`, en: `out of range, expected ${issue.expected}` },
      };
    case 'integer':
      return { path, expected: 'integer', received, message: { zh: '应为整数', en: 'expected a whole number' } };
    case 'finite':
      return { path, expected: 'finite number', received, message: { zh: '应为有限数字', en: 'expected a finite number' } };
    case 'literal':
      return {
        path,
        expected: issue.expected ?? undefined,
        received,
        message: { zh: `不支持的版本，应为 ${issue.expected}`, en: `unsupported version, expected ${issue.expected}` },
      };
    case 'min_length':
      return { path, expected: `≥ ${issue.requirement as number}`, received, message: { zh: '不能为空', en: 'must not be empty' } };
    case 'max_length':
      return {
        path,
        expected: `≤ ${issue.requirement as number}`,
        received,
        message: { zh: `过长，最多 ${issue.requirement as number}`, en: `too long, at most ${issue.requirement as number}` },
      };
    case 'regex':
      return {
        path,
        expected: 'A–Z a–z 0–9 _ -',
        received,
        message: { zh: '资产代码应以字母开头，只含字母、数字、下划线或连字符', en: 'an asset key starts with a letter and holds only letters, digits, _ or -' },
      };
    default:
      return {
        path,
        expected: issue.expected ?? undefined,
        received,
        message: { zh: `格式错误：应为 ${issue.expected ?? '有效值'}`, en: `wrong type: expected ${issue.expected ?? 'a valid value'}` },
      };
  }
}

/**
 * The checks across fields of a portfolio whose fields are each valid: the asset universe
 * (keys, correlation matrix: shape, symmetry, diagonal, PSD), weights and bounds.
 * @example checkClientPortfolio(demoClientPortfolio()) // []
 */
export function checkClientPortfolio(p: ClientPortfolio): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const n = p.assets.assets.length;
  const rows = p.assets.correlation;
  const isShapeBad = rows.length !== n || rows.some((r) => r.length !== n);
  if (isShapeBad) {
    problems.push({
      path: 'assets.correlation',
      expected: `${n}×${n}`,
      received: `${rows.length}×${rows[0]?.length ?? 0}`,
      message: { zh: `相关系数矩阵应为${n}×${n}`, en: `the correlation matrix must be ${n}×${n}` },
    });
  }
  for (const q of checkAssetUniverse(p.assets)) {
    if (isShapeBad && q.path.startsWith('correlation')) continue; // already reported as a shape problem
    problems.push({ path: `assets.${q.path}`, message: q.message });
  }
  const keys = new Set(p.assets.assets.map((a) => a.key));
  let sum = 0;
  for (const [key, w] of Object.entries(p.weights)) {
    if (!keys.has(key))
      problems.push({
        path: `weights.${key}`,
        expected: [...keys].join(' | '),
        received: key,
        message: { zh: `未知的资产代码：${key}`, en: `unknown asset key: ${key}` },
      });
    sum += w;
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    problems.push({
      path: 'weights',
      expected: '1',
      received: sum.toFixed(6),
      message: { zh: `权重之和应为100%，现为 ${formatPercent(sum, 2)}`, en: `weights must sum to 100%, they sum to ${formatPercent(sum, 2)}` },
    });
  }
  let sumMin = 0;
  let sumMax = 0;
  for (const a of p.assets.assets) {
    const b = p.bounds?.[a.key];
    sumMin += b?.min ?? 0;
    sumMax += b?.max ?? 1;
    if (b && (b.min ?? 0) > (b.max ?? 1)) {
      problems.push({
        path: `bounds.${a.key}`,
        expected: 'min ≤ max',
        received: `${b.min} > ${b.max}`,
        message: { zh: `${a.name.zh}的下限高于上限`, en: `the minimum of ${a.name.en} is above its maximum` },
      });
    }
  }
  for (const key of Object.keys(p.bounds ?? {})) {
    if (!keys.has(key))
      problems.push({
        path: `bounds.${key}`,
        expected: [...keys].join(' | '),
        received: key,
        message: { zh: `未知的资产代码：${key}`, en: `unknown asset key: ${key}` },
      });
  }
  if (sumMin > 1 + 1e-12) {
    problems.push({
      path: 'bounds',
      expected: 'Σ min ≤ 100%',
      received: formatPercent(sumMin, 1),
      message: { zh: `各类资产下限之和 ${formatPercent(sumMin, 1)} 超过100%`, en: `the minimum weights sum to ${formatPercent(sumMin, 1)}, above 100%` },
    });
  }
  if (sumMax < 1 - 1e-12) {
    problems.push({
      path: 'bounds',
      expected: 'Σ max ≥ 100%',
      received: formatPercent(sumMax, 1),
      message: { zh: `各类资产上限之和 ${formatPercent(sumMax, 1)} 不足100%`, en: `the maximum weights sum to ${formatPercent(sumMax, 1)}, below 100%` },
    });
  }
  return problems;
}

/**
 * Validates unknown data as a client portfolio. Never throws. On success the portfolio is a
 * fresh copy with unknown fields dropped and a weight (0 if absent) for every asset class.
 * @example validateClientPortfolio(JSON.parse(text)) // { ok: true, portfolio } or { ok: false, problems }
 */
export function validateClientPortfolio(data: unknown): PortfolioValidation {
  try {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return {
        ok: false,
        problems: [{ path: '', expected: 'object', received: describe(data), message: { zh: '不是客户投资组合', en: 'not a client portfolio' } }],
      };
    }
    const parsed = v.safeParse(portfolioSchema, data);
    if (!parsed.success) return { ok: false, problems: parsed.issues.map(problemFromIssue) };
    const out = parsed.output;
    const portfolio: ClientPortfolio = {
      schemaVersion: 1,
      client: {
        ...(out.client.name !== undefined ? { name: out.client.name } : {}),
        riskProfile: out.client.riskProfile,
        horizonYears: out.client.horizonYears,
        amount: out.client.amount,
        cashNeeds: out.client.cashNeeds,
      },
      assets: out.assets,
      weights: { ...Object.fromEntries(out.assets.assets.map((a) => [a.key, 0])), ...out.weights },
      ...(out.bounds ? { bounds: out.bounds } : {}),
    };
    const problems = checkClientPortfolio(portfolio);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, portfolio };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } }] };
  }
}
