/**
 * What every lesson and every challenge has, whatever its subject (a bank scenario in
 * lessons.ts and challenges.ts, a client's portfolio in portfolio.ts): the player shows these
 * parts the same way, and each subject adds its own starting point, levers and goal.
 */
import type { Bilingual } from '../model';
import type { ConstraintDef, ObjectiveDef, ScoringWeights } from './scoring';

export interface LessonCommon {
  id: string;
  number: number;
  title: Bilingual;
  /** The source's claim the lesson rests on, with its Chinese terms. */
  claim: Bilingual;
  minutes: number;
  narrative: Bilingual[];
  task: Bilingual;
  /** Figures shown in the mini-dashboard (the goal's figures first). */
  figures: string[];
  hints: Bilingual[];
  debrief: {
    mechanism: Bilingual[];
    /** Glossary terms to read next. */
    terms: string[];
  };
}

export interface ChallengeCommon {
  id: string;
  title: Bilingual;
  brief: Bilingual;
  objective: ObjectiveDef;
  constraints: ConstraintDef[];
  weights: ScoringWeights;
  /** Figures shown while playing (objective and constraints are always shown). */
  figures: string[];
}
