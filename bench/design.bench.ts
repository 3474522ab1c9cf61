import * as model from '../src/lib/model';
import { demoScenario, designMix, evaluate, type Evaluation, type Scenario } from '../src/lib/model';
import { fmtMs, timeIt } from './util';

function atMix(scenario: Scenario, shares: readonly number[]): Scenario {
  return { ...scenario, segments: scenario.segments.map((s, j) => ({ ...s, share: shares[j] })) };
}

/**
 * Mix design of the demo bank: the 5,151-mix grid with the fast path (granular EC,
 * goal ≤ 0.5 s), the same grid through evaluate() for comparison, and the full loss
 * distribution per mix when the engine offers it.
 */
export async function bench(): Promise<void> {
  const t0 = performance.now();
  const first = designMix(demoScenario);
  const coldMs = performance.now() - t0;
  const t = timeIt(() => designMix(demoScenario), 20, 3);
  const feasible = first.feasible.reduce((a, x) => a + x, 0);
  console.log(
    `designMix(demo bank, ${first.count} mixes, step ${first.step}, EC: ${first.economicCapitalMethod} closed form = fast path): ` +
      `first call ${fmtMs(coldMs)}, median ${fmtMs(t.medianMs)}, best ${fmtMs(t.minMs)} (goal ≤ 500 ms); ` +
      `${fmtMs(t.medianMs / first.count)} per mix`,
  );
  console.log(
    `  regulatory limits: ${feasible} feasible; best net profit at ${JSON.stringify(first.best?.mix)}, ` +
      `binding: [${first.binding.join(', ')}]; frontier ${first.frontier.indices.length} points`,
  );

  const constrained = designMix(demoScenario, { constraints: { ...model.REGULATORY_CONSTRAINTS, managers: true, economicCapital: true } });
  console.log(
    `  + today's EC and headcount: ${constrained.feasible.reduce((a, x) => a + x, 0)} feasible; best ${JSON.stringify(constrained.best?.mix)}, ` +
      `binding: [${constrained.binding.join(', ')}]`,
  );

  // The naive way: one evaluate() per mix (weightShape cached by (n, σ) after the first pass).
  const shares = Array.from({ length: first.count }, (_, i) => Array.from(first.shares.subarray(i * 3, i * 3 + 3)));
  const naive = timeIt(
    () => {
      for (const s of shares) evaluate(atMix(demoScenario, s));
    },
    5,
    1,
  );
  console.log(`  for comparison, ${first.count} × evaluate(): median ${fmtMs(naive.medianMs)}`);

  // Full loss distribution (docs/reference-model.md §5), if the engine has it by now.
  const evaluateWith = model.evaluate as unknown as (s: Scenario, o?: { economicCapital?: string }) => Evaluation;
  const probe = evaluateWith(demoScenario, { economicCapital: 'portfolio' });
  const method = probe.safety.economicCapitalMethod as string;
  const hasLoss = 'lossDistribution' in model;
  if (method === 'granular') {
    console.log(
      `  full loss distribution: not yet available (evaluate(scenario, { economicCapital: 'portfolio' }) ` +
        `${hasLoss ? 'is not honoured, though lossDistribution is exported' : 'and lossDistribution are not in the engine'}); not timed`,
    );
    return;
  }
  const sample = Array.from({ length: 12 }, (_, j) => shares[Math.floor((j * first.count) / 12)]);
  let k = 0;
  const full = timeIt(() => evaluateWith(atMix(demoScenario, sample[k++ % sample.length]), { economicCapital: 'portfolio' }), 12, 2);
  console.log(
    `  full loss distribution (EC method '${method}'): median ${fmtMs(full.medianMs)} per mix over ${sample.length} mixes; ` +
      `projected ${((full.medianMs * first.count) / 1000).toFixed(1)} s for the ${first.count}-mix grid`,
  );
}
