/**
 * A small seedable random number generator for reproducible simulations.
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-tested) seeded by
 * splitmix32 from (seed, stream), so every path index gets its own independent stream and the
 * number of workers never changes a result (model.md §7).
 */

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator for one stream (e.g. one Monte Carlo path) of a seed.
 * @example createRng(42, 7).next() // the same number on every machine
 */
export function createRng(seed: number, stream = 0): Rng {
  const mix = splitmix32((seed >>> 0) ^ Math.imul((stream + 1) >>> 0, 0x9e3779b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() ^ (stream >>> 0);
  function next(): number {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  }
  for (let i = 0; i < 12; i++) next(); // discard the first outputs (sfc32 warm-up)
  let spare: number | null = null;
  function normal(): number {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    return u * m;
  }
  return { next, normal };
}
