import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { demoScenario, type Evaluation, type Scenario } from '../src/lib/model';
import { fmtMs } from './util';

/**
 * Round trip of one evaluate() through Comlink to a worker thread and back (structured clone of
 * the scenario and of the result both ways). Node's worker_threads stand in for the browser's
 * module worker; the browser adds its own postMessage cost, of the same order.
 */
export async function bench(): Promise<void> {
  const worker = new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { module: new URL('./engine-node-worker.ts', import.meta.url).href },
  });
  const engine = wrap<{ evaluate(s: Scenario): Evaluation }>(nodeEndpoint(worker));
  for (let i = 0; i < 50; i++) await engine.evaluate(demoScenario);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await engine.evaluate(demoScenario);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`worker round trip of evaluate(demo bank) via Comlink: median ${fmtMs(times[250])}, p95 ${fmtMs(times[475])}`);
  await worker.terminate();
}
