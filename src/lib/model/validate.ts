/**
 * Validation of a whole scenario (a saved one, an imported file, a shared link), generated from
 * the one input schema (inputs.ts): every numeric input gets its range from INPUT_SPECS. Never
 * throws: returns the scenario, or every problem with its path, what was expected and what was found.
 */
import * as v from 'valibot';
import { INPUT_SPECS, inputSpec, type Bilingual } from './inputs';
import { migrateScenario } from './migrate';
import { SCHEMA_VERSION, TENOR_BUCKETS, type Scenario } from './scenario';

export interface ValidationProblem {
  /** Dotted path in the scenario, e.g. `segments.2.pd`. */
  path: string;
  message: Bilingual;
  /** What was expected, e.g. `0 – 0.5`. */
  expected?: string;
  /** What was found, as text. */
  received?: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; problems: ValidationProblem[] };

/** A finite number within the spec's range for `path` (a `segments.*.x` path for segment fields). */
function num(path: string) {
  const spec = INPUT_SPECS.find((s) => s.path === path);
  if (!spec) return v.pipe(v.number(), v.finite());
  const base = v.pipe(v.number(), v.finite(), v.minValue(spec.min), v.maxValue(spec.max));
  return spec.isInteger ? v.pipe(base, v.integer()) : base;
}
const fraction = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
const bilingual = v.object({ zh: v.string(), en: v.string() });

function tenorProfile(prefix: string) {
  return v.object(
    Object.fromEntries(TENOR_BUCKETS.map((b) => [b, prefix ? num(`${prefix}.${b}`) : fraction])) as Record<(typeof TENOR_BUCKETS)[number], typeof fraction>,
  );
}

const segmentSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  name: bilingual,
  share: num('segments.*.share'),
  avgExposure: num('segments.*.avgExposure'),
  sizeSigma: num('segments.*.sizeSigma'),
  pd: num('segments.*.pd'),
  lgd: num('segments.*.lgd'),
  correlation: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(0.99))),
  turnover: num('segments.*.turnover'),
  tenor: tenorProfile(''),
  spreadBp: num('segments.*.spreadBp'),
  marketSpreadBp: num('segments.*.marketSpreadBp'),
  demandElasticity: num('segments.*.demandElasticity'),
  adverseSelectionSlope: num('segments.*.adverseSelectionSlope'),
  franchiseShare: num('segments.*.franchiseShare'),
  franchisePdSlope: num('segments.*.franchisePdSlope'),
  franchiseSpreadSlopeBp: num('segments.*.franchiseSpreadSlopeBp'),
  depositsPerLoan: num('segments.*.depositsPerLoan'),
  depositRate: num('segments.*.depositRate'),
  operationalShare: num('segments.*.operationalShare'),
  depositClass: v.picklist(['corporate', 'smallBusiness']),
  feePerClient: num('segments.*.feePerClient'),
  productsPerClient: num('segments.*.productsPerClient'),
  acquisitionCostPerClient: num('segments.*.acquisitionCostPerClient'),
  undrawnPerLoan: num('segments.*.undrawnPerLoan'),
  servicingCostPerClient: num('segments.*.servicingCostPerClient'),
  clientsPerManager: num('segments.*.clientsPerManager'),
  riskWeight: num('segments.*.riskWeight'),
  smallMicroCap: v.nullable(num('segments.*.smallMicroCap')),
});

const scenarioSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  name: bilingual,
  description: bilingual,
  market: v.object({
    lpr1y: num('market.lpr1y'),
    lprPath: v.array(v.pipe(v.number(), v.finite(), v.minValue(-0.05), v.maxValue(0.05))),
    ftpLoans: tenorProfile('market.ftpLoans'),
    ftpDepositCredit: num('market.ftpDepositCredit'),
    wholesaleRate: num('market.wholesaleRate'),
    ftpPassThrough: num('market.ftpPassThrough'),
    hqlaYield: num('market.hqlaYield'),
    taxRate: num('market.taxRate'),
    hurdleRate: num('market.hurdleRate'),
  }),
  bank: v.object({
    netCapital: num('bank.netCapital'),
    tier1Capital: num('bank.tier1Capital'),
    cet1Capital: num('bank.cet1Capital'),
    otherRwa: num('bank.otherRwa'),
    hqla: num('bank.hqla'),
    retailDeposits: num('bank.retailDeposits'),
    retailStableShare: num('bank.retailStableShare'),
    retailLoans: num('bank.retailLoans'),
    otherAssets: num('bank.otherAssets'),
    otherLiabilities: num('bank.otherLiabilities'),
    wholesaleShareUnder30d: num('bank.wholesaleShareUnder30d'),
    wholesaleShareOver1y: num('bank.wholesaleShareOver1y'),
    corporateLoans: num('bank.corporateLoans'),
    corporateLoanGrowth: num('bank.corporateLoanGrowth'),
  }),
  segments: v.pipe(v.array(segmentSchema), v.minLength(1)),
  levers: v.object({
    targetMix: v.nullable(v.record(v.string(), fraction)),
    paceQuarters: num('levers.paceQuarters'),
    managerHeadcount: v.nullable(num('levers.managerHeadcount')),
    managerGrowth: num('levers.managerGrowth'),
    managerCost: num('levers.managerCost'),
    onboardingPerManagerPerQuarter: num('levers.onboardingPerManagerPerQuarter'),
  }),
  stress: v.object({
    factorShift: v.array(v.pipe(v.number(), v.finite(), v.minValue(-6), v.maxValue(6))),
    pdMultiplier: v.record(v.string(), v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(20))),
    lprShock: v.pipe(v.number(), v.finite(), v.minValue(-0.05), v.maxValue(0.05)),
    depositRunOff: fraction,
  }),
  simulation: v.object({
    horizonYears: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)),
    stepsPerYear: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
    paths: num('simulation.paths'),
    seed: num('simulation.seed'),
    factorPersistence: num('simulation.factorPersistence'),
    nplWorkoutQuarters: num('simulation.nplWorkoutQuarters'),
    attritionCurve: v.pipe(v.array(fraction), v.minLength(1)),
    depositPassThrough: num('simulation.depositPassThrough'),
    depositRepricingQuarters: num('simulation.depositRepricingQuarters'),
    profitRetention: num('simulation.profitRetention'),
  }),
  settings: v.object({
    capitalApproach: v.picklist(['standardized', 'irb']),
    irbScalingFactor: num('settings.irbScalingFactor'),
    outputFloor: num('settings.outputFloor'),
  }),
});

