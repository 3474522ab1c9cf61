/**
 * The over-time view's presenter: which run to show for the scenario on screen, what changed since
 * an earlier run, and every figure, table row and note of the results, as pure functions of the run
 * and its scenario (in the UI language). No DOM: tested in Node; the component only lays them out.
 */
import { diffScenarios, LIMITS, resolveDynamics, STRESS_PRESETS, type LimitKey, type Scenario, type SeriesKey, type SimulationResult } from '../../lib/model';
import { i18n } from '../../lib/i18n/i18n.svelte';
import type { MessageKey } from '../../lib/i18n/messages';
import { segmentColor } from '../../lib/charts/palette';
import type { RunInfo } from '../../lib/state/simulation-run.svelte';
import { figure, moneyUnit, type FigureKind } from './format';
import { presetOf, smeIndex, targetSharesOf } from './levers';

/** A completed run and how it was made. */
export interface ShownRun {
  result: SimulationResult;
  info: RunInfo;
}

/**
 * The run to show: this scenario's own (for its seed and path count), else the latest one, marked
 * as earlier (`isStale`) so an old run is never passed off as current.
 */
export function runToShow(own: ShownRun | null, latest: ShownRun | null): { shown: ShownRun | null; isStale: boolean } {
  const shown = own ?? latest;
  return { shown, isStale: shown !== null && own === null };
}

/** The inputs that differ between the scenario of an earlier run and the one on screen: three named, then "and N more". */
export function changedSince(ran: Scenario, now: Scenario): string {
  const diffs = diffScenarios(ran, now);
  const names = diffs.slice(0, 3).map((d) => (d.spec ? i18n.pick(d.spec.label) : d.path));
  return names.join(i18n.lang === 'zh' ? '、' : ', ') + (diffs.length > 3 ? ` ${i18n.t('overTime.staleMore', { n: diffs.length - 3 })}` : '');
}

/** A breach verdict in words. */
export const verdictText = (v: string): string =>
  v === 'never' ? i18n.t('overTime.verdictNever') : v === 'rare' ? i18n.t('overTime.verdictRare') : i18n.t('overTime.verdictOften');

export interface FanDef {
  key: SeriesKey;
  title: string;
  kind: FigureKind;
  /** Whether t = 0 (evaluate()'s view) is comparable: stocks and ratios, not quarterly flows. */
  fromToday: boolean;
  limit?: LimitKey;
  overlay?: SeriesKey;
  explain: string;
}

export const pct = (x: number, d = 0) => i18n.percent(x, d);
// A probability that is not zero never reads as "0.0%" beside "a few paths breach".
export const prob = (x: number) => (x > 0 && x < 0.0005 ? '< 0.1%' : pct(x, 1));
export const mixText = (shares: number[], s: Scenario) => shares.map((x, i) => `${i18n.pick(s.segments[i].name)} ${pct(x)}`).join(' / ');

export function stressText(s: Scenario): string {
  const key = presetOf(s);
  return key === 'none'
    ? i18n.t('overTime.noStress')
    : i18n.t('overTime.withStress', { name: key === 'custom' ? i18n.t('overTime.stressCustom') : i18n.pick(STRESS_PRESETS[key].label) });
}

