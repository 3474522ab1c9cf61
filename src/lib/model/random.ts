/**
 * A small seedable random number generator for reproducible simulations.
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-tested) seeded by
 * splitmix32 from (seed, stream), so every path index gets its own independent stream and the
 * number of workers never changes a result (docs/reference-model.md §7).
 */

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
}

/** A source of uniforms on [0, 1). */
export interface UniformSource {
  next(): number;
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
 * sfc32 with its state in an Int32Array: closure variables holding 32-bit unsigned values are
 * boxed by V8 (about 40–60 ns a draw), typed-array state is not (about 5 ns). One object can be
 * reseeded per path without allocating, so the simulation engines' call sites stay monomorphic.
 */
export class Sfc32 implements Rng {
  private readonly st = new Int32Array(4);
  private spare = 0;
  private hasSpare = false;

  constructor(seed = 0, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts at stream `stream` of `seed`. */
  reseed(seed: number, stream: number): void {
    const mix = splitmix32((seed >>> 0) ^ Math.imul((stream + 1) >>> 0, 0x9e3779b1));
    const st = this.st;
    st[0] = mix();
    st[1] = mix();
    st[2] = mix();
    st[3] = mix() ^ (stream >>> 0);
    this.hasSpare = false;
    for (let i = 0; i < 12; i++) this.next(); // discard the first outputs (sfc32 warm-up)
  }

  /** Uniform on [0, 1). */
  next(): number {
    const st = this.st;
    const a = st[0];
    const b = st[1];
    const c = st[2];
    const d = st[3];
    const t = (a + b + d) | 0;
    st[3] = (d + 1) | 0;
    st[0] = b ^ (b >>> 9);
    st[1] = (c + (c << 3)) | 0;
    st[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Standard normal, Marsaglia polar method (pairs; the second is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }
}

/**
 * A generator for one stream (e.g. one Monte Carlo path) of a seed.
 * @example createRng(42, 7).next() // the same number on every machine
 */
export function createRng(seed: number, stream = 0): Rng {
  return new Sfc32(seed, stream);
}
