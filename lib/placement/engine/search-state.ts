// The heuristic's working state over the count model: counts, free room per cluster, which pairs
// hold replicas where, and a journal so a tentative chain of steps can be undone.
import { RESOURCE_COUNT } from "./filter";
import type { PlacementModel } from "./model";
import { strandedCount } from "./objective";

export const EPS = 1e-6;

export class SearchState {
  readonly y: Int32Array;
  readonly placed: Int32Array;
  /** Dense (workload, cluster) → pair index, -1 where none. */
  readonly pairOf: Int32Array;
  /** Per cluster: the pairs holding a replica there (unordered). */
  readonly atCluster: number[][];
  private readonly left: Float64Array;
  private readonly slot: Int32Array;
  /** Per spread workload: its pairs holding a replica (y ≤ 1 there, so a handful). */
  private readonly spreadPlaced: number[][];
  /** Clusters an ejection chain is freeing: no replica may be sent there meanwhile. */
  readonly reserved: Uint8Array;
  /** +(p+1) for an add, −(p+1) for a remove, while a tentative step is open. */
  private readonly journal: number[] = [];
  readonly C: number;

  /** Starts from `start` (a feasible count vector), else from where replicas run. */
  constructor(
    readonly m: PlacementModel,
    start?: Int32Array,
  ) {
    const P = m.pairCluster.length;
    const W = m.total.length;
    this.C = m.input.clusters.length;
    this.y = new Int32Array(P);
    this.left = Float64Array.from(m.room);
    this.placed = new Int32Array(W);
    this.pairOf = new Int32Array(W * this.C).fill(-1);
    this.atCluster = Array.from({ length: this.C }, () => []);
    this.slot = new Int32Array(P).fill(-1);
    this.spreadPlaced = Array.from({ length: W }, () => []);
    this.reserved = new Uint8Array(this.C);
    for (let p = 0; p < P; p++) this.pairOf[m.pairWorkload[p]! * this.C + m.pairCluster[p]!] = p;
    // With nothing placed every must-leave replica is stranded where it runs; placing replicas
    // beyond the kept ones frees them one by one (see apply).
    const R = RESOURCE_COUNT;
    for (let w = 0; w < W; w++)
      for (let j = m.leaveStart[w]!; j < m.leaveStart[w + 1]!; j++)
        for (let k = 0; k < R; k++) this.left[m.leaveOrigin[j]! * R + k]! -= m.req[w * R + k]!;
    const from = start ?? m.pairCur;
    for (let p = 0; p < P; p++) for (let k = 0; k < from[p]!; k++) this.add(p);
    this.journal.length = 0;
  }

  /** Objective change of one more replica at p. */
  gainAdd(p: number): number {
    return this.m.pairValue[p]! + (this.y[p]! < this.m.pairCur[p]! ? this.m.pairPenalty[p]! : 0);
  }

  /** Objective lost by one replica fewer at p. */
  lossRemove(p: number): number {
    return this.m.pairValue[p]! + (this.y[p]! <= this.m.pairCur[p]! ? this.m.pairPenalty[p]! : 0);
  }

  fits(w: number, c: number): boolean {
    const R = RESOURCE_COUNT;
    for (let k = 0; k < R; k++) if (this.m.req[w * R + k]! > this.left[c * R + k]! + 1e-9) return false;
    return true;
  }

  /** p can take one more replica, capacity and spread included (one replica at `leaving` aside). */
  canAdd(p: number, leaving: number): boolean {
    return (
      this.y[p]! < this.m.pairUb[p]! &&
      this.fits(this.m.pairWorkload[p]!, this.m.pairCluster[p]!) &&
      this.spreadFree(p, leaving)
    );
  }

  /** No placed replica of q's workload conflicts with q, once `leaving` (same workload) is gone. */
  spreadFree(q: number, leaving: number): boolean {
    const m = this.m;
    const w = m.pairWorkload[q]!;
    if (!m.spread[w]) return true;
    const c = m.pairCluster[q]!;
    for (const p of this.spreadPlaced[w]!) if (p !== leaving && m.conflicts(w, c, m.pairCluster[p]!)) return false;
    return true;
  }

