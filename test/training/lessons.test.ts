import { describe, expect, it } from 'vitest';
import { writePath, type Scenario } from '../../src/lib/model';
import {
  BANK_LESSONS,
  LESSONS,
  checkGoal,
  createContext,
  glossaryTerm,
  lessonBaseContext,
  bankLessonById,
  parseFigure,
  parseRichText,
  readFigure,
  setShare,
  type BankLessonDef,
} from '../../src/lib/training';

const YI = 1e8;

/** A way to meet each lesson's goal with its open levers, and the right answers to its questions. */
const SOLUTIONS: Record<string, { solve: (s: Scenario) => Scenario; answers: Record<string, string> }> = {
  'concrete-mix': { solve: (s) => setShare(s, 0, 0.4), answers: {} },
  'inverted-pyramid': { solve: (s) => setShare(s, 0, 0.4), answers: { 'most-profit': 'large', 'thinnest-margin': 'large' } },
  'pricing-power': { solve: (s) => writePath(s, 'segments.2.markup', 0.46), answers: {} },
  liquidity: { solve: (s) => setShare(s, 2, 0.3), answers: {} },
  'product-penetration': { solve: (s) => writePath(writePath(s, 'segments.2.productsPerClient', 2.6), 'segments.1.productsPerClient', 2.8), answers: {} },
  pace: { solve: (s) => writePath(writePath(s, 'levers.managerHeadcount', 111), 'levers.paceQuarters', 16), answers: {} },
  pareto: { solve: (s) => writePath(s, 'segments.2.feePerClient', 4e4), answers: { top20: 'about80' } },
};

function check(lesson: BankLessonDef, scenario: Scenario, answers: Record<string, string>) {
  return checkGoal(lesson.goal, createContext(scenario), lessonBaseContext(lesson), answers);
}

describe('the seven bank lessons of the issue', () => {
  it('are all there, in order, in both languages, with hints and a debrief', () => {
    // the seven of the concrete article, then the client-portfolio lesson (test/training/portfolio.test.ts)
    expect(LESSONS.map((l) => l.title.zh)).toEqual(['砼的配比', '倒金字塔', '定价权', '流动性', '产品渗透', '节奏', '二八法则', '资产配置与风险承受能力']);
    expect(BANK_LESSONS.map((l) => l.title.zh)).toEqual(['砼的配比', '倒金字塔', '定价权', '流动性', '产品渗透', '节奏', '二八法则']);
    for (const l of BANK_LESSONS) {
      for (const text of [l.title, l.claim, l.task, ...l.narrative, ...l.hints, ...l.debrief.mechanism]) {
        expect(text.zh.length, l.id).toBeGreaterThan(0);
        expect(text.en.length, l.id).toBeGreaterThan(0);
      }
      expect(l.hints.length).toBeGreaterThan(0);
      expect(l.debrief.metrics.length).toBeGreaterThan(0);
      expect(l.levers.length).toBeGreaterThan(0);
    }
  });

  it('name only known figures, glossary terms and levers', () => {
    for (const l of BANK_LESSONS) {
      for (const f of [...l.figures, ...l.goal.flatMap((c) => (c.kind === 'figure' ? [c.figure] : []))]) expect(parseFigure(f), `${l.id}: ${f}`).not.toBeNull();
      const texts = [l.task, ...l.narrative].flatMap((b) => [b.zh, b.en]);
      for (const part of texts.flatMap(parseRichText)) if (part.kind === 'term') expect(glossaryTerm(part.id), `${l.id}: ${part.id}`).toBeDefined();
      for (const term of l.debrief.terms) expect(glossaryTerm(term), `${l.id}: ${term}`).toBeDefined();
      for (const figure of l.figures) expect(Number.isFinite(readFigure(createContext(l.scenario), figure)), `${l.id}: ${figure}`).toBe(true);
    }
  });

  for (const lesson of BANK_LESSONS) {
    describe(`${lesson.number}. ${lesson.title.zh} (${lesson.id})`, () => {
      const solution = SOLUTIONS[lesson.id];

      it('the starting scenario does not meet the goal', () => {
        expect(check(lesson, lesson.scenario, solution.answers).isMet).toBe(false);
      });

      it('a scenario that meets it passes, and every condition says so', () => {
        const result = check(lesson, solution.solve(lesson.scenario), solution.answers);
        expect(result.results.filter((r) => !r.isMet).map((r) => (r.condition.kind === 'figure' ? r.condition.figure : r.condition.id))).toEqual([]);
        expect(result.isMet).toBe(true);
      });

      it('a wrong answer to a question fails the goal', () => {
        const choices = lesson.goal.filter((c) => c.kind === 'choice');
        if (choices.length === 0) return;
        const wrong = Object.fromEntries(choices.map((c) => [c.id, c.options.find((o) => o.id !== solution.answers[c.id])!.id]));
        expect(check(lesson, solution.solve(lesson.scenario), wrong).isMet).toBe(false);
      });
    });
  }
});

