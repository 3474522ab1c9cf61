/**
 * Pure edits of a client portfolio for the forms: each returns a new portfolio (the input is not
 * mutated) or the reason it cannot, so the state only ever holds a valid portfolio. Also the
 * closed-form key figures used by the comparison table (no simulation: instant for any number).
 */
import {
  assetCovarianceMatrix,
  checkAssetUniverse,
  checkCorrelation,
  DEFAULT_ASSET_CLASSES,
  DEFAULT_CORRELATION,
  parametricLoss,
  RISK_PROFILES,
  type AssetClass,
  type Bilingual,
  type ClientPortfolio,
  type RiskProfileKey,
  type WeightBounds,
} from '../../lib/model';

export const EDITED_SOURCE: Bilingual = { zh: '客户经理修改', en: 'edited by the client manager' };

export function defaultAsset(key: string): AssetClass | undefined {
  return DEFAULT_ASSET_CLASSES.find((a) => a.key === key);
}

/** The risk profile key of a portfolio when it is one of the five standard levels. */
export function profileKey(p: ClientPortfolio): RiskProfileKey | null {
  const k = p.client.riskProfile.key;
  return k in RISK_PROFILES ? (k as RiskProfileKey) : null;
}

export function withProfile(p: ClientPortfolio, key: RiskProfileKey): ClientPortfolio {
  const profile = RISK_PROFILES[key];
  return {
    ...p,
    client: { ...p.client, riskProfile: { ...profile, name: { ...profile.name }, ...(profile.maxLoss ? { maxLoss: { ...profile.maxLoss } } : {}) } },
  };
}

export function withClient(p: ClientPortfolio, patch: Partial<ClientPortfolio['client']>): ClientPortfolio {
  return { ...p, client: { ...p.client, ...patch } };
}

export function withNeed(p: ClientPortfolio, index: number, patch: Partial<ClientPortfolio['client']['cashNeeds'][number]>): ClientPortfolio {
  return withClient(p, { cashNeeds: p.client.cashNeeds.map((n, i) => (i === index ? { ...n, ...patch } : n)) });
}

export function withoutNeed(p: ClientPortfolio, index: number): ClientPortfolio {
  return withClient(p, { cashNeeds: p.client.cashNeeds.filter((_, i) => i !== index) });
}

export function withNewNeed(p: ClientPortfolio, label: string): ClientPortfolio {
  const year = Math.min(3, p.client.horizonYears);
  return withClient(p, { cashNeeds: [...p.client.cashNeeds, { year, amount: 100_000, label }] });
}

/** Weights scaled to sum to 1 (all zero: equal weights). */
export function normalised(weights: Readonly<Record<string, number>>): Record<string, number> {
  const keys = Object.keys(weights);
  const sum = keys.reduce((s, k) => s + Math.max(0, weights[k]), 0);
  if (!(sum > 0)) return Object.fromEntries(keys.map((k) => [k, 1 / keys.length]));
  return Object.fromEntries(keys.map((k) => [k, Math.max(0, weights[k]) / sum]));
}

export function withWeights(p: ClientPortfolio, weights: Readonly<Record<string, number>>): ClientPortfolio {
  return { ...p, weights: Object.fromEntries(p.assets.assets.map((a) => [a.key, weights[a.key] ?? 0])) };
}

/** An asset's μ or σ changed: its source says it was edited. */
export function withAssetFigure(p: ClientPortfolio, key: string, field: 'expectedReturn' | 'volatility', value: number): ClientPortfolio {
  const assets = p.assets.assets.map((a) => (a.key === key ? { ...a, [field]: value, source: { ...EDITED_SOURCE } } : a));
  return { ...p, assets: { ...p.assets, assets } };
}

/** Back to the default μ, σ and source of a default class. */
export function withAssetReset(p: ClientPortfolio, key: string): ClientPortfolio {
  const d = defaultAsset(key);
  if (!d) return p;
  const assets = p.assets.assets.map((a) =>
    a.key === key ? { ...a, expectedReturn: d.expectedReturn, volatility: d.volatility, source: { ...d.source } } : a,
  );
  return { ...p, assets: { ...p.assets, assets } };
}

export function isAssetEdited(a: AssetClass): boolean {
  const d = defaultAsset(a.key);
  return !!d && (d.expectedReturn !== a.expectedReturn || d.volatility !== a.volatility);
}

/**
 * Leaves a class out: its row and column of the correlation matrix go (a principal submatrix of
 * a valid matrix is valid), its weight is spread over the others in proportion.
 */
export function withoutAsset(p: ClientPortfolio, key: string): ClientPortfolio | null {
  const index = p.assets.assets.findIndex((a) => a.key === key);
  if (index < 0 || p.assets.assets.length <= 1) return null;
  const assets = p.assets.assets.filter((_, i) => i !== index);
  const correlation = p.assets.correlation.filter((_, i) => i !== index).map((row) => row.filter((_, j) => j !== index));
  const rest = Object.fromEntries(assets.map((a) => [a.key, p.weights[a.key] ?? 0]));
  const bounds = p.bounds ? Object.fromEntries(Object.entries(p.bounds).filter(([k]) => k !== key)) : undefined;
  const next: ClientPortfolio = { ...p, assets: { assets, correlation }, weights: normalised(rest), ...(bounds ? { bounds } : {}) };
  // bounds that no longer leave room (Σ max < 1) are dropped rather than leave an unusable portfolio
  const sumMax = assets.reduce((s, a) => s + (next.bounds?.[a.key]?.max ?? 1), 0);
  if (sumMax < 1 - 1e-12) return { ...next, bounds: {} };
  return next;
}

