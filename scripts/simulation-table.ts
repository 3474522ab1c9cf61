/**
 * `npm run simulation-table`: the table "What the demo bank shows" of docs/simulation.md, printed
 * as Markdown from the engine itself (4,000 paths, seed 20071101), so the doc's figures are the
 * engine's and are regenerated, not retyped, when the engine changes.
 */
import { applyStressPreset, demoScenario, simulate, writePath, type Scenario, type SimulationResult } from '../src/lib/model';

const PATHS = 4_000;
const SEED = 20071101;
const YI = 1e8;

const columns: { head: string; scenario: Scenario }[] = [
  { head: 'glide to 40/30/30 in 8 quarters (the demo’s levers)', scenario: demoScenario },
  { head: 'hold 65/25/10 (pace 0)', scenario: writePath(demoScenario, 'levers.paceQuarters', 0) },
  { head: 'recession in year 2', scenario: applyStressPreset(demoScenario, 'recessionYear2') },
  { head: 'LPR −50 bp', scenario: applyStressPreset(demoScenario, 'lprCut50bp') },
];
const results = columns.map((c) => simulate(c.scenario, { paths: PATHS, seed: SEED }));

const yi = (x: number) => (x / YI).toFixed(1).replace('-', '−');
const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const last = (r: SimulationResult, key: keyof SimulationResult['bands']) => r.bands[key].p50[r.steps - 1];
const breach = (r: SimulationResult, key: string) => pct(r.breaches.find((b) => b.key === key)?.probability ?? NaN);

const first = results[0];
const yearlyEl = first.initial.expectedLoss;
const rows: [string, (r: SimulationResult) => string][] = [
  [
    'cumulative net profit, 5 years, p5 / p50 / p95 (亿元)',
    (r) => [r.cumulativeProfit.percentiles.p5, r.cumulativeProfit.percentiles.p50, r.cumulativeProfit.percentiles.p95].map(yi).join(' / '),
  ],
  [`realised loss by year (亿元; EL at t = 0 is ${yi(yearlyEl)})`, (r) => r.lossByYear.map((y) => yi(y.mean)).join(', ')],
  [
    'year 5, median: loans, clients, managers needed',
    (r) => `${count(last(r, 'totalLoans') / YI)} 亿元, ${count(last(r, 'clients'))}, ${count(last(r, 'managersNeeded'))}`,
  ],
  ['year 5, median: CAR, LCR, NIM', (r) => `${pct(last(r, 'capitalAdequacyRatio'), 1)}, ${pct(last(r, 'lcr'))}, ${pct(last(r, 'nim'), 1)}`],
  ['P(breach at any step): CAR, top-10, LCR', (r) => `${breach(r, 'capitalAdequacyRatio')}, ${breach(r, 'top10ToCapital')}, ${breach(r, 'lcr')}`],
  ['P(any limit breached at any step)', (r) => pct(r.probabilityOfAnyBreach)],
];

console.log(`| | ${columns.map((c) => c.head).join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const [label, cell] of rows) console.log(`| ${label} | ${results.map(cell).join(' | ')} |`);
