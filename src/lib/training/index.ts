/**
 * The training layer: lessons, challenges, scoring, workshop packs and the glossary. Pure data
 * and functions over the engine (no DOM, no Dexie, no Svelte), unit-testable in Node.
 */
export * from './pace';
export * from './value';
export * from './context';
export * from './figures';
export * from './goals';
export * from './levers';
export * from './lessons';
export * from './scoring';
export * from './monte-carlo';
export * from './challenges';
export * from './portfolio';
export * from './pack';
export * from './glossary';
