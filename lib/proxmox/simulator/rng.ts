import { seededRandom } from "../../random";

// Seeded randomness. Every random choice is derived from (seed, a stable label) so adding a
// cluster or a guest never shifts the values of the others.

/** FNV-1a, enough to spread labels over 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast and good enough for simulated inventory. */
export function createRng(seed: number, label = ""): Rng {
  const next = seededRandom((hash32(`${seed}:${label}`) ^ seed) >>> 0);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (p) => next() < p,
  };
}

/** A lowercase UUID (v4 layout) from the seed, like the secrets PVE generates. */
export function seededUuid(seed: number, label: string): string {
  const rng = createRng(seed, `uuid:${label}`);
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** murmur3's finaliser: a cheap, well-mixed integer hash. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Smooth noise in [0, 1) for a metric at a time: values at knots (default every 10 s),
 * linearly interpolated, so loads wander instead of jumping on every poll. Integer hashing
 * only, because /cluster/resources evaluates this thousands of times per snapshot.
 */
export function smoothNoise(seed: number, label: string, timeMs: number, periodMs = 10_000): number {
  const key = hash32(`${seed}:${label}`);
  const knot = Math.floor(timeMs / periodMs);
  const frac = (timeMs - knot * periodMs) / periodMs;
  const a = fmix32(key ^ Math.imul(knot, 0x9e3779b1)) / 4294967296;
  const b = fmix32(key ^ Math.imul(knot + 1, 0x9e3779b1)) / 4294967296;
  return a + (b - a) * frac;
}
