import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, shareParamOf, shareUrl } from '../../src/lib/io/share-link';
import { applyLevers, demoScenario, pyramidScenario, writePath, type Scenario } from '../../src/lib/model';

describe('share links', () => {
  it('round-trips a scenario with every input, hand-typed values included', async () => {
    let s: Scenario = applyLevers(demoScenario, { mix: { large: 0.4123, mid: 0.3, small: 0.2877 }, spreadBp: { small: 83.456789 } });
    s = writePath(s, 'market.lprPath', [-0.001, 0.0005]);
    s = writePath(s, 'settings.capitalApproach', 'irb');
    s = writePath(s, 'stress.pdMultiplier', { small: 1.7 });
    s = writePath(s, 'segments.1.correlation', 0.123456);
    s = writePath(s, 'name', { zh: '试点 <script>alert(1)</script>', en: 'Pilot' });
    const shared = { title: '我的方案 & 测试', description: '第一行\n第二行', tags: ['培训'], scenario: s };
    const url = await shareUrl('http://127.0.0.1:4181/mix-lab/#/dashboard', shared);
    expect(url.startsWith('http://127.0.0.1:4181/mix-lab/#/library?d=')).toBe(true);
    const d = shareParamOf(new URL(url).hash)!;
    expect(d).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = await decodeShare(d);
    expect(back).toEqual({ ok: true, shared });
    expect(url.length).toBeLessThan(4000); // fits a chat message and every browser's URL limit
  });

  it('round-trips any edit of the demo’s numeric inputs (property)', async () => {
    await fc.assert(
      // (+ 0 turns −0, which JSON cannot carry and no one types, into 0)
      fc.asyncProperty(
        fc.double({ min: 0, max: 0.1, noNaN: true }).map((x) => x + 0),
        fc.double({ min: -150, max: 300, noNaN: true }).map((x) => x + 0),
        async (lpr, spread) => {
          const s = writePath(writePath(pyramidScenario, 'market.lpr1y', lpr), 'segments.0.spreadBp', spread);
          const back = await decodeShare(await encodeShare({ title: 't', description: '', tags: [], scenario: s }));
          expect(back.ok && back.shared.scenario).toEqual(s);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reports a damaged, cut or invalid link and never throws', async () => {
    const good = await encodeShare({ title: 't', description: '', tags: [], scenario: demoScenario });
    for (const d of ['', '!!!', good.slice(0, good.length / 2), 'AAAA', good.replace(/^./, 'Z')]) {
      const r = await decodeShare(d);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0].message.en.length).toBeGreaterThan(0);
    }
    const bad = await encodeShare({ title: 't', description: '', tags: [], scenario: writePath(demoScenario, 'segments.0.pd', 2) });
    const r = await decodeShare(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: 'scenario.segments.0.pd', expected: '0 – 0.5' });
  });

  it('finds the parameter in the hash', () => {
    expect(shareParamOf('#/library?d=abc')).toBe('abc');
    expect(shareParamOf('#/library')).toBeNull();
  });
});
