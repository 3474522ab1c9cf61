import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../src/lib/state/undo-history';

describe('UndoHistory', () => {
  it('undoes and redoes edits in order, and a new edit drops the redo', () => {
    const h = new UndoHistory<number>();
    h.record(0, null, 0); // 0 → 1
    h.record(1, null, 10); // 1 → 2
    expect(h.undoDepth).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBe(0);
    expect(h.undo(0)).toBeNull();
    expect(h.redoDepth).toBe(2);
    expect(h.redo(0)).toBe(1);
    h.record(1, null, 20); // 1 → 5: the redo of 2 is gone
    expect(h.redoDepth).toBe(0);
    expect(h.redo(5)).toBeNull();
    expect(h.undo(5)).toBe(1);
  });

  it('makes one step of a run of edits of the same input within the coalescing time', () => {
    const h = new UndoHistory<string>(200, 1000);
    h.record('', 'lpr', 0); // typing "4"
    h.record('4', 'lpr', 300); // "4."
    h.record('4.', 'lpr', 600); // "4.5"
    expect(h.undoDepth).toBe(1);
    h.record('4.5', 'lpr', 2000); // a second later: a new step
    h.record('x', 'spread', 2100); // another input: a new step
    h.record('y', null, 2150); // an unkeyed edit never merges
    h.record('z', null, 2160);
    expect(h.undoDepth).toBe(5);
    expect(h.undo('w')).toBe('z');
    h.record('z', 'spread', 2200); // after an undo, the run is broken
    expect(h.undoDepth).toBe(5);
  });

  it('forgets the oldest steps beyond its limit', () => {
    const h = new UndoHistory<number>(3, 1000);
    for (let i = 0; i < 5; i++) h.record(i, null, i);
    expect(h.undoDepth).toBe(3);
    expect([h.undo(5), h.undo(4), h.undo(3), h.undo(2)]).toEqual([4, 3, 2, null]);
  });

  it('rebases every step, and clears', () => {
    const h = new UndoHistory<number>();
    h.record(1, null, 0);
    h.record(2, null, 10);
    expect(h.undo(3)).toBe(2);
    h.rebase((v) => v * 10);
    expect(h.undo(20)).toBe(10);
    expect(h.redo(10)).toBe(20);
    expect(h.redo(20)).toBe(30);
    h.clear();
    expect([h.undoDepth, h.redoDepth]).toEqual([0, 0]);
  });
});
