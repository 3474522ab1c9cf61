/**
 * The random stream of one path: random.ts's sfc32 (createRng(seed, path) gives the same numbers),
 * one object reseeded per path so the engine's call sites stay monomorphic.
 */
export { Sfc32 as PathRandom, type UniformSource } from '../random';