export function fanDefs(s: Scenario): FanDef[] {
  const d = resolveDynamics(s);
  const k = smeIndex(s);
  const sme = s.segments[k];
  const lprPath = s.market.lprPath ?? [];
  return [
    {
      key: 'netProfit',
      title: i18n.t('overTime.netProfit') + i18n.t('overTime.perQuarter', { unit: moneyUnit() }),
      kind: 'money',
      fromToday: false,
      explain: i18n.t('overTime.explainNetProfit', {
        growth: pct(s.bank.corporateLoanGrowth, 1),
        target: mixText(targetSharesOf(s), s),
        pace: s.levers.paceQuarters,
        spread: sme ? i18n.spread(sme.spreadBp) : '—',
      }),
    },
    {
      key: 'nim',
      title: i18n.t('overTime.nim'),
      kind: 'percent',
      fromToday: true,
      explain: i18n.t('overTime.explainNim', {
        lpr: pct(s.market.lpr1y, 2),
        lprNote:
          lprPath.some((x) => x !== 0) || s.stress.lprShock !== 0
            ? i18n.t('overTime.lprMoves', { path: [s.stress.lprShock, ...lprPath].map((x) => i18n.bp(x)).join(', ') })
            : i18n.t('overTime.lprFlat'),
        beta: pct(d.depositPassThrough),
        lag: d.depositRepricingQuarters,
      }),
    },
    {
      key: 'realisedLoss',
      title: i18n.t('overTime.loss') + i18n.t('overTime.perQuarter', { unit: moneyUnit() }),
      kind: 'money',
      fromToday: false,
      overlay: 'expectedLoss',
      explain: i18n.t('overTime.explainLoss', { phi: d.factorPersistence, stress: stressText(s) }),
    },
    {
      key: 'nplRatio',
      title: i18n.t('overTime.nplRatio'),
      kind: 'percent',
      fromToday: true,
      explain: i18n.t('overTime.explainNpl', { workout: d.nplWorkoutQuarters }),
    },
    {
      key: 'capitalAdequacyRatio',
      title: i18n.t('overTime.car'),
      kind: 'percent',
      fromToday: true,
      limit: 'capitalAdequacyRatio',
      explain: i18n.t('overTime.explainCar', { retention: pct(d.profitRetention), rw: pct(sme?.riskWeight ?? 1) }),
    },
    {
      key: 'lcr',
      title: i18n.t('overTime.lcr'),
      kind: 'percent',
      fromToday: true,
      limit: 'lcr',
      explain: i18n.t('overTime.explainLcr', {
        deposits: s.segments.map((x) => `${i18n.pick(x.name)} ${x.depositsPerLoan.toFixed(2)}`).join(' / '),
        run: s.stress.depositRunOff > 0 ? i18n.t('overTime.runOff', { x: pct(s.stress.depositRunOff) }) : '',
      }),
    },
    { key: 'nsfr', title: i18n.t('overTime.nsfr'), kind: 'percent', fromToday: true, limit: 'nsfr', explain: i18n.t('overTime.explainNsfr') },
    {
      key: 'managersNeeded',
      title: `${i18n.t('overTime.managersNeeded')}（${i18n.t('overTime.people')}）`
        .replace('（', i18n.lang === 'zh' ? '（' : ' (')
        .replace('）', i18n.lang === 'zh' ? '）' : ')'),
      kind: 'count',
      fromToday: true,
      explain: i18n.t('overTime.explainManagers', {
        cpm: s.segments.map((x) => `${i18n.pick(x.name)} ${x.clientsPerManager}`).join(' / '),
        headcount:
          s.levers.managerHeadcount === null
            ? i18n.t('overTime.headcountAuto')
            : i18n.t('overTime.headcountSet', { n: s.levers.managerHeadcount, g: pct(s.levers.managerGrowth) }),
        onboarding: s.levers.onboardingPerManagerPerQuarter,
      }),
    },
  ];
}

/** Rows of a data table: today (when comparable) and each year end. */
export function yearRows(r: SimulationResult): { label: string; step: number }[] {
  const rows: { label: string; step: number }[] = [];
  for (let y = 1; y <= r.horizonYears; y++) rows.push({ label: i18n.t('overTime.yearEnd', { n: y }), step: y * r.stepsPerYear - 1 });
  return rows;
}

export function limitText(key: LimitKey, kind: FigureKind): string {
  const dir = key === 'singleClientToCapital' || key === 'top10ToCapital' ? 'overTime.limitMax' : 'overTime.limitMin';
  return i18n.t(dir, { value: figure(kind, LIMITS[key], 1) });
}

/**
 * Everything the results show for run `r` of scenario `s`: the eight fan charts (bands, limit line,
 * summary, table rows, the plain-words note), loans by segment, the distribution of cumulative
 * profit and the breach probabilities, in the UI language.
 */
