import { demoScenario, evaluate } from '../src/lib/model';
import { fmtMs, timeIt } from './util';

/** One closed-form evaluate() of the demo bank (goal ≤ 1 ms). */
export async function bench(): Promise<void> {
  const t = timeIt(() => evaluate(demoScenario), 2000, 200);
  console.log(`evaluate(demo bank): median ${fmtMs(t.medianMs)}, best ${fmtMs(t.minMs)} (goal ≤ 1 ms)`);
}
