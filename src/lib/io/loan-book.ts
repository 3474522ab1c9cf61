/**
 * A strategist's real loan book, one row per client: its columns and their rules, the check of
 * stored rows, the book's figures and a calibration of a scenario's inputs to it. The CSV reader
 * is loan-book-csv.ts (papaparse stays out of modules the first screen loads). Everything here is
 * pure and runs in the browser: nothing leaves it.
 *
 * Rows are the engine's `LoanBookRow` (model/book.ts); the concentration figures use the engine's
 * `concentration()` on `loanBookExposures()` (real book) and `scenarioExposures()` (the generated one).
 */
import {
  concentration,
  INPUT_SPECS,
  loanBookExposures,
  scenarioExposures,
  TENOR_BUCKETS,
  validateScenario,
  type Bilingual,
  type Concentration,
  type LoanBookRow,
  type Scenario,
  type TenorProfile,
} from '../model';
import { ROW_NUMBER_FIELDS } from './loan-book-fields';

/** A row as the engine reads it (model/book.ts): every column of the CSV filled, `group` only when given. */
export type { LoanBookRow };

export type LoanBookColumn = 'id' | 'segment' | 'exposure' | 'pd' | 'lgd' | 'tenor' | 'rate' | 'deposits' | 'products' | 'group';

export const LOAN_BOOK_COLUMNS: readonly LoanBookColumn[] = ['id', 'segment', 'exposure', 'pd', 'lgd', 'tenor', 'rate', 'deposits', 'products', 'group'];

export const MAX_PROBLEMS = 200;

export interface NumberRule {
  min: number;
  max: number;
  /** The lower bound itself is not allowed (exposure > 0). */
  isMinExclusive?: boolean;
  isInteger?: boolean;
  /** A decimal that may be written as a percentage (1.5%). */
  isFraction?: boolean;
}

/** The range of each numeric column, for the CSV, stored books and imported library files alike. */
export const RULES: Record<'exposure' | 'pd' | 'lgd' | 'tenor' | 'rate' | 'deposits' | 'products', NumberRule> = {
  exposure: { min: 0, max: 1e12, isMinExclusive: true },
  pd: { min: 0, max: 1, isFraction: true },
  lgd: { min: 0, max: 1, isFraction: true },
  tenor: { min: 0, max: 50, isMinExclusive: true },
  rate: { min: 0, max: 0.5, isFraction: true },
  deposits: { min: 0, max: 1e13 },
  products: { min: 0, max: 100, isInteger: true },
};

export function rangeText(r: NumberRule): string {
  return `${r.isMinExclusive ? '>' : ''}${r.min} – ${r.max}`;
}

/** A problem of a stored or imported book, with its path (`rows.<i>.<field>`). */
export interface BookProblem {
  path: string;
  message: Bilingual;
  expected?: string;
  received?: string;
}

/**
 * Checks rows that come from a stored record or an imported library file (already parsed):
 * the same rules as the CSV, with `rows.<i>.<field>` paths. Never throws.
 */