export function overTimeFigures(r: SimulationResult, s: Scenario) {
  const last = r.steps - 1;
  const fans = fanDefs(s).map((def) => {
    const b = r.bands[def.key];
    const pre = (vs: number[], v0: number) => (def.fromToday ? [v0, ...vs] : vs);
    const v0 = r.initial[def.key];
    const x = def.fromToday ? [0, ...r.time] : r.time;
    const breach = def.limit ? r.breaches.find((x) => x.key === def.limit) : undefined;
    const fmt = (v: number) => figure(def.kind, v);
    const summary =
      i18n.t('overTime.fanSummary', {
        start: fmt(def.fromToday ? v0 : b.p50[0]),
        end: fmt(b.p50[last]),
        years: r.horizonYears,
        p5: fmt(b.p5[last]),
        p95: fmt(b.p95[last]),
      }) + (def.limit && breach ? ' ' + i18n.t('overTime.fanSummaryLimit', { limit: limitText(def.limit, def.kind), prob: prob(breach.probability) }) : '');
    return {
      ...def,
      x,
      p5: pre(b.p5, v0),
      p25: pre(b.p25, v0),
      p50: pre(b.p50, v0),
      p75: pre(b.p75, v0),
      p95: pre(b.p95, v0),
      overlay: def.overlay ? r.bands[def.overlay].p50 : null,
      reference: def.limit ? LIMITS[def.limit] : null,
      referenceLabel: def.limit ? limitText(def.limit, def.kind) : '',
      summary,
      rows: [
        ...(def.fromToday ? [{ label: i18n.t('overTime.today'), p5: v0, p50: v0, p95: v0 }] : []),
        ...yearRows(r).map((row) => ({ label: row.label, p5: b.p5[row.step], p50: b.p50[row.step], p95: b.p95[row.step] })),
      ],
    };
  });

  const names = r.segments.map((g) => i18n.pick(g.name));
  const todayLoans = r.initial.segments.map((g) => g.loans);
  const loans = {
    x: [0, ...r.time],
    series: r.segments.map((g, i) => ({ label: names[i], color: segmentColor(i), values: [todayLoans[i] ?? 0, ...g.loans.p50] })),
    summary: i18n.t('overTime.loansSummary', {
      today: r.segments.map((g, i) => `${names[i]} ${i18n.money(todayLoans[i] ?? 0, 0)}`).join(' / '),
      years: r.horizonYears,
      end: r.segments
        .map((g, i) =>
          `${names[i]} ${i18n.money(g.loans.p50[last], 0)}（${pct(g.share.p50[last])}）`
            .replace('（', i18n.lang === 'zh' ? '（' : ' (')
            .replace('）', i18n.lang === 'zh' ? '）' : ')'),
        )
        .join(' / '),
      total: i18n.money(r.bands.totalLoans.p50[last], 0),
    }),
    rows: [
      {
        label: i18n.t('overTime.today'),
        values: todayLoans,
        shares: todayLoans.map(
          (l) =>
            l /
            Math.max(
              1,
              todayLoans.reduce((a, b) => a + b, 0),
            ),
        ),
      },
      ...yearRows(r).map((row) => ({
        label: row.label,
        values: r.segments.map((g) => g.loans.p50[row.step]),
        shares: r.segments.map((g) => g.share.p50[row.step]),
      })),
    ],
    explain: i18n.t('overTime.explainLoans', {
      now: mixText(
        s.segments.map((g) => g.share),
        s,
      ),
      target: mixText(targetSharesOf(s), s),
      pace: s.levers.paceQuarters,
      elasticity: s.segments.map((g) => `${i18n.pick(g.name)} ${pct(1 - Math.exp(-g.demandElasticity), 0)}`).join(' / '),
      growth: pct(s.bank.corporateLoanGrowth, 1),
      attrition: s.segments.map((g) => `${i18n.pick(g.name)} ${g.productsPerClient}`).join(' / '),
    }),
  };

  const c = r.cumulativeProfit;
  const cum = {
    summary: i18n.t('overTime.cumSummary', {
      years: r.horizonYears,
      p50: i18n.money(c.percentiles.p50),
      p5: i18n.money(c.percentiles.p5),
      p95: i18n.money(c.percentiles.p95),
      mean: i18n.money(c.mean),
      ploss: pct(c.probabilityOfLoss, 1),
    }),
    markers: [
      { label: 'P5', value: c.percentiles.p5 },
      { label: 'P50', value: c.percentiles.p50 },
      { label: 'P95', value: c.percentiles.p95 },
    ],
    rows: (['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99'] as const).map((p) => ({ label: p.toUpperCase(), value: c.percentiles[p] })),
    explain: i18n.t('overTime.explainCum', { years: r.horizonYears, stress: stressText(s) }),
  };

  const breaches = r.breaches.map((b) => {
    let worst = 0;
    b.byStep.forEach((p, i) => (p > b.byStep[worst] ? (worst = i) : null));
    const kind: FigureKind = 'percent';
    return {
      key: b.key,
      name: i18n.t(`limit.${b.key}` as MessageKey),
      requirement: `${b.direction === 'min' ? '≥' : '≤'} ${figure(kind, b.limit, 1)}`,
      probability: b.probability,
      worst:
        b.probability > 0
          ? i18n.t('overTime.quarterN', { y: Math.floor(worst / r.stepsPerYear) + 1, q: (worst % r.stepsPerYear) + 1, p: prob(b.byStep[worst]) })
          : '—',
      verdict: b.probability === 0 ? 'never' : b.probability < 0.1 ? 'rare' : 'often',
    };
  });
  return { r, fans, loans, cum, breaches, names };
}
