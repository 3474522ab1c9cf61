/**
 * Undo and redo of a value replaced whole at each edit (a scenario: structural sharing keeps a
 * snapshot cheap). Plain TypeScript, no runes: the owner mirrors the depths into its own state.
 *
 * A run of edits of the same input (same `key`) closer together than `coalesceMs` is one step
 * (typing "40", dragging a slider); the oldest steps beyond `limit` are forgotten.
 */
export class UndoHistory<T> {
  #undo: T[] = [];
  #redo: T[] = [];
  #lastKey: string | null = null;
  #lastAt = 0;

  constructor(
    readonly limit = 200,
    readonly coalesceMs = 1000,
  ) {}

  get undoDepth(): number {
    return this.#undo.length;
  }

  get redoDepth(): number {
    return this.#redo.length;
  }

  /**
   * An edit keyed `key` (null: never merged with another) replaces `current` at time `now` (ms):
   * `current` becomes an undo step, unless the edit continues the previous run of the same input.
   * Any redo is dropped.
   */
  record(current: T, key: string | null, now: number): void {
    const isSameRun = key !== null && key === this.#lastKey && now - this.#lastAt < this.coalesceMs && this.#undo.length > 0;
    if (!isSameRun) {
      this.#undo.push(current);
      if (this.#undo.length > this.limit) this.#undo.shift();
    }
    this.#redo = [];
    this.#lastKey = key;
    this.#lastAt = now;
  }

  /** The value before `current`, or null when there is none; `current` becomes a redo step. */
  undo(current: T): T | null {
    if (this.#undo.length === 0) return null;
    const previous = this.#undo.pop()!;
    this.#redo.push(current);
    this.#lastKey = null;
    return previous;
  }

  /** The value undone last, or null; `current` becomes an undo step again. */
  redo(current: T): T | null {
    if (this.#redo.length === 0) return null;
    const next = this.#redo.pop()!;
    this.#undo.push(current);
    this.#lastKey = null;
    return next;
  }

  /** Rewrites every step (another tab's edits merged into each, so undo takes back only this tab's). */
  rebase(f: (value: T) => T): void {
    this.#undo = this.#undo.map(f);
    this.#redo = this.#redo.map(f);
  }

  clear(): void {
    this.#undo = [];
    this.#redo = [];
    this.#lastKey = null;
  }
}
