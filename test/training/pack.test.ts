import { describe, expect, it } from 'vitest';
import { applyLevers, cloneScenario, pyramidScenario, writePath } from '../../src/lib/model';
import {
  buildPack,
  buildTeamResults,
  bankChallengeById,
  challengeFigures,
  createContext,
  decodePackCode,
  defaultWeights,
  encodePackCode,
  groupSubmissions,
  packLink,
  PORTFOLIO_CHALLENGE,
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
    results: [
      {
        challengeId: 'steady-profit',
        score: s.score,
        stars: s.stars,
        figures: challengeFigures(ch, ctx),
        scenario: ch.scenario,
        attemptedAt: '2025-06-01T09:00:00Z',
      },
    ],
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

  it('says which file it expected and which version, through the shared envelope reader', () => {
    const messages = (data: unknown) => {
      const checked = validatePack(data);
      return checked.ok ? [] : checked.problems.map((p) => p.message.en);
    };
    expect(messages({ ...goodPack(), format: 'tong-mix-lab.team-results' })).toEqual(['not a workshop pack file']);
    expect(messages({ ...goodPack(), version: 2 })).toEqual(['unsupported version, expected 1']);
    expect(messages([1])).toEqual(['not a workshop pack file']);
    const results = validateTeamResults({ ...goodResults(), format: 'tong-mix-lab.workshop-pack' });
    expect(results.ok ? [] : results.problems.map((p) => p.message.en)).toEqual(['not a team results file']);
  });

  it('reports every problem at once, deep ones with their full path', () => {
    const pack = roundTrip(goodPack()) as Record<string, any>;
    pack.scenarios[0].scenario.segments[2].pd = -1;
    pack.challenges[0].weights.objective = -5;
    pack.challenges[0].weights.stars = [90, 70, 40];
    const checked = validatePack(pack);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['challenges.0.weights.objective', 'challenges.0.weights.stars']));
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
    if (!checked.ok)
      expect(checked.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['team', 'results.0.score', 'results.0.stars', 'results.0.figures.netProfit']),
      );
    for (const bad of [null, [], 'text', { format: 'tong-mix-lab.workshop-pack' }]) expect(validateTeamResults(bad).ok).toBe(false);
  });

  it('a damaged scenario inside a result is reported at its path', () => {
    const r = roundTrip(goodResults()) as Record<string, any>;
    r.results[0].scenario.segments[0].share = 0.9; // shares no longer sum to 1
    const checked = validateTeamResults(r);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0].path).toBe('results.0.scenario.segments');
  });

  it('rescores a result from its scenario with the pack’s weights, through the team’s own scoring', () => {
    const r = goodResults().results[0];
    const pack = goodPack();
    const same = rescoreResult(r, pack);
    expect(same.breakdown!.score).toBe(r.score);
    expect(same.isRanked).toBe(true);
    expect(same.problems).toEqual([]);
    const harsher = {
      ...pack,
      challenges: pack.challenges.map((c) => (c.challengeId === 'steady-profit' ? { ...c, weights: { ...c.weights, failCap: 10 } } : c)),
    };
    expect(rescoreResult(r, harsher).breakdown!.score).toBeLessThanOrEqual(10); // the start breaks a rule
  });

  it('flags a hand-edited scenario (SME PD cut tenfold) and does not rank it, saying where', () => {
    const r = goodResults().results[0];
    const s = r.scenario!;
    const edited = { ...r, scenario: { ...s, segments: s.segments.map((seg, i) => (i === 2 ? { ...seg, pd: seg.pd / 10 } : seg)) } };
    const checked = rescoreResult(edited, goodPack());
    expect(checked.isRanked).toBe(false);
    expect(checked.problems.map((p) => p.path)).toEqual(['segments.2.pd']);
    expect(checked.problems[0].message.en).toMatch(/not a lever/);
    // an open lever outside the challenge's range is flagged too
    const far = { ...r, scenario: writePath(s, 'segments.2.spreadBp', 290) };
    expect(rescoreResult(far, goodPack()).problems.map((p) => p.path)).toEqual(['segments.2.spreadBp']);
    // the open levers within range pass: the mix and the spreads
    const fair = { ...r, scenario: applyLevers(s, { mix: { large: 0.4, mid: 0.4, small: 0.2 }, spreadBp: { small: 100 } }) };
    expect(rescoreResult(fair, goodPack()).isRanked).toBe(true);
  });

  it('does not rank without the pack, and says why', () => {
    const checked = rescoreResult(goodResults().results[0], null);
    expect(checked.isRanked).toBe(false);
    expect(checked.problems[0].path).toBe('packId');
  });

  it('carries and rescores a client-portfolio result by its allocation', () => {
    const allocation = { deposit: 0, wmp: 0, govBond: 0, creditBond: 0.7, equityFund: 0.15, gold: 0.15 };
    const file = buildTeamResults({
      pack: { id: 'pack-p', title: 'P' },
      team: 'A',
      lessonsCompleted: ['portfolio-risk-profile'],
      results: [{ challengeId: 'client-tuition', score: 0, stars: 0, figures: {}, allocation, attemptedAt: '2025-06-01T09:00:00Z' }],
    });
    const checked = validateTeamResults(roundTrip(file));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.lessonsCompleted).toEqual(['portfolio-risk-profile']);
    const pack = buildPack({
      id: 'pack-p',
      title: 'P',
      lessons: [],
      challenges: [{ challengeId: 'client-tuition', scenarioId: null, weights: defaultWeights(PORTFOLIO_CHALLENGE) }],
      scenarios: [],
    });
    const rescored = rescoreResult(checked.value.results[0], pack);
    expect(rescored.isRanked).toBe(true);
    expect(rescored.breakdown!.constraints.every((c) => c.isMet)).toBe(true);
    const bad = rescoreResult({ ...checked.value.results[0], allocation: { ...allocation, gold: 0.5 } }, pack);
    expect(bad.isRanked).toBe(false);
    expect(bad.problems[0].message.en).toMatch(/sum to 100%/);
    // a portfolio result without its allocation is a problem at its path
    const missing = roundTrip(file) as Record<string, any>;
    delete missing.results[0].allocation;
    const v = validateTeamResults(missing);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0].path).toBe('results.0.allocation');
  });
});