  spreadBlockers(q: number): number[] {
    const m = this.m;
    const w = m.pairWorkload[q]!;
    return this.spreadPlaced[w]!.filter((p) => p !== q && m.conflicts(w, m.pairCluster[q]!, m.pairCluster[p]!));
  }

  /** The best pair of workload w that can take one more replica (one leaving `from` aside), or -1. */
  bestTarget(w: number, from: number): number {
    const m = this.m;
    let best = -1;
    let bestGain = -Infinity;
    for (let q = m.pairStart[w]!; q < m.pairStart[w + 1]!; q++) {
      if (q === from || this.y[q]! >= m.pairUb[q]! || this.reserved[m.pairCluster[q]!]) continue;
      const g = this.gainAdd(q);
      if (g <= bestGain || !this.fits(w, m.pairCluster[q]!) || !this.spreadFree(q, from)) continue;
      best = q;
      bestGain = g;
    }
    return best;
  }

  /** Up to `limit` pairs of w with room left in their bound that pass `ok`, gaining more than `floor`, best first. */
  topTargets(w: number, limit: number, floor: number, ok: (q: number) => boolean): number[] {
    const m = this.m;
    const top: number[] = [];
    for (let q = m.pairStart[w]!; q < m.pairStart[w + 1]!; q++) {
      if (this.y[q]! >= m.pairUb[q]! || this.reserved[m.pairCluster[q]!]) continue;
      const g = this.gainAdd(q);
      if (g - floor <= EPS) continue;
      if (top.length === limit && g <= this.gainAdd(top[limit - 1]!)) continue;
      if (!ok(q)) continue;
      let i = Math.min(top.length, limit - 1);
      top[i] = q;
      while (i > 0 && this.gainAdd(top[i - 1]!) < g) {
        top[i] = top[i - 1]!;
        top[i - 1] = q;
        i--;
      }
    }
    return top;
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const op = this.journal.pop()!;
      if (op > 0) this.apply(op - 1, -1);
      else this.apply(-op - 1, 1);
    }
  }

  /** Closes a tentative step: what it did stays. */
  commit(): void {
    this.journal.length = 0;
  }

  add(p: number): void {
    this.journal.push(p + 1);
    this.apply(p, 1);
  }

  remove(p: number): void {
    this.journal.push(-(p + 1));
    this.apply(p, -1);
  }

  private apply(p: number, delta: number): void {
    const m = this.m;
    const w = m.pairWorkload[p]!;
    const c = m.pairCluster[p]!;
    const before = this.y[p]!;
    this.y[p] = before + delta;
    if (before === 0) {
      const list = this.atCluster[c]!;
      this.slot[p] = list.length;
      list.push(p);
      if (m.spread[w]) this.spreadPlaced[w]!.push(p);
    } else if (before + delta === 0) {
      const list = this.atCluster[c]!;
      const last = list.pop()!;
      if (last !== p) {
        list[this.slot[p]!] = last;
        this.slot[last] = this.slot[p]!;
      }
      this.slot[p] = -1;
      if (m.spread[w]) this.spreadPlaced[w] = this.spreadPlaced[w]!.filter((x) => x !== p);
    }
    const R = RESOURCE_COUNT;
    for (let k = 0; k < R; k++) this.left[c * R + k]! -= delta * m.req[w * R + k]!;
    const origin = this.strandingOrigin(w, delta);
    if (origin >= 0) for (let k = 0; k < R; k++) this.left[origin * R + k]! += delta * m.req[w * R + k]!;
    this.placed[w]! += delta;
  }

  /**
   * The cluster of the must-leave replica of w that one more (delta 1) or one fewer (delta -1)
   * placed replica frees or strands, or -1 if none: the first stranded one in input order is freed,
   * the last placed one is stranded again.
   */
  strandingOrigin(w: number, delta: number): number {
    const m = this.m;
    const before = strandedCount(m, w, this.placed[w]!);
    const after = strandedCount(m, w, this.placed[w]! + delta);
    if (before === after) return -1;
    const end = m.leaveStart[w + 1]!;
    return m.leaveOrigin[end - Math.max(before, after)]!;
  }
}
