/**
 * The glass box prints each figure's formula with this scenario's numbers substituted. Printed with
 * a formatter that writes raw numbers, every substituted line that is an equation must multiply
 * out to the figure it prints, under every stress preset (the numbers are evaluate()'s own terms,
 * so a shocked LPR or a stressed PD shows as what was used).
 */
import { describe, expect, it } from 'vitest';
import { EXPLAINED_METRICS, NOTE, explain } from '../../src/lib/explain/glass-box';
import { formatterFor, type Formatter } from '../../src/lib/i18n/format';
import { applyLevers, applyStressPreset, demoScenario, evaluate, STRESS_PRESETS, type Scenario, type StressPresetKey } from '../../src/lib/model';

const raw: Formatter = {
  lang: 'en',
  money: (x) => String(x),
  clientMoney: (x) => String(x),
  percent: (x) => String(x),
  bp: (x) => String(x),
  pick: (b) => b.en,
};

/** `label: a × (b − c) = d  · note` → the value of the arithmetic and of d, or null when the line is prose. */
function equation(line: string): { lhs: number; rhs: number } | null {
  const body = line.split(NOTE)[0];
  const at = body.lastIndexOf(' = ');
  if (at < 0) return null;
  let lhs = body.slice(0, at);
  const colon = lhs.indexOf(': ');
  if (colon >= 0) lhs = lhs.slice(colon + 2);
  const rhs = Number(body.slice(at + 3).trim());
  const expr = lhs.replace(/×/g, '*').replace(/−/g, '-').replace(/max\(/g, 'Math.max(');
  if (!Number.isFinite(rhs) || !/^[\d\s.eE+\-*/(),]*(Math\.max\([\d\s.eE+\-*/(),]*\))?[\d\s.eE+\-*/(),]*$/.test(expr)) return null;
  return { lhs: Number(new Function(`return (${expr});`)()), rhs };
}

const scenarios: [string, Scenario][] = [
  ...(Object.keys(STRESS_PRESETS) as StressPresetKey[]).map((k) => [k, applyStressPreset(demoScenario, k)] as [string, Scenario]),
  ['SMEs priced above the market', applyLevers(demoScenario, { spreadBp: { small: 150 }, mix: { large: 0.3, mid: 0.4, small: 0.3 } })],
  ['IRB with the output floor', { ...demoScenario, settings: { ...demoScenario.settings, capitalApproach: 'irb' } }],
];

describe('glass box: every substituted line multiplies out', () => {
  for (const [name, s] of scenarios) {
    it(name, () => {
      const e = evaluate(s);
      let checked = 0;
      for (const metric of EXPLAINED_METRICS) {
        for (const line of explain(metric, e, s, raw).substituted) {
          const eq = equation(line);
          if (!eq) continue;
          checked++;
          const scale = Math.max(1, Math.abs(eq.rhs));
          expect(Math.abs(eq.lhs - eq.rhs) / scale, `${metric}: ${line}`).toBeLessThan(1e-9);
        }
      }
      expect(checked).toBeGreaterThan(30);
    });
  }

  it('prints the shocked LPR and the stressed PD, not the inputs', () => {
    const cut = applyStressPreset(demoScenario, 'lprCut50bp');
    const lines = explain('netInterestIncome', evaluate(cut), cut, raw).substituted.join('\n');
    expect(lines).toMatch(/LPR 0\.0(25|24999)/); // 3.00% − 50 bp
    const stressed: Scenario = { ...demoScenario, stress: { ...demoScenario.stress, pdMultiplier: { small: 2 } } };
    const el = explain('expectedLoss', evaluate(stressed), stressed, raw).substituted.join('\n');
    expect(el).toContain(` × ${0.06} × `);
  });
});

describe("glass box in a banker's units", () => {
  const formatter = formatterFor;

  it('shows the per-client fee in 万元 / CNY m, not in 亿元', () => {
    const zh = explain('feeIncome', evaluate(demoScenario), demoScenario, formatter('zh')).substituted.join('\n');
    expect(zh).not.toMatch(/× 0\.00 亿元/);
    expect(zh).toMatch(/× [\d.]+ 万元 =/);
    const en = explain('feeIncome', evaluate(demoScenario), demoScenario, formatter('en')).substituted.join('\n');
    expect(en).toMatch(/× CNY [\d.]+ m =/);
  });
});
