/**
 * What-ifs from the command line, without the UI:
 *
 *   npm run what-if -- <scenario.json> --set path=value[,value…] … [--book book.csv] [--out results.csv] [--lang zh|en]
 *
 * The scenario file is read like the library's import (a bare scenario or a library file: its
 * first scenario, and its loan book when it has one); the book like the library's CSV import; every
 * run is validated like the app. Several values for one path, or several multi-valued paths, make
 * one run per combination. Each run prints the closed-form figures and, with a book, the loss
 * distribution of the real book and its concentration with groups summed.
 *
 * `runWhatIf()` does the work on text in and text out, so the tests call it directly; the bottom
 * of this file is the Node entry point.
 */
import { parseLoanBookCsv, type CsvProblem } from '../lib/io/loan-book-csv';
import { parseLibraryText } from '../lib/io/library-file';
import { toCsv } from '../lib/export/table';
import { formatMetricValue, formatMoney, formatPercent, type Lang } from '../lib/i18n/format';
import { MESSAGES } from '../lib/i18n/messages/all';
import {
  applyInputs,
  clientRisk,
  evaluate,
  figuresOf,
  METRICS,
  parseInputValue,
  resolveInputPath,
  WHAT_IF_FIGURES,
  type Bilingual,
  type InputSet,
  type LoanBookRow,
  type MetricKey,
  type Scenario,
  type ValidationProblem,
} from '../lib/model';

export interface WhatIfIo {
  readText(path: string): string;
  writeText(path: string, text: string): void;
  out(line: string): void;
  err(line: string): void;
}

const T = {
  usage: {
    zh: '用法：npm run what-if -- <情景.json> --set 路径=值[,值…] … [--book 贷款明细.csv] [--out 结果.csv] [--lang zh|en]',
    en: 'usage: npm run what-if -- <scenario.json> --set path=value[,value…] … [--book book.csv] [--out results.csv] [--lang zh|en]',
  },
  noScenario: { zh: '缺少情景文件', en: 'the scenario file is missing' },
  unknownOption: { zh: '未知的选项“{x}”', en: 'unknown option "{x}"' },
  missingValue: { zh: '选项 {x} 缺少值', en: 'option {x} needs a value' },
  badSet: { zh: '--set “{x}”：应写作 路径=值，例如 market.lpr1y=3.2%', en: '--set "{x}": write path=value, e.g. market.lpr1y=3.2%' },
  badValue: { zh: '--set {path}：“{x}”不是数字（可写 0.032、3.2% 或 25bp）', en: '--set {path}: "{x}" is not a number (write 0.032, 3.2% or 25bp)' },
  tooMany: { zh: '组合数 {n} 超过上限 {max}', en: '{n} combinations, more than the {max} allowed' },
  cannotRead: { zh: '无法读取文件 {file}：{error}', en: 'cannot read {file}: {error}' },
  scenarioFailed: { zh: '情景文件 {file} 有 {n} 处问题：', en: 'the scenario file {file} has {n} problem(s):' },
  bookFailed: { zh: '贷款明细 {file} 有 {n} 处问题，未导入任何行：', en: 'the loan book {file} has {n} problem(s); no row was imported:' },
  runFailed: { zh: '第 {run} 次运行（{sets}）不是有效情景：', en: 'run {run} ({sets}) is not a valid scenario:' },
  line: { zh: '第 {line} 行', en: 'line {line}' },
  column: { zh: '列“{column}”', en: 'column "{column}"' },
  expected: { zh: '应为 {x}', en: 'expected {x}' },
  received: { zh: '实际为 {x}', en: 'found {x}' },
  run: { zh: '运行 {run}', en: 'run {run}' },
  base: { zh: '基准（未修改）', en: 'base (unchanged)' },
  bookHeading: { zh: '我行实际贷款（{clients} 户）', en: 'the real loan book ({clients} clients)' },
  bookEl: { zh: '预期损失（EL）', en: 'expected loss (EL)' },
  bookVar: { zh: '在险价值 VaR 99.9%', en: 'VaR 99.9%' },
  bookEc: { zh: '经济资本（EC）', en: 'economic capital (EC)' },
  bookAddOn: { zh: '集中度附加资本', en: 'granularity add-on' },
  bookRaroc: { zh: '贷款簿 RAROC', en: 'RAROC of the book' },
  bookLargest: { zh: '最大单一客户 / 资本净额', en: 'largest client / net capital' },
  bookLargestObligor: { zh: '最大客户（集团合并）/ 资本净额', en: 'largest obligor (groups summed) / net capital' },
  bookTop10: { zh: '最大十家客户（集团合并）/ 资本净额', en: 'top 10 obligors (groups summed) / net capital' },
  wrote: { zh: '已写入 {file}（{n} 次运行）', en: 'wrote {file} ({n} runs)' },
} satisfies Record<string, Bilingual>;

