/**
 * A value a component loads asynchronously and keeps current: `load` runs in an effect (so it
 * runs again when the state it reads changes), and only the answer to the latest run is kept (an
 * older answer that arrives late, or one for a component already gone, is dropped). A failed load
 * keeps the value it had. Created during a component's initialisation (it owns an effect).
 * @example const progress = new Loaded({}, () => training.loadProgress());  // progress.current
 */
export class Loaded<T> {
  current = $state.raw<T>() as T;

  /** `load` returns null when there is nothing to load now (the value is kept). */
  constructor(initial: T, load: () => Promise<T> | null) {
    this.current = initial;
    $effect(() => {
      const pending = load();
      if (!pending) return;
      let isLatest = true;
      pending.then(
        (value) => {
          if (isLatest) this.current = value;
        },
        () => {},
      );
      return () => {
        isLatest = false;
      };
    });
  }
}
