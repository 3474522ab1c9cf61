/**
 * The scenario of one lesson or challenge, apart from the user's workspace: a lesson never
 * overwrites the dashboard's scenario. Evaluated on the main thread: one closed-form evaluation
 * takes about 25 µs, the rebalancing path about 20 of them.
 */
import { writePath, type Scenario } from '../model';
import { createContext, setShare, setTargetShare, type TrainingContext } from '../training';

export class TrainingSession {
  readonly start: Scenario;
  scenario = $state.raw<Scenario>(null as unknown as Scenario);
  /** The context before the last move, to mark what changed and in which direction. */
  previous = $state.raw<TrainingContext | null>(null);
  context = $derived.by(() => createContext(this.scenario));

  constructor(start: Scenario) {
    this.start = start;
    this.scenario = start;
  }

  update(next: Scenario): void {
    this.previous = this.context;
    this.scenario = next;
  }

  setInput(path: string, value: unknown): void {
    this.update(writePath(this.scenario, path, value));
  }

  setShare(index: number, share: number): void {
    this.update(setShare(this.scenario, index, share));
  }

  setTargetShare(index: number, share: number): void {
    this.update(setTargetShare(this.scenario, index, share));
  }

  reset(): void {
    this.update(this.start);
    this.previous = null;
  }
}

// Sessions outlive the view, so a trip to the glossary and back keeps a trainee's moves.
const sessions = new Map<string, TrainingSession>();

/** The session of a lesson or challenge by key, created from `start` the first time. */
export function trainingSession(key: string, start: Scenario): TrainingSession {
  let s = sessions.get(key);
  if (!s || s.start !== start) {
    s = new TrainingSession(start);
    sessions.set(key, s);
  }
  return s;
}

export function forgetTrainingSession(key: string): void {
  sessions.delete(key);
}