const MAX_RUNS = 10_000;

function say(lang: Lang, key: keyof typeof T, params: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A validator problem as one line, as the library's problem list shows it: where · what · expected · found. */
export function problemLine(lang: Lang, where: string, message: Bilingual, expected?: string, received?: string): string {
  const parts = [where ? `${where}: ${message[lang]}` : message[lang]];
  if (expected) parts.push(say(lang, 'expected', { x: expected }));
  if (received !== undefined && received !== '') parts.push(say(lang, 'received', { x: received }));
  return `  ${parts.join(' · ')}`;
}

function csvProblemLine(lang: Lang, p: CsvProblem): string {
  const where = [p.line > 0 ? say(lang, 'line', { line: p.line }) : '', p.column ? say(lang, 'column', { column: p.column }) : '']
    .filter(Boolean)
    .join(lang === 'zh' ? '，' : ', ');
  return problemLine(lang, where, p.message, p.expected, p.received);
}

function validationLines(lang: Lang, problems: readonly ValidationProblem[]): string[] {
  return problems.map((p) => problemLine(lang, p.path, p.message, p.expected, p.received));
}

interface Args {
  scenarioFile?: string;
  sets: { path: string; raw: string[] }[];
  book?: string;
  out?: string;
  lang: Lang;
}

function parseArgs(argv: readonly string[], lang0: Lang): { ok: true; args: Args } | { ok: false; lines: string[] } {
  const args: Args = { sets: [], lang: lang0 };
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) errors.push(`${a}: ${say(args.lang, 'missingValue', { x: a })}`);
      return v;
    };
    if (a === '--set') {
      const v = value();
      if (v === undefined) continue;
      const eq = v.indexOf('=');
      if (eq <= 0) errors.push(say(args.lang, 'badSet', { x: v }));
      else
        args.sets.push({
          path: v.slice(0, eq).trim(),
          raw: v
            .slice(eq + 1)
            .split(/[;,](?![^(]*\))/)
            .filter((x) => x.trim() !== ''),
        });
    } else if (a === '--book') args.book = value();
    else if (a === '--out') args.out = value();
    else if (a === '--lang') {
      const v = value();
      if (v === 'zh' || v === 'en') args.lang = v;
      else if (v !== undefined) errors.push(say(args.lang, 'unknownOption', { x: `--lang ${v}` }));
    } else if (a.startsWith('--')) errors.push(say(args.lang, 'unknownOption', { x: a }));
    else if (args.scenarioFile === undefined) args.scenarioFile = a;
    else errors.push(say(args.lang, 'unknownOption', { x: a }));
  }
  if (args.scenarioFile === undefined) errors.push(say(args.lang, 'noScenario'));
  return errors.length ? { ok: false, lines: [...errors, say(args.lang, 'usage')] } : { ok: true, args };
}

/** One row of the results file (and of the printed report). */
export interface WhatIfRun {
  run: number;
  sets: InputSet[];
  figures: Record<MetricKey, number>;
  book?: {
    expectedLoss: number;
    valueAtRisk: number;
    economicCapital: number;
    granularityAddOn: number;
    raroc: number;
    largestToCapital: number;
    largestObligorToCapital: number;
    top10ObligorsToCapital: number;
  };
}

