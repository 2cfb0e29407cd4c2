// The fast solver: start from where replicas run, place the missing ones greedily (priority
// first), then improve by local search until no single step helps: relocate one replica, swap
// two replicas of different workloads between two full clusters, or make room for an unplaced
// replica by relocating (or, if it ranks lower, unplacing a new) replica in its way.
// Deterministic: no randomness, no time limit, only a pass cap that real inputs never reach.
import { RESOURCE_COUNT } from "./filter";
import type { PlacementModel } from "./model";

const EPS = 1e-6;
const MAX_PASSES = 200;

export function solveHeuristic(model: PlacementModel): Int32Array {
  const s = new SearchState(model);
  s.greedy();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const improved = s.relocatePass() + s.swapPass() + s.makeRoomPass();
    if (improved === 0) break;
  }
  return s.y;
}

class SearchState {
  readonly y: Int32Array;
  private readonly left: Float64Array;
  private readonly placed: Int32Array;
  private readonly blocked: Int32Array;
  private readonly pairWorkload: Int32Array;
  /** Dense (workload, cluster) → pair index, -1 where none. */
  private readonly pairOf: Int32Array;
  private readonly byCluster: number[][];
  private readonly C: number;

  constructor(private readonly m: PlacementModel) {
    const P = m.pairCluster.length;
    const W = m.total.length;
    this.C = m.input.clusters.length;
    this.y = Int32Array.from(m.pairCur);
    this.left = Float64Array.from(m.room);
    this.placed = new Int32Array(W);
    this.blocked = new Int32Array(P);
    this.pairWorkload = new Int32Array(P);
    this.pairOf = new Int32Array(W * this.C).fill(-1);
    this.byCluster = Array.from({ length: this.C }, () => []);
    for (let w = 0; w < W; w++)
      for (let p = m.pairStart[w]!; p < m.pairStart[w + 1]!; p++) {
        this.pairWorkload[p] = w;
        this.pairOf[w * this.C + m.pairCluster[p]!] = p;
        this.byCluster[m.pairCluster[p]!]!.push(p);
      }
    for (let p = 0; p < P; p++) if (this.y[p]! > 0) this.account(p, this.y[p]!);
  }

  greedy(): void {
    const m = this.m;
    const order = Array.from(m.total.keys()).sort((a, b) => m.unplacedPenalty[b]! - m.unplacedPenalty[a]! || a - b);
    for (const w of order) {
      while (this.placed[w]! < m.total[w]!) {
        const best = this.bestTarget(w, -1);
        if (best < 0) break;
        this.add(best);
      }
    }
  }

  relocatePass(): number {
    let improved = 0;
    for (let p = 0; p < this.y.length; p++) {
      while (this.y[p]! > 0) {
        const q = this.bestTarget(this.pairWorkload[p]!, p);
        if (q < 0 || this.gainAdd(q) - this.lossRemove(p) <= EPS) break;
        this.remove(p);
        this.add(q);
        improved++;
      }
    }
    return improved;
  }

  /** Two replicas of different workloads trade clusters where neither fits alone. */
  swapPass(): number {
    const m = this.m;
    let improved = 0;
    for (let p = 0; p < this.y.length; p++) {
      if (this.y[p]! === 0) continue;
      const w = this.pairWorkload[p]!;
      const a = m.pairCluster[p]!;
      const loss = this.lossRemove(p);
      for (let q = m.pairStart[w]!; q < m.pairStart[w + 1]! && this.y[p]! > 0; q++) {
        if (q === p || this.y[q]! >= m.pairUb[q]! || !this.spreadFree(q, p)) continue;
        const d1 = this.gainAdd(q) - loss;
        if (d1 <= EPS || this.fits(w, m.pairCluster[q]!)) continue;
        const b = m.pairCluster[q]!;
        for (const q2 of this.byCluster[b]!) {
          const w2 = this.pairWorkload[q2]!;
          if (w2 === w || this.y[q2]! === 0) continue;
          const p2 = this.pairOf[w2 * this.C + a]!;
          if (p2 < 0 || this.y[p2]! >= m.pairUb[p2]! || !this.spreadFree(p2, q2)) continue;
          if (d1 + this.gainAdd(p2) - this.lossRemove(q2) <= EPS) continue;
          if (!this.fitsAfter(w, b, w2) || !this.fitsAfter(w2, a, w)) continue;
          this.remove(p);
          this.remove(q2);
          this.add(q);
          this.add(p2);
          improved++;
          break;
        }
      }
    }
    return improved;
  }

