/**
 * The random stream of one path: exactly the numbers of createRng(seed, stream) in random.ts
 * (sfc32 seeded by splitmix32, Marsaglia polar normals), in a reusable object whose state sits
 * in an Int32Array. random.ts keeps its state in closure variables, which V8 stores boxed once
 * they exceed 2³⁰: about 40 ns a draw against about 5 ns here, and the engine draws millions.
 * One object is reseeded for every path, so its call sites stay monomorphic and inline.
 * test/model/simulate.test.ts checks draw for draw that both give the same numbers, so "path i
 * uses createRng(seed, i)" stays true.
 */

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

export class PathRandom implements UniformSource {
  private readonly st = new Int32Array(4);
  private readonly spare = new Float64Array(1);
  private hasSpare = false;

  constructor(seed = 0, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts as createRng(seed, stream). */
  reseed(seed: number, stream: number): void {
    const mix = splitmix32((seed >>> 0) ^ Math.imul((stream + 1) >>> 0, 0x9e3779b1));
    const st = this.st;
    st[0] = mix();
    st[1] = mix();
    st[2] = mix();
    st[3] = mix() ^ (stream >>> 0);
    for (let i = 0; i < 12; i++) this.next(); // sfc32 warm-up, as random.ts
    this.hasSpare = false;
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

  /** Standard normal, Marsaglia polar method (pairs, the second kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare[0];
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare[0] = v * m;
    this.hasSpare = true;
    return u * m;
  }
}