const BOOK_COLUMNS = [
  'expectedLoss',
  'valueAtRisk',
  'economicCapital',
  'granularityAddOn',
  'raroc',
  'largestToCapital',
  'largestObligorToCapital',
  'top10ObligorsToCapital',
] as const;

/** The runs as CSV: one row a run, the inputs set, then every figure (yuan and decimals, unformatted). */
export function runsCsv(runs: readonly WhatIfRun[]): string {
  const paths = [...new Set(runs.flatMap((r) => r.sets.map((s) => s.path)))];
  const hasBook = runs.some((r) => r.book);
  const header = ['run', ...paths, ...WHAT_IF_FIGURES, ...(hasBook ? BOOK_COLUMNS.map((c) => `book.${c}`) : [])];
  const lines: (string | number)[][] = [header];
  for (const r of runs) {
    const byPath = new Map(r.sets.map((s) => [s.path, s.value] as const));
    const cells = [r.run, ...paths.map((p) => byPath.get(p) ?? ''), ...WHAT_IF_FIGURES.map((k) => r.figures[k])];
    if (hasBook) cells.push(...BOOK_COLUMNS.map((c) => r.book?.[c] ?? ''));
    lines.push(cells);
  }
  return toCsv(lines);
}

/** Every combination of the values of each path (the first path varies slowest). */
function combinations(sets: readonly { path: string; values: number[] }[]): InputSet[][] {
  let out: InputSet[][] = [[]];
  for (const s of sets) out = out.flatMap((prefix) => s.values.map((value) => [...prefix, { path: s.path, value }]));
  return out;
}

/**
 * Runs the command on its arguments; returns the exit code (0 done, 1 a problem with an input,
 * 2 a usage error). Nothing is written when any input has a problem.
 */
