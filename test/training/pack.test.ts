import { describe, expect, it } from 'vitest';
import { cloneScenario, pyramidScenario } from '../../src/lib/model';
import {
  buildPack,
  buildTeamResults,
  bankChallengeById,
  challengeFigures,
  createContext,
  decodePackCode,
  defaultWeights,
  encodePackCode,
  packLink,
  parseJson,
  rescoreResult,
  scoreChallenge,
  validatePack,
  validateTeamResults,
  type WorkshopPack,
} from '../../src/lib/training';

function goodPack(): WorkshopPack {
  return buildPack({
    id: 'pack-1',
    title: '周五工作坊',
    lessons: ['concrete-mix', 'liquidity'],
    challenges: [
      { challengeId: 'steady-profit', scenarioId: null, weights: defaultWeights(bankChallengeById('steady-profit')!) },
      { challengeId: 'raroc', scenarioId: 'pyramid', weights: { ...defaultWeights(bankChallengeById('raroc')!), failCap: 30 } },
    ],
    scenarios: [{ id: 'pyramid', name: pyramidScenario.name, scenario: cloneScenario(pyramidScenario) }],
    now: new Date('2025-06-01T08:00:00Z'),
  });
}

function goodResults() {
  const ch = bankChallengeById('steady-profit')!;
  const ctx = createContext(ch.scenario);
  const s = scoreChallenge(ch, challengeFigures(ch, ctx), ch.weights);
  return buildTeamResults({
    pack: { id: 'pack-1', title: '周五工作坊' },
    team: '  第一组 <script>alert(1)</script> ',
    lessonsCompleted: ['concrete-mix'],
    results: [{ challengeId: 'steady-profit', score: s.score, stars: s.stars, figures: challengeFigures(ch, ctx), scenario: ch.scenario, attemptedAt: '2025-06-01T09:00:00Z' }],
    now: new Date('2025-06-01T10:00:00Z'),
  });
}

const roundTrip = <T>(x: T) => JSON.parse(JSON.stringify(x)) as unknown;

describe('workshop pack validation', () => {
  it('accepts a good pack and gives it back whole', () => {
    const pack = goodPack();
    const checked = validatePack(roundTrip(pack));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.value).toEqual(pack);
  });

  it('fills a missing constraint weight with the default, so a hand-edited file loses nothing', () => {
    const pack = roundTrip(goodPack()) as { challenges: { weights: { constraints: Record<string, number> } }[] };
    delete pack.challenges[0].weights.constraints.lcr;
    const checked = validatePack(pack);
    expect(checked.ok && checked.value.challenges[0].weights.constraints.lcr).toBe(10);
  });

  it.each([
    ['not an object', 42, ''],
    ['another kind of file', { ...goodPack(), format: 'tong-mix-lab.team-results' }, 'format'],
    ['a newer version', { ...goodPack(), version: 2 }, 'version'],
    ['an unknown lesson', { ...goodPack(), lessons: ['concrete-mix', 'no-such-lesson'] }, 'lessons.1'],
    ['an empty title', { ...goodPack(), title: '   ' }, 'title'],
    ['a bad id', { ...goodPack(), id: 'a b/c' }, 'id'],
  ])('reports %s with its path and never throws', (_label, data, path) => {
    const checked = validatePack(data);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.path)).toContain(path);
      for (const p of checked.problems) {
        expect(p.message.zh.length).toBeGreaterThan(0);
        expect(p.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('reports every problem at once, deep ones with their full path', () => {
    const pack = roundTrip(goodPack()) as Record<string, any>;
    pack.scenarios[0].scenario.segments[2].pd = -1;
    pack.challenges[0].weights.objective = -5;
    pack.challenges[0].weights.stars = [90, 70, 40];
    const checked = validatePack(pack);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['challenges.0.weights.objective', 'challenges.0.weights.stars']));
    // the scenario's own problems surface once the pack's shape is right
    pack.challenges[0].weights.objective = 5;
    pack.challenges[0].weights.stars = [40, 70, 90];
    const again = validatePack(pack);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems.map((p) => p.path)).toEqual(['scenarios.0.scenario.segments.2.pd']);
  });

  it('checks references: a missing scenario, an unknown constraint weight, a duplicate challenge', () => {
    const pack = roundTrip(goodPack()) as Record<string, any>;
    pack.challenges[1].scenarioId = 'nowhere';
    pack.challenges[0].weights.constraints.bogus = 3;
    pack.challenges.push({ ...pack.challenges[0] });
    const checked = validatePack(pack);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['challenges.1.scenarioId', 'challenges.0.weights.constraints.bogus', 'challenges.2.challengeId']),
      );
    }
  });

  it('turns bad JSON into a problem at the root', () => {
    const parsed = parseJson('{"format": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].path).toBe('');
  });
});

describe('team results validation', () => {
  it('accepts a good results file; the team name is trimmed text', () => {
    const checked = validateTeamResults(roundTrip(goodResults()));
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value.team).toBe('第一组 <script>alert(1)</script>');
      expect(checked.value.results[0].scenario).toEqual(bankChallengeById('steady-profit')!.scenario);
    }
  });

  it('reports malformed results with paths and never throws', () => {
    const r = roundTrip(goodResults()) as Record<string, any>;
    r.team = '';
    r.results[0].score = 140;
    r.results[0].stars = 1.5;
    r.results[0].figures.netProfit = 'lots';
    const checked = validateTeamResults(r);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['team', 'results.0.score', 'results.0.stars', 'results.0.figures.netProfit']));
    for (const bad of [null, [], 'text', { format: 'tong-mix-lab.workshop-pack' }]) expect(validateTeamResults(bad).ok).toBe(false);
  });

  it('a damaged scenario inside a result is reported at its path', () => {
    const r = roundTrip(goodResults()) as Record<string, any>;
    r.results[0].scenario.segments[0].share = 0.9; // shares no longer sum to 1
    const checked = validateTeamResults(r);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0].path).toBe('results.0.scenario.segments');
  });

  it('rescores a result from its scenario with the pack’s weights', () => {
    const r = goodResults().results[0];
    const weights = { ...defaultWeights(bankChallengeById('steady-profit')!), failCap: 10 };
    expect(rescoreResult(r, null)!.score).toBe(r.score);
    expect(rescoreResult(r, weights)!.score).toBe(10);
  });
});

describe('pack link', () => {
  it('round-trips a pack through deflate-raw and base64url', async () => {
    const pack = goodPack();
    const code = await encodePackCode(pack);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(JSON.stringify(pack).length);
    const decoded = await decodePackCode(code);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value).toEqual(pack);
    expect(packLink('http://127.0.0.1:4182/mix-lab/#/dashboard', code)).toBe(`http://127.0.0.1:4182/mix-lab/#/training?tab=workshop&pack=${code}`);
  });

  it('reports a damaged link instead of throwing', async () => {
    const code = await encodePackCode(goodPack());
    for (const bad of [code.slice(0, code.length / 2), 'not a code!', '', 'AAAA']) {
      const decoded = await decodePackCode(bad);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.problems[0].message.en.length).toBeGreaterThan(0);
    }
  });
});