export function checkLoanBookRows(rows: unknown, segmentKeys: readonly string[]): { ok: true; rows: LoanBookRow[] } | { ok: false; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  if (!Array.isArray(rows)) return { ok: false, problems: [{ path: 'rows', message: { zh: '应为数组', en: 'expected an array' }, received: typeof rows }] };
  const keys = new Set(segmentKeys);
  const ids = new Set<string>();
  const out: LoanBookRow[] = [];
  rows.forEach((r: unknown, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      problems.push({ path: `rows.${i}`, message: { zh: '应为对象', en: 'expected an object' } });
      return;
    }
    const row = r as Record<string, unknown>;
    let isOk = true;
    if (typeof row.id !== 'string' || row.id === '' || row.id.length > 100 || ids.has(row.id)) {
      isOk = false;
      problems.push({
        path: `rows.${i}.id`,
        message: { zh: '客户编号缺失、过长或重复', en: 'client id missing, too long or duplicate' },
        received: String(row.id),
      });
    } else ids.add(row.id);
    if (typeof row.segment !== 'string' || !keys.has(row.segment)) {
      isOk = false;
      problems.push({
        path: `rows.${i}.segment`,
        message: { zh: '未知的客户层', en: 'unknown segment' },
        expected: [...keys].join(', '),
        received: String(row.segment),
      });
    }
    const out1: LoanBookRow = { id: String(row.id), segment: String(row.segment), exposure: 0, pd: 0, lgd: 0 };
    for (const [field, ruleKey, isRequired] of ROW_NUMBER_FIELDS) {
      const value = row[field];
      if (value === undefined && !isRequired) continue;
      const rule = RULES[ruleKey];
      const tooLow = typeof value === 'number' && (rule.isMinExclusive ? value <= rule.min : value < rule.min);
      if (typeof value !== 'number' || !Number.isFinite(value) || tooLow || value > rule.max || (rule.isInteger && !Number.isInteger(value))) {
        isOk = false;
        problems.push({
          path: `rows.${i}.${field}`,
          message: { zh: `应为 ${rangeText(rule)} 之间的数字`, en: `expected a number in ${rangeText(rule)}` },
          expected: rangeText(rule),
          received: String(value),
        });
      } else (out1 as unknown as Record<string, number>)[field] = value;
    }
    if (!(row.group === undefined || row.group === null || (typeof row.group === 'string' && row.group.length <= 100))) {
      isOk = false;
      problems.push({ path: `rows.${i}.group`, message: { zh: '集团名称应为文本', en: 'group must be text' }, received: String(row.group) });
    } else if (typeof row.group === 'string' && row.group !== '') out1.group = row.group;
    if (isOk) out.push(out1);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}

export interface BookFigures {
  /** The real book's concentration (engine: concentration(loanBookExposures(rows))). */
  real: Concentration;
  /** The generated book's (engine: concentration(scenarioExposures(scenario))). */
  generated: Concentration;
  /** The real book's largest client, by name. */
  largest: { id: string; exposure: number } | null;
  /** Loans, clients and share of the real book by segment key. */
  bySegment: Record<string, { loans: number; clients: number; share: number }>;
}

/**
 * The concentration of a real book next to the one the scenario's inputs generate, against the
 * scenario's net capital (docs/reference-model.md §3, §6), both from the engine's `concentration()`.
 * @example bookFigures(rows, demoScenario).real.largestToCapital // the largest client / net capital
 */
export function bookFigures(rows: readonly LoanBookRow[], scenario: Scenario): BookFigures {
  const netCapital = scenario.bank.netCapital;
  const real = concentration(loanBookExposures(rows, scenario), netCapital);
  const generated = concentration(scenarioExposures(scenario), netCapital);
  let largest: BookFigures['largest'] = null;
  for (const r of rows) if (!largest || r.exposure > largest.exposure) largest = { id: r.id, exposure: r.exposure };
  const bySegment: BookFigures['bySegment'] = {};
  for (const r of rows) {
    const seg = (bySegment[r.segment] ??= { loans: 0, clients: 0, share: 0 });
    seg.loans += r.exposure;
    seg.clients += 1;
  }
  for (const seg of Object.values(bySegment)) seg.share = real.totalExposure > 0 ? seg.loans / real.totalExposure : 0;
  return { real, generated, largest, bySegment };
}

function tenorBucket(years: number): (typeof TENOR_BUCKETS)[number] {
  if (years <= 0.25) return 'upTo3m';
  if (years <= 1) return 'm3to12';
  if (years <= 3) return 'y1to3';
  if (years <= 5) return 'y3to5';
  return 'over5y';
}

function clampTo(path: string, value: number): number {
  const spec = INPUT_SPECS.find((s) => s.path === path);
  if (!spec) return value;
  const v = Math.min(spec.max, Math.max(spec.min, value));
  return spec.isInteger ? Math.round(v) : v;
}

/**
 * The scenario's inputs calibrated to a real book, so the closed-form figures use it: the book
 * total L, the mix by segment, and per segment the average exposure, the exposure-weighted PD, LGD
 * and tenor profile, the spread implied by the average rate (spread = rate − LPR, in bp), deposits
 * per yuan of loans, products per client and the dispersion of client sizes (σ of log exposure).
 * A segment with no client in the book gets a share of 0 and keeps its other inputs. Every value
 * is clamped to its input's range; the result is validated.
 */
export function calibrateFromBook(
  scenario: Scenario,
  rows: readonly LoanBookRow[],
): { ok: true; scenario: Scenario } | { ok: false; problems: { path: string; message: Bilingual }[] } {
  const total = rows.reduce((a, r) => a + r.exposure, 0);
  if (total <= 0) return { ok: false, problems: [{ path: 'rows', message: { zh: '贷款明细为空', en: 'the loan book is empty' } }] };
  const lpr = scenario.market.lpr1y;
  const segments = scenario.segments.map((seg) => {
    const mine = rows.filter((r) => r.segment === seg.key);
    const loans = mine.reduce((a, r) => a + r.exposure, 0);
    if (mine.length === 0 || loans <= 0) return { ...seg, share: 0 };
    const w = (f: (r: LoanBookRow) => number) => mine.reduce((a, r) => a + r.exposure * f(r), 0) / loans;
    // Optional columns: a segment keeps its own input where the book does not say.
    const has = (f: 'tenorYears' | 'rate' | 'deposits' | 'productsHeld') => mine.every((r) => typeof r[f] === 'number');
    let tenor = seg.tenor;
    if (has('tenorYears')) {
      tenor = Object.fromEntries(TENOR_BUCKETS.map((b) => [b, 0])) as TenorProfile;
      for (const r of mine) tenor[tenorBucket(r.tenorYears!)] += r.exposure / loans;
    }
    const logs = mine.map((r) => Math.log(r.exposure));
    const meanLog = logs.reduce((a, x) => a + x, 0) / logs.length;
    const sigma = logs.length > 1 ? Math.sqrt(logs.reduce((a, x) => a + (x - meanLog) ** 2, 0) / (logs.length - 1)) : seg.sizeSigma;
    return {
      ...seg,
      share: loans / total,
      avgExposure: clampTo('segments.*.avgExposure', loans / mine.length),
      sizeSigma: clampTo('segments.*.sizeSigma', sigma),
      pd: clampTo(
        'segments.*.pd',
        w((r) => r.pd),
      ),
      lgd: clampTo(
        'segments.*.lgd',
        w((r) => r.lgd),
      ),
      tenor,
      spreadBp: has('rate') ? clampTo('segments.*.spreadBp', Math.round((w((r) => r.rate!) - lpr) * 1e4)) : seg.spreadBp,
      depositsPerLoan: has('deposits') ? clampTo('segments.*.depositsPerLoan', mine.reduce((a, r) => a + r.deposits!, 0) / loans) : seg.depositsPerLoan,
      productsPerClient: has('productsHeld')
        ? clampTo('segments.*.productsPerClient', mine.reduce((a, r) => a + r.productsHeld!, 0) / mine.length)
        : seg.productsPerClient,
    };
  });
  // Shares and tenor profiles must sum to 1 exactly: put the float residual on the largest part.
  const fixSum = (values: number[]) => {
    const residual = 1 - values.reduce((a, x) => a + x, 0);
    const k = values.indexOf(Math.max(...values));
    values[k] += residual;
    return values;
  };
  const shares = fixSum(segments.map((s) => s.share));
  const next: Scenario = {
    ...scenario,
    bank: { ...scenario.bank, corporateLoans: clampTo('bank.corporateLoans', total) },
    segments: segments.map((s, i) => {
      const t = fixSum(TENOR_BUCKETS.map((b) => s.tenor[b]));
      return { ...s, share: shares[i], tenor: Object.fromEntries(TENOR_BUCKETS.map((b, j) => [b, t[j]])) as TenorProfile };
    }),
  };
  const checked = validateScenario(next);
  return checked.ok ? { ok: true, scenario: checked.scenario } : { ok: false, problems: checked.problems };
}