export function runWhatIf(argv: readonly string[], io: WhatIfIo, lang0: Lang = 'en'): number {
  const parsed = parseArgs(argv, lang0);
  if (!parsed.ok) {
    for (const l of parsed.lines) io.err(l);
    return 2;
  }
  const { args } = parsed;
  const lang = args.lang;
  const read = (file: string): string | null => {
    try {
      return io.readText(file);
    } catch (e) {
      io.err(say(lang, 'cannotRead', { file, error: e instanceof Error ? e.message : String(e) }));
      return null;
    }
  };

  const scenarioText = read(args.scenarioFile!);
  if (scenarioText === null) return 1;
  const imported = parseLibraryText(scenarioText);
  if (!imported.ok) {
    io.err(say(lang, 'scenarioFailed', { file: args.scenarioFile!, n: imported.problems.length }));
    for (const l of validationLines(lang, imported.problems)) io.err(l);
    return 1;
  }
  const entry = imported.entries[0];
  const base: Scenario = entry.scenario;

  let rows: LoanBookRow[] | undefined = entry.loanBook?.rows;
  if (args.book !== undefined) {
    const text = read(args.book);
    if (text === null) return 1;
    const book = parseLoanBookCsv(text, base.segments);
    if (!book.ok) {
      io.err(say(lang, 'bookFailed', { file: args.book, n: book.problemCount }));
      for (const p of book.problems) io.err(csvProblemLine(lang, p));
      return 1;
    }
    rows = book.rows;
  }

  // Paths and values first: every problem of the command line at once.
  const errors: string[] = [];
  const axes: { path: string; values: number[] }[] = [];
  for (const s of args.sets) {
    const p = resolveInputPath(base, s.path);
    if (!p.ok) {
      errors.push(problemLine(lang, '--set', p.message));
      continue;
    }
    const values: number[] = [];
    for (const raw of s.raw) {
      const v = parseInputValue(raw);
      if (v === null) errors.push(`  ${say(lang, 'badValue', { path: s.path, x: raw.trim() })}`);
      else values.push(v);
    }
    if (s.raw.length === 0) errors.push(`  ${say(lang, 'badValue', { path: s.path, x: '' })}`);
    axes.push({ path: p.path, values });
  }
  const runsCount = axes.reduce((a, x) => a * Math.max(1, x.values.length), 1);
  if (runsCount > MAX_RUNS) errors.push(`  ${say(lang, 'tooMany', { n: runsCount, max: MAX_RUNS })}`);
  if (errors.length) {
    for (const l of errors) io.err(l);
    return 1;
  }

  const runs: WhatIfRun[] = [];
  let failed = false;
  combinations(axes).forEach((sets, k) => {
    const run = k + 1;
    const setsText = sets.length ? sets.map((s) => `${s.path}=${s.value}`).join(' ') : say(lang, 'base');
    const applied = applyInputs(base, sets);
    if (!applied.ok) {
      failed = true;
      io.err(say(lang, 'runFailed', { run, sets: setsText }));
      for (const l of validationLines(lang, applied.problems)) io.err(l);
      return;
    }
    const figures = figuresOf(evaluate(applied.scenario));
    const result: WhatIfRun = { run, sets, figures };
    io.out(`${say(lang, 'run', { run })}: ${setsText}`);
    for (const key of WHAT_IF_FIGURES) io.out(`  ${MESSAGES[lang][`metric.${key}`]}: ${formatMetricValue(METRICS[key].unit, figures[key], lang)}`);
    if (rows) {
      const risk = clientRisk(rows, applied.scenario);
      const d = risk.distribution;
      result.book = {
        expectedLoss: d.expectedLoss,
        valueAtRisk: d.valueAtRisk,
        economicCapital: d.economicCapital,
        granularityAddOn: d.granularityAddOn,
        raroc: risk.totals.raroc,
        largestToCapital: risk.concentration.largestToCapital,
        largestObligorToCapital: risk.obligorConcentration.largestToCapital,
        top10ObligorsToCapital: risk.obligorConcentration.top10ToCapital,
      };
      const b = result.book;
      io.out(`  ${say(lang, 'bookHeading', { clients: rows.length })}`);
      io.out(`    ${say(lang, 'bookEl')}: ${formatMoney(b.expectedLoss, lang)}`);
      io.out(`    ${say(lang, 'bookVar')}: ${formatMoney(b.valueAtRisk, lang)}`);
      io.out(`    ${say(lang, 'bookEc')}: ${formatMoney(b.economicCapital, lang)}`);
      io.out(`    ${say(lang, 'bookAddOn')}: ${formatMoney(b.granularityAddOn, lang)}`);
      io.out(`    ${say(lang, 'bookRaroc')}: ${formatPercent(b.raroc)}`);
      io.out(`    ${say(lang, 'bookLargest')}: ${formatPercent(b.largestToCapital)}`);
      io.out(`    ${say(lang, 'bookLargestObligor')}: ${formatPercent(b.largestObligorToCapital)}`);
      io.out(`    ${say(lang, 'bookTop10')}: ${formatPercent(b.top10ObligorsToCapital)}`);
    }
    runs.push(result);
  });
  if (failed) return 1;
  if (args.out !== undefined) {
    io.writeText(args.out, runsCsv(runs));
    io.out(say(lang, 'wrote', { file: args.out, n: runs.length }));
  }
  return 0;
}

// The Node entry point (skipped when a test imports the module).
const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /what-if\.ts$/.test(process.argv[1]);
if (isMain) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const lang: Lang = /^zh/i.test(process.env.LANG ?? '') ? 'zh' : 'en';
  process.exitCode = runWhatIf(
    process.argv.slice(2),
    {
      readText: (p) => readFileSync(p, 'utf8'),
      writeText: (p, t) => writeFileSync(p, t, 'utf8'),
      out: (l) => console.log(l),
      err: (l) => console.error(l),
    },
    lang,
  );
}