  /** An unplaced replica takes a cluster after one replica in its way moves on (or, if new and worth less, gives way). */
  makeRoomPass(): number {
    const m = this.m;
    let improved = 0;
    for (let w = 0; w < m.total.length; w++) {
      while (this.placed[w]! < m.total[w]!) {
        let best: { q: number; q2: number; p2: number; delta: number } | null = null;
        for (let q = m.pairStart[w]!; q < m.pairStart[w + 1]!; q++) {
          if (this.y[q]! >= m.pairUb[q]! || !this.spreadFree(q, -1)) continue;
          const gain = m.unplacedPenalty[w]! + this.gainAdd(q);
          const b = m.pairCluster[q]!;
          for (const q2 of this.byCluster[b]!) {
            const w2 = this.pairWorkload[q2]!;
            if (w2 === w || this.y[q2]! === 0 || !this.fitsAfter(w, b, w2)) continue;
            const freed = gain - this.lossRemove(q2);
            if (this.placed[w2]! > m.keep[w2]! && freed - m.unplacedPenalty[w2]! > EPS && (!best || freed - m.unplacedPenalty[w2]! > best.delta))
              best = { q, q2, p2: -1, delta: freed - m.unplacedPenalty[w2]! };
            const p2 = this.bestTarget(w2, q2);
            if (p2 >= 0 && freed + this.gainAdd(p2) > EPS && (!best || freed + this.gainAdd(p2) > best.delta))
              best = { q, q2, p2, delta: freed + this.gainAdd(p2) };
          }
        }
        if (!best) break;
        this.remove(best.q2);
        if (best.p2 >= 0) this.add(best.p2);
        this.add(best.q);
        improved++;
      }
    }
    return improved;
  }

  /** The best pair of workload w that can take one more replica (one leaving `from` aside), or -1. */
  private bestTarget(w: number, from: number): number {
    const m = this.m;
    let best = -1;
    let bestGain = -Infinity;
    for (let q = m.pairStart[w]!; q < m.pairStart[w + 1]!; q++) {
      if (q === from || this.y[q]! >= m.pairUb[q]!) continue;
      const g = this.gainAdd(q);
      if (g <= bestGain || !this.fits(w, m.pairCluster[q]!) || !this.spreadFree(q, from)) continue;
      best = q;
      bestGain = g;
    }
    return best;
  }

  private gainAdd(p: number): number {
    return this.m.pairValue[p]! + (this.y[p]! < this.m.pairCur[p]! ? this.m.pairPenalty[p]! : 0);
  }

  private lossRemove(p: number): number {
    return this.m.pairValue[p]! + (this.y[p]! <= this.m.pairCur[p]! ? this.m.pairPenalty[p]! : 0);
  }

  private fits(w: number, c: number): boolean {
    const R = RESOURCE_COUNT;
    for (let k = 0; k < R; k++) if (this.m.req[w * R + k]! > this.left[c * R + k]! + 1e-9) return false;
    return true;
  }

  /** Whether w fits on c once one replica of `other` has left it. */
  private fitsAfter(w: number, c: number, other: number): boolean {
    const R = RESOURCE_COUNT;
    for (let k = 0; k < R; k++) if (this.m.req[w * R + k]! > this.left[c * R + k]! + this.m.req[other * R + k]! + 1e-9) return false;
    return true;
  }

  /** No placed replica of the workload conflicts with q, once `leaving` (same workload) is gone. */
  private spreadFree(q: number, leaving: number): boolean {
    const blocked = this.blocked[q]!;
    if (blocked === 0) return true;
    if (leaving < 0 || this.y[leaving]! !== 1 || blocked !== 1) return false;
    const m = this.m;
    for (let i = m.conflictStart[q]!; i < m.conflictStart[q + 1]!; i++) if (m.conflictList[i] === leaving) return true;
    return false;
  }

  private add(p: number): void {
    this.y[p]!++;
    this.account(p, 1);
  }

  private remove(p: number): void {
    this.y[p]!--;
    this.account(p, -1);
  }

  private account(p: number, delta: number): void {
    const m = this.m;
    const R = RESOURCE_COUNT;
    const w = this.pairWorkload[p]!;
    const c = m.pairCluster[p]!;
    for (let k = 0; k < R; k++) this.left[c * R + k]! -= delta * m.req[w * R + k]!;
    this.placed[w]! += delta;
    const now = this.y[p]!;
    const before = now - delta;
    if ((before === 0) !== (now === 0)) {
      const step = now === 0 ? -1 : 1;
      for (let i = m.conflictStart[p]!; i < m.conflictStart[p + 1]!; i++) this.blocked[m.conflictList[i]!]! += step;
    }
  }
}