/** Exposed for other validators (packs, libraries) that embed a scenario. */
export const ScenarioSchema = scenarioSchema;

const TOLERANCE = 1e-6;

function problemFromIssue(issue: v.BaseIssue<unknown>): ValidationProblem {
  const path = v.getDotPath(issue) ?? '';
  const spec = inputSpec(path);
  const range = spec ? `${spec.min} – ${spec.max}` : undefined;
  const received = issue.received;
  switch (issue.type) {
    case 'min_value':
    case 'max_value':
      return {
        path,
        expected: range ?? issue.expected ?? undefined,
        received,
        message: { zh: `超出范围，应在 ${range ?? issue.expected} 之间`, en: `out of range, expected ${range ?? issue.expected}` },
      };
    case 'integer':
      return { path, received, expected: 'integer', message: { zh: '应为整数', en: 'expected a whole number' } };
    case 'finite':
      return { path, received, expected: 'finite number', message: { zh: '应为有限数字', en: 'expected a finite number' } };
    case 'literal':
      return {
        path,
        received,
        expected: String(issue.expected),
        message: { zh: `不支持的版本，应为 ${SCHEMA_VERSION}`, en: `unsupported version, expected ${SCHEMA_VERSION}` },
      };
    case 'min_length':
      return { path, received, expected: issue.expected ?? undefined, message: { zh: '不能为空', en: 'must not be empty' } };
    default:
      return {
        path,
        received,
        expected: issue.expected ?? undefined,
        message: { zh: `格式错误：应为 ${issue.expected ?? '有效值'}`, en: `wrong type: expected ${issue.expected ?? 'a valid value'}` },
      };
  }
}

/** Checks that go beyond one field: shares sum to 1, tenors sum to 1, segment keys are unique. */
function crossFieldProblems(s: Scenario): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const shareSum = s.segments.reduce((a, seg) => a + seg.share, 0);
  if (Math.abs(shareSum - 1) > TOLERANCE) {
    problems.push({
      path: 'segments',
      expected: '1',
      received: shareSum.toFixed(6),
      message: {
        zh: `各层贷款占比之和应为100%，现为 ${(shareSum * 100).toFixed(2)}%`,
        en: `segment shares must sum to 100%, they sum to ${(shareSum * 100).toFixed(2)}%`,
      },
    });
  }
  s.segments.forEach((seg, i) => {
    const t = TENOR_BUCKETS.reduce((a, b) => a + seg.tenor[b], 0);
    if (Math.abs(t - 1) > TOLERANCE) {
      problems.push({
        path: `segments.${i}.tenor`,
        expected: '1',
        received: t.toFixed(6),
        message: { zh: `期限结构之和应为100%，现为 ${(t * 100).toFixed(2)}%`, en: `tenor profile must sum to 100%, it sums to ${(t * 100).toFixed(2)}%` },
      });
    }
  });
  const keys = new Set<string>();
  s.segments.forEach((seg, i) => {
    if (keys.has(seg.key)) problems.push({ path: `segments.${i}.key`, received: seg.key, message: { zh: '客户层标识重复', en: 'duplicate segment key' } });
    keys.add(seg.key);
  });
  return problems;
}

/**
 * Validates unknown data as a scenario. Never throws.
 * @example validateScenario(JSON.parse(text)) // { ok: true, scenario } or { ok: false, problems }
 */
export function validateScenario(data: unknown): ValidationResult {
  try {
    const parsed = v.safeParse(scenarioSchema, migrateScenario(data));
    if (!parsed.success) return { ok: false, problems: parsed.issues.map(problemFromIssue) };
    const scenario = parsed.output as Scenario;
    const problems = crossFieldProblems(scenario);
    return problems.length ? { ok: false, problems } : { ok: true, scenario };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } }] };
  }
}