describe('the goal checks move the way the source says', () => {
  it('lesson 1: too little gravel breaks the mix too', () => {
    const lesson = bankLessonById('concrete-mix')!;
    expect(check(lesson, setShare(lesson.scenario, 0, 0.25), {}).isMet).toBe(false);
    expect(check(lesson, setShare(lesson.scenario, 0, 0.45), {}).isMet).toBe(true);
  });

  it('lesson 3: the best SME markup is interior, near 上浮46%, and costs a third of the demand', () => {
    const ctx = createContext(bankLessonById('pricing-power')!.scenario);
    const { best, points } = ctx.curve('small');
    expect(best.markup).toBeCloseTo(0.46, 2);
    expect(best.netProfit).toBeGreaterThan(points[0].netProfit);
    expect(best.netProfit).toBeGreaterThan(points[points.length - 1].netProfit);
    const at = createContext(writePath(ctx.scenario, 'segments.2.markup', best.markup));
    expect(readFigure(at, 'demandKept.small')).toBeCloseTo(0.677, 3);
    // too high a markup misses the goal
    const lesson = bankLessonById('pricing-power')!;
    expect(check(lesson, writePath(lesson.scenario, 'segments.2.markup', 0.8), {}).isMet).toBe(false);
  });

  it('lesson 4: cutting gravel alone to 40% does not restore the LCR; adding paste does', () => {
    const lesson = bankLessonById('liquidity')!;
    expect(readFigure(createContext(setShare(lesson.scenario, 0, 0.4)), 'lcr')).toBeLessThan(1);
    expect(readFigure(createContext(setShare(lesson.scenario, 2, 0.3)), 'lcr')).toBeGreaterThan(1);
  });

  it('lesson 6: with today’s 65 managers the mix cannot move; too many managers cost too much', () => {
    const lesson = bankLessonById('pace')!;
    const stuck = createContext(lesson.scenario).pace();
    expect(stuck.quartersToTarget).toBe(stuck.horizonQuarters + 1);
    expect(stuck.years.every((y) => Math.abs(y.shares[0] - 0.65) < 1e-9)).toBe(true);
    expect(stuck.managersAtTarget).toBe(111);
    const overstaffed = writePath(writePath(lesson.scenario, 'levers.managerHeadcount', 200), 'levers.paceQuarters', 16);
    expect(check(lesson, overstaffed, {}).isMet).toBe(false);
    const rushed = writePath(writePath(lesson.scenario, 'levers.managerHeadcount', 111), 'levers.paceQuarters', 4);
    expect(check(lesson, rushed, {}).results.find((r) => r.condition.kind === 'figure' && r.condition.figure === 'pace.recessionProfit')!.isMet).toBe(false);
  });

  it('lesson 6: the recession year is a loss and the tiers with more correlation suffer more', () => {
    const p = createContext(bankLessonById('pace')!.scenario).pace();
    expect(p.years[1].isRecession).toBe(true);
    expect(p.years[1].netProfit).toBeLessThan(0);
    expect(p.years[0].netProfit / YI).toBeCloseTo(7.6, 1);
  });

  it('lesson 7: about 80% of profit comes from the top 20% of clients', () => {
    expect(readFigure(createContext(bankLessonById('pareto')!.scenario), 'top20ProfitShare')).toBeCloseTo(0.805, 3);
  });

  it('never mutates the lesson scenarios', () => {
    const before = JSON.stringify(BANK_LESSONS.map((l) => l.scenario));
    for (const l of BANK_LESSONS) check(l, SOLUTIONS[l.id].solve(l.scenario), SOLUTIONS[l.id].answers);
    expect(JSON.stringify(BANK_LESSONS.map((l) => l.scenario))).toBe(before);
  });
});

describe('rich text', () => {
  it('splits glossary links without producing HTML', () => {
    expect(parseRichText('看[[LCR]]和[[NSFR|净稳定资金比例]]。<b>')).toEqual([
      { kind: 'text', text: '看' },
      { kind: 'term', id: 'LCR', text: 'LCR' },
      { kind: 'text', text: '和' },
      { kind: 'term', id: 'NSFR', text: '净稳定资金比例' },
      { kind: 'text', text: '。<b>' },
    ]);
  });
});
