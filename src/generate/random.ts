/**
 * A small, fast, seedable PRNG (sfc32, seeded through splitmix32) and the samplers the data
 * generator needs. Everything the generator produces is a pure function of the seed and the
 * options: no Math.random, no clock, no iteration over unordered collections.
 */

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` and `stream` together choose the sequence: one stream per independent purpose. */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((seed * 0x2f6b + stream * 0x51ed27) ^ 0x5bd1e995);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniformly distributed 32-bit unsigned integer (sfc32). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Picks by relative weight: `weighted([['A', 3], ['B', 1]])` is A three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.float() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** Approximately normal (sum of 4 uniforms), mean 0, standard deviation 1. */
  normal(): number {
    return (this.float() + this.float() + this.float() + this.float() - 2) * Math.sqrt(3);
  }

  /** A new array with the items in random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/**
 * Zipf-like sampler over ranks 0..n-1: rank r has weight 1 / (r + 1)^s. With s ≈ 1 a few
 * items get most of the draws (the hubs of real news: a few speakers and countries dominate).
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    s = 1,
  ) {
    if (n <= 0) throw new Error('Zipf over an empty set');
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / (r + 1) ** s;
      this.cdf[r] = total;
    }
    for (let r = 0; r < n; r++) (this.cdf as Float64Array)[r] = (this.cdf[r] as number) / total;
  }

  sample(random: Random): number {
    const x = random.float();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** `count` distinct ranks (count ≤ n). */
  sampleDistinct(random: Random, count: number): number[] {
    const out: number[] = [];
    for (let guard = 0; out.length < Math.min(count, this.n) && guard < 100; guard++) {
      const r = this.sample(random);
      if (!out.includes(r)) out.push(r);
    }
    return out;
  }
}

/**
 * Splits `total` into `weights.length` non-negative integers proportional to the weights
 * (largest remainders first, ties by index), each at least `min`. Deterministic.
 */
export function distribute(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const free = total - min * n;
  if (free < 0) throw new Error(`cannot give ${n} parts at least ${min} each out of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * free);
  const parts = exact.map((x) => Math.floor(x));
  let rest = free - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; rest > 0; k = (k + 1) % n, rest--) {
    const index = (order[k] as readonly [number, number])[1];
    parts[index] = (parts[index] as number) + 1;
  }
  return parts.map((p) => p + min);
}
