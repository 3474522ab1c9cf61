// @vitest-environment jsdom
import { fireEvent, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { cloneScenario, demoScenario, type Scenario } from '../../../src/lib/model';
import type { EngineClient } from '../../../src/lib/workers/engine-client';
import { createInProcessEngine } from '../../../src/lib/workers/engine-in-process';
import { riskProfile, type RiskProfile } from '../../../src/lib/model/risk-profile';
import { RiskRun } from '../../../src/lib/state/risk-run.svelte';
import RiskView from '../../../src/views/risk/RiskView.svelte';
import { renderWithWorkspace } from '../../helpers/harness';

// jsdom has no modal dialogs: open and close as the attribute.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event('close'));
};

function withLarge(share: number, tag: number): Scenario {
  const s = cloneScenario(demoScenario);
  const rest = 1 - share;
  s.segments[0].share = share;
  s.segments[1].share = rest * (25 / 35);
  s.segments[2].share = rest * (10 / 35);
  s.market.hurdleRate = 0.1 + tag * 1e-6; // a distinct scenario per test: the run cache is module-wide
  return s;
}

describe('RiskRun: the worker is asked for the latest scenario only, and a stale answer never shows', () => {
  it('coalesces requests made while one is in the worker', async () => {
    const sent: Scenario[] = [];
    const resolvers: (() => void)[] = [];
    const engine: EngineClient = {
      ...createInProcessEngine(),
      riskProfile: (s) =>
        new Promise<RiskProfile>((resolve) => {
          sent.push(s);
          resolvers.push(() => resolve(riskProfile(s)));
        }),
    };
    const run = new RiskRun(engine);
    const a = withLarge(0.65, 1);
    const b = withLarge(0.55, 1);
    const c = withLarge(0.45, 1);
    run.request(a);
    run.request(b);
    run.request(c);
    expect(sent).toHaveLength(1); // b and c wait; b is superseded by c
    expect(run.isStale).toBe(true);
    resolvers.shift()!();
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].segments[0].share).toBe(0.45);
    // a's answer was older than the latest request but nothing newer had been applied: shown until c arrives
    expect(run.value?.distribution.expectedLoss).toBeCloseTo(riskProfile(a).distribution.expectedLoss, 0);
    expect(run.isStale).toBe(true);
    resolvers.shift()!();
    await waitFor(() => expect(run.isStale).toBe(false));
    expect(run.value?.distribution.expectedLoss).toBeCloseTo(riskProfile(c).distribution.expectedLoss, 0);
    expect(run.previous?.distribution.expectedLoss).toBeCloseTo(riskProfile(a).distribution.expectedLoss, 0);
  });

  it('drops an answer that arrives after a newer one was applied', async () => {
    const resolvers = new Map<number, () => void>();
    const engine: EngineClient = {
      ...createInProcessEngine(),
      riskProfile: (s) => new Promise<RiskProfile>((resolve) => resolvers.set(s.segments[0].share, () => resolve(riskProfile(s)))),
    };
    // Two runs share the module cache and in-flight map; a second component asking for a cached scenario gets it at once.
    const run = new RiskRun(engine);
    const a = withLarge(0.6, 2);
    const b = withLarge(0.5, 2);
    run.request(a);
    await waitFor(() => expect(resolvers.has(0.6)).toBe(true));
    run.request(b); // pending behind a
    resolvers.get(0.6)!();
    await waitFor(() => expect(resolvers.has(0.5)).toBe(true));
    run.request(a); // back to a: cached, applied at once
    await waitFor(() => expect(run.value?.distribution.expectedLoss).toBeCloseTo(riskProfile(a).distribution.expectedLoss, 0));
    resolvers.get(0.5)!(); // b answers late: it must not replace a
    await new Promise((r) => setTimeout(r, 20));
    expect(run.value?.distribution.expectedLoss).toBeCloseTo(riskProfile(a).distribution.expectedLoss, 0);
    expect(run.isStale).toBe(false);
  });
});

describe('RiskView on the shared workspace', () => {
  it('shows the headline figures, the add-on and the contributions, and opens a bar’s explanation', async () => {
    const { getByTestId, findByTestId, workspace } = await renderWithWorkspace(RiskView as never);
    const addOn = await findByTestId('risk-addon', {}, { timeout: 10_000 });
    expect(addOn).toHaveTextContent('+3.21 亿元');
    expect(getByTestId('risk-ec')).toHaveTextContent('60.43 亿元');
    expect(getByTestId('risk-var-0.999')).toHaveTextContent('65.27 亿元');
    expect(getByTestId('risk-es-0.999')).toHaveTextContent('81.37 亿元');
    expect(getByTestId('risk-largest')).toHaveTextContent('达标');
    await fireEvent.click(getByTestId('contrib-bar-large'));
    const dialog = await findByTestId('risk-glass');
    expect(dialog).toHaveTextContent('欧拉分配');
    expect(dialog).toHaveTextContent('40.55 亿元');
    expect(dialog).toHaveTextContent('Tasche');
    // the mix moves on the shared workspace: the view follows
    workspace.setShare(0, 0.4);
    await waitFor(() => expect(getByTestId('risk-addon')).toHaveTextContent('+2.21 亿元'), { timeout: 10_000 });
  });
});