describe('one workshop, one leaderboard', () => {
  it('exporting the same pack twice (file, then link) keeps its id; a change makes a new pack', () => {
    const input = {
      title: 'T',
      lessons: ['concrete-mix'],
      challenges: [{ challengeId: 'raroc', scenarioId: null, weights: defaultWeights(bankChallengeById('raroc')!) }],
      scenarios: [],
    };
    const first = buildPack(input);
    const reread = validatePack(roundTrip(first));
    if (!reread.ok) throw new Error('pack');
    const again = buildPack({ ...input, challenges: roundTrip(input.challenges) as typeof input.challenges, previous: reread.value });
    expect(again.id).toBe(first.id);
    const changed = buildPack({ ...input, title: 'T2', previous: first });
    expect(changed.id).not.toBe(first.id);
  });

  it('the newest export of a team counts, whatever the import order; every submission is kept', () => {
    const make = (team: string, at: string) => ({ results: { ...goodResults(), team, exportedAt: at } });
    const newer = make('A', '2025-06-01T11:00:00.000Z');
    const older = make('A', '2025-06-01T10:00:00.000Z');
    const groups = groupSubmissions([newer, older, make('B', '2025-06-01T09:00:00.000Z')]);
    expect(groups.map((g) => g.team)).toEqual(['A', 'B']);
    expect(groups[0].current).toBe(newer);
    expect(groups[0].all).toEqual([newer, older]);
    expect(groupSubmissions([older, newer])[0].current).toBe(newer);
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
