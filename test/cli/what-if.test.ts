import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWhatIf } from '../../src/cli/what-if';
import { parseLoanBookCsv } from '../../src/lib/io/loan-book-csv';
import { clientRisk, demoScenario, evaluate, writePath } from '../../src/lib/model';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const code = runWhatIf(argv, {
    readText: (p) => files[p] ?? readFileSync(p, 'utf8'),
    writeText: (p, t) => void (written[p] = t),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), written };
}

const scenarioFile = 'scenario.json';
const files = { [scenarioFile]: JSON.stringify(demoScenario) };

describe('npm run what-if', () => {
  it('prints the figures of each run and writes them as CSV', () => {
    const r = run([scenarioFile, '--set', 'market.lpr1y=3%,3.5%', '--set', 'segments.small.pd=4%', '--out', 'out.csv'], files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('run 1: market.lpr1y=0.03 segments.2.pd=0.04');
    expect(r.out).toContain('run 2: market.lpr1y=0.035');
    const csv = r.written['out.csv']
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(3);
    const header = csv[0].split(',');
    const cells = csv[2].split(',');
    const expected = evaluate(writePath(writePath(demoScenario, 'market.lpr1y', 0.035), 'segments.2.pd', 0.04)).profitability.netProfit;
    expect(Number(cells[header.indexOf('netProfit')])).toBe(expected);
  });

  it('runs the shipped sample book through the loss distribution, as the engine does directly', () => {
    const r = run([scenarioFile, '--book', fixture('sample-book.csv'), '--out', 'out.csv'], files);
    expect(r.code).toBe(0);
    expect(r.out).toContain('the real loan book (60 clients)');
    const parsed = parseLoanBookCsv(readFileSync(fixture('sample-book.csv'), 'utf8'), demoScenario.segments);
    if (!parsed.ok) throw new Error('fixture');
    const direct = clientRisk(parsed.rows, demoScenario);
    const [header, row] = r.written['out.csv']
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(Number(row[header.indexOf('book.economicCapital')])).toBe(direct.distribution.economicCapital);
    expect(Number(row[header.indexOf('book.top10ObligorsToCapital')])).toBe(direct.obligorConcentration.top10ToCapital);
  });

  it('reads the shipped demo scenario file', () => {
    const r = run([fixture('demo-scenario.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('run 1: base (unchanged)');
  });

  it('gives the app messages for bad rows, and imports nothing', () => {
    const bad = 'id,segment,exposure,pd,lgd,tenor,rate,deposits,products\nA,large,5e8,1.5,0.45,3,3%,0,2\nB,huge,5e8,0.01,0.45,3,3%,0,2\n';
    const r = run([scenarioFile, '--book', 'bad.csv', '--out', 'out.csv'], { ...files, 'bad.csv': bad });
    expect(r.code).toBe(1);
    expect(r.err).toContain('the loan book bad.csv has 2 problem(s); no row was imported');
    expect(r.err).toContain('line 2, column "pd": out of range, expected 0 – 1; write a decimal (0.015) or a percentage (1.5%)');
    expect(r.err).toContain('line 3, column "segment": unknown segment, expected one of: large, mid, small');
    expect(r.written).toEqual({});
  });

  it('says what is wrong with a bad --set path or value, in Chinese too', () => {
    const r = run([scenarioFile, '--set', 'market.lrp=3%', '--set', 'segments.small.pd=abc', '--lang', 'zh'], files);
    expect(r.code).toBe(1);
    expect(r.err).toContain('“market.lrp”不是情景中的数值输入');
    expect(r.err).toContain('--set segments.small.pd：“abc”不是数字');
  });

  it('rejects a value out of range with the validator message and path', () => {
    const r = run([scenarioFile, '--set', 'segments.small.pd=0.9'], files);
    expect(r.code).toBe(1);
    expect(r.err).toContain('run 1 (segments.2.pd=0.9) is not a valid scenario');
    expect(r.err).toMatch(/segments\.2\.pd: .*· expected 0 – 0\.5 · found 0\.9/);
  });

  it('explains its usage', () => {
    const r = run(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option "--bogus"');
    expect(r.err).toContain('usage: npm run what-if');
  });
});