/**
 * Brings a default class back (weight 0) in its default place. Its correlations are the
 * defaults with the classes present; when they contradict the current (edited) matrix, they are
 * set to 0, which always keeps the matrix valid (a block-diagonal of valid matrices).
 */
export function withAsset(p: ClientPortfolio, key: string): { portfolio: ClientPortfolio; isZeroed: boolean } | null {
  const d = defaultAsset(key);
  if (!d || p.assets.assets.some((a) => a.key === key)) return null;
  const order = DEFAULT_ASSET_CLASSES.map((a) => a.key);
  const present = p.assets.assets.map((a) => a.key);
  // default classes keep their default order; any other class keeps its place after them
  const keys = [...present, key].sort((a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
  const byKey = new Map(p.assets.assets.map((a) => [a.key, a]));
  byKey.set(key, { ...d, name: { ...d.name }, source: { ...d.source } });
  const assets = keys.map((k) => byKey.get(k)!);
  const oldIndex = new Map(present.map((k, i) => [k, i]));
  const build = (useDefaults: boolean) =>
    keys.map((ki) =>
      keys.map((kj) => {
        if (ki === kj) return 1;
        if (ki !== key && kj !== key) return p.assets.correlation[oldIndex.get(ki)!][oldIndex.get(kj)!];
        const other = ki === key ? kj : ki;
        const a = order.indexOf(key);
        const b = order.indexOf(other);
        return useDefaults && b >= 0 ? DEFAULT_CORRELATION[a][b] : 0;
      }),
    );
  let correlation = build(true);
  let isZeroed = false;
  if (!checkCorrelation(correlation).isValid) {
    correlation = build(false);
    isZeroed = true;
  }
  return { portfolio: { ...p, assets: { assets, correlation }, weights: { ...Object.fromEntries(keys.map((k) => [k, p.weights[k] ?? 0])) } }, isZeroed };
}

/** A bound changed, if the bounds stay consistent; else the problem (bilingual). */
export function withBound(p: ClientPortfolio, key: string, side: 'min' | 'max', value: number): { portfolio: ClientPortfolio } | { problem: Bilingual } {
  const current: WeightBounds = { ...(p.bounds?.[key] ?? {}) };
  current[side] = value;
  const name = p.assets.assets.find((a) => a.key === key)?.name ?? { zh: key, en: key };
  if ((current.min ?? 0) > (current.max ?? 1)) {
    return { problem: { zh: `${name.zh}的下限高于上限`, en: `the minimum of ${name.en} is above its maximum` } };
  }
  const bounds = { ...(p.bounds ?? {}), [key]: current };
  let sumMin = 0;
  let sumMax = 0;
  for (const a of p.assets.assets) {
    sumMin += bounds[a.key]?.min ?? 0;
    sumMax += bounds[a.key]?.max ?? 1;
  }
  if (sumMin > 1 + 1e-12)
    return {
      problem: { zh: `各类资产下限之和 ${(sumMin * 100).toFixed(1)}% 超过100%`, en: `the minimum weights sum to ${(sumMin * 100).toFixed(1)}%, above 100%` },
    };
  if (sumMax < 1 - 1e-12)
    return {
      problem: { zh: `各类资产上限之和 ${(sumMax * 100).toFixed(1)}% 不足100%`, en: `the maximum weights sum to ${(sumMax * 100).toFixed(1)}%, below 100%` },
    };
  return { portfolio: { ...p, bounds } };
}

/** A new correlation matrix, if the universe stays valid; else its problems. */
export function withCorrelation(p: ClientPortfolio, matrix: number[][]): { portfolio: ClientPortfolio } | { problems: Bilingual[] } {
  const assets = { ...p.assets, correlation: matrix.map((r) => [...r]) };
  const problems = checkAssetUniverse(assets);
  return problems.length > 0 ? { problems: problems.map((q) => q.message) } : { portfolio: { ...p, assets } };
}

export interface KeyFigures {
  expectedReturn: number;
  volatility: number;
  /** Parametric (lognormal) 95 % VaR and ES over the loss limit's horizon, yuan. */
  valueAtRisk: number;
  expectedShortfall: number;
  horizonYears: number;
  confidence: number;
  isWithinProfile: boolean;
}

/**
 * Expected return, volatility and lognormal VaR/ES of the current allocation, in closed form
 * (risk.ts), and whether it meets the profile's limits.
 * @example keyFigures(demoClientPortfolio()).volatility // ≈ 0.068
 */
export function keyFigures(p: ClientPortfolio): KeyFigures {
  const n = p.assets.assets.length;
  const cov = assetCovarianceMatrix(p.assets);
  const w = p.assets.assets.map((a) => p.weights[a.key] ?? 0);
  let mu = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    mu += w[i] * p.assets.assets[i].expectedReturn;
    for (let j = 0; j < n; j++) v += w[i] * cov[i * n + j] * w[j];
  }
  const volatility = Math.sqrt(Math.max(v, 0));
  const profile = p.client.riskProfile;
  const confidence = profile.maxLoss?.confidence ?? 0.95;
  const horizonYears = profile.maxLoss?.horizonYears ?? p.client.horizonYears;
  const loss = parametricLoss(mu, volatility, horizonYears, confidence);
  const isWithinProfile =
    (profile.maxVolatility === undefined || volatility <= profile.maxVolatility + 1e-12) &&
    (!profile.maxLoss || loss.valueAtRisk <= profile.maxLoss.fraction + 1e-12);
  return {
    expectedReturn: mu,
    volatility,
    valueAtRisk: loss.valueAtRisk * p.client.amount,
    expectedShortfall: loss.expectedShortfall * p.client.amount,
    horizonYears,
    confidence,
    isWithinProfile,
  };
}
