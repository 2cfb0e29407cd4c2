// The fast solver: start from where replicas run, place the missing ones greedily (priority
// first), then improve by local search until no step helps:
//   relocate  one replica to a better pair where it fits;
//   eject     one replica to a better pair that is full, after the replicas in its way move to
//             their own best pairs (or, new ones worth less, give way): swaps and short chains;
//   make room the same for a replica still unplaced, and for a spread workload, moving its own
//             replica that blocks the only free cluster.
// Deterministic: no randomness and no clock; the ejection steps have a work budget, in blocker
// checks, that only very large federations reach.
import type { PlacementModel } from "./model";
import { objectiveOf } from "./objective";
import { greedyDynamicStart, greedyStart } from "./greedy";
import { EPS, SearchState } from "./search-state";

const MAX_PASSES = 200;
/** Pairs × replicas to place up to which the heuristic also tries the dynamic greedy order. */
const SECOND_START_WORK = 5_000_000;
/** Full targets per replica the ejection steps try, best first. */
const CANDIDATES = 4;
/** …and on a small federation (see SECOND_START_WORK), where looking wider costs milliseconds. */
const CANDIDATES_SMALL = 10;
/** Blockers at a target the ejection step may move, cheapest first. */
const MAX_BLOCKERS = 10;
const MAX_BLOCKERS_SMALL = 30;
/** Blocker checks per ejection pass; a 10,000-replica federation stays well inside 2 s. */
const EJECT_BUDGET = 200_000;
/** How far an ejection chain may push: the blockers' blockers, no further. */
const MAX_DEPTH = 2;
const MAX_DEPTH_SMALL = 3;

const WIDE_SMALL = { candidates: CANDIDATES_SMALL, blockers: MAX_BLOCKERS_SMALL, depth: MAX_DEPTH_SMALL };
const WIDE_LARGE = { candidates: CANDIDATES, blockers: MAX_BLOCKERS, depth: MAX_DEPTH };
/** On a large federation, failed attempts to place a workload's replica before it is left unplaced. */
const MAX_ROOM_FAILURES = 3;

export function solveHeuristic(model: PlacementModel, start?: Int32Array): Int32Array {
  const fixed = improve(model, "fixed", start);
  if (start) return fixed;
  // Small federations also get a second start that re-ranks the most constrained workload after
  // every placement (costs pairs × replicas to place), and keep the better of the two.
  if (!isSmall(model)) return fixed;
  const dynamic = improve(model, "dynamic");
  return objectiveOf(model, dynamic) > objectiveOf(model, fixed) + EPS ? dynamic : fixed;
}

function isSmall(model: PlacementModel): boolean {
  const toPlace = model.total.reduce((sum, n, w) => sum + n - model.keep[w]!, 0);
  return model.pairCluster.length * Math.max(1, toPlace) <= SECOND_START_WORK;
}

function improve(model: PlacementModel, order: "fixed" | "dynamic", start?: Int32Array): Int32Array {
  const search = new Search(new SearchState(model, start));
  if (order === "fixed") greedyStart(search.s);
  else greedyDynamicStart(search.s);
  // Cheap relocations to a standstill first; the costlier steps only when those are exhausted.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (search.relocatePass() > 0) continue;
    if (search.makeRoomPass() + search.ejectPass() === 0) break;
  }
  return search.s.y;
}

class Search {
  private budget = 0;

  private readonly wide: typeof WIDE_SMALL;
  private readonly roomFailures: Int32Array;

  constructor(readonly s: SearchState) {
    this.wide = isSmall(s.m) ? WIDE_SMALL : WIDE_LARGE;
    this.roomFailures = new Int32Array(s.m.total.length);
  }

  relocatePass(): number {
    const { s } = this;
    let improved = 0;
    for (let p = 0; p < s.y.length; p++) {
      while (s.y[p]! > 0) {
        const q = s.bestTarget(s.m.pairWorkload[p]!, p);
        if (q < 0 || s.gainAdd(q) - s.lossRemove(p) <= EPS) break;
        s.remove(p);
        s.add(q);
        improved++;
      }
    }
    s.commit();
    return improved;
  }

  ejectPass(): number {
    const { s } = this;
    const { m } = s;
    let improved = 0;
    this.budget = EJECT_BUDGET;
    for (let p = 0; p < s.y.length && this.budget > 0; p++) {
      if (s.y[p]! === 0) continue;
      const w = m.pairWorkload[p]!;
      const loss = s.lossRemove(p);
      const targets = s.topTargets(
        w,
        this.wide.candidates,
        loss,
        (q) => q !== p && s.spreadFree(q, p) && !s.fits(w, m.pairCluster[q]!),
      );
      for (const q of targets) {
        const mark = s.mark();
        s.remove(p);
        const delta = this.insertEjecting(q, -loss);
        if (delta !== null && delta > EPS) {
          s.commit();
          improved++;
          break;
        }
        s.rollback(mark);
      }
    }
    s.commit();
    return improved;
  }

  makeRoomPass(): number {
    const { s } = this;
    const { m } = s;
    let improved = 0;
    this.budget = EJECT_BUDGET;
    for (let w = 0; w < m.total.length; w++) {
      // Every pass tries each workload again until one attempt fails: other steps may have
      // opened a way since (a rerun on the applied plan must not find one this pass missed). On a
      // large federation a workload stops being tried after a few failures, to keep the time.
      while (s.placed[w]! < m.total[w]! && (this.wide === WIDE_SMALL || this.roomFailures[w]! < MAX_ROOM_FAILURES)) {
        if (!this.placeOne(w)) {
          this.roomFailures[w]!++;
          break;
        }
        improved++;
      }
    }
    return improved;
  }

  /**
   * One more replica of w placed: where it fits, else by ejecting others from a full cluster,
   * else (spread) by moving the one replica of its own whose distance or region blocks a
   * cluster, then placing that one again. False if nothing pays.
   */
  private placeOne(w: number): boolean {
    const { s } = this;
    const { m } = s;
    const bonus = m.unplacedPenalty[w]!;
    const direct = s.bestTarget(w, -1);
    if (direct >= 0) {
      s.add(direct);
      s.commit();
      return true;
    }
    const candidates = s.topTargets(w, 2 * this.wide.candidates, -Infinity, (q) => {
      const blocked = s.spreadBlockers(q).length;
      return blocked === 1 || (blocked === 0 && !s.fits(w, m.pairCluster[q]!));
    });
    for (const q of candidates) {
      const mark = s.mark();
      const blocker = s.spreadBlockers(q)[0];
      let delta = 0;
      if (blocker !== undefined) {
        delta -= s.lossRemove(blocker) + bonus;
        s.remove(blocker);
      }
      const placed = this.placeAt(q, bonus);
      if (placed !== null) {
        delta += placed;
        if (blocker !== undefined) delta += this.placeAnywhere(w, bonus) ?? 0;
        if (delta > EPS) {
          s.commit();
          return true;
        }
      }
      s.rollback(mark);
    }
    return false;
  }

  /** Adds one replica at q, ejecting others if its cluster is full; the objective change plus `base`, or null. */
  private placeAt(q: number, base: number): number | null {
    const { s } = this;
    if (!s.canAdd(q, -1)) return this.insertEjecting(q, base);
    const gain = base + s.gainAdd(q);
    s.add(q);
    return gain;
  }

  /** Adds one replica of w at its best pair where it fits, else by ejection; null (nothing changed) if none. */
  private placeAnywhere(w: number, base: number): number | null {
    const { s } = this;
    const direct = s.bestTarget(w, -1);
    if (direct >= 0) return this.placeAt(direct, base);
    for (const q of s.topTargets(w, 2, -Infinity, (q) => s.spreadFree(q, -1))) {
      const mark = s.mark();
      const placed = this.insertEjecting(q, base);
      if (placed !== null) return placed;
      s.rollback(mark);
    }
    return null;
  }

  /**
   * Adds one replica at q after moving other workloads' replicas off its full cluster, cheapest
   * first, each to its own best pair where it fits, else (one level down) to a full pair of its
   * own by the same ejection, else (a new replica, if worth less) unplaced. Returns the objective
   * change plus `base`, or null if the room cannot be made; the caller rolls back.
   */
  private insertEjecting(q: number, base: number, depth = 0): number | null {
    const b = this.s.m.pairCluster[q]!;
    if (this.s.reserved[b]) return null;
    this.s.reserved[b] = 1;
    try {
      return this.freeAndInsert(q, base, depth);
    } finally {
      this.s.reserved[b] = 0;
    }
  }

  private freeAndInsert(q: number, base: number, depth: number): number | null {
    const { s } = this;
    const { m } = s;
    const w = m.pairWorkload[q]!;
    const b = m.pairCluster[q]!;
    let delta = base + s.gainAdd(q);
    const blockers = s.atCluster[b]!.filter((q2) => m.pairWorkload[q2] !== w).sort(
      (x, y) => s.lossRemove(x) - s.lossRemove(y) || x - y,
    );
    for (const q2 of blockers.slice(0, this.wide.blockers)) {
      while (s.y[q2]! > 0 && !s.fits(w, b)) {
        const step = this.evict(q2, depth);
        // This one cannot go anywhere: try the next blocker.
        if (step === null) break;
        delta += step;
      }
      if (s.fits(w, b)) break;
    }
    // The chain may have moved a replica of w itself, onto q or next to it (spread): check all again.
    if (!s.canAdd(q, -1)) return null;
    s.add(q);
    return delta;
  }

  /** Moves one replica off q2 the best way found (see insertEjecting); its objective change, or null. */
  private evict(q2: number, depth: number): number | null {
    const { s } = this;
    const { m } = s;
    const w2 = m.pairWorkload[q2]!;
    this.budget -= m.pairStart[w2 + 1]! - m.pairStart[w2]!;
    const lost = s.lossRemove(q2);
    const to = s.bestTarget(w2, q2);
    const moved = to >= 0 ? s.gainAdd(to) - lost : -Infinity;
    // Dropping a new replica may strand a must-leave one again where it runs: only if it fits
    // there, and never where room is being made.
    const strands = s.strandingOrigin(w2, -1);
    const droppable =
      s.placed[w2]! > m.keep[w2]! &&
      (strands < 0 || (!s.reserved[strands] && strands !== m.pairCluster[q2] && s.fits(w2, strands)));
    const dropped = droppable ? -lost - m.unplacedPenalty[w2]! : -Infinity;
    if (moved === -Infinity && depth < this.wide.depth && this.budget > 0) {
      s.remove(q2);
      for (const t of s.topTargets(
        w2,
        2,
        -Infinity,
        (t) => t !== q2 && s.spreadFree(t, q2) && !s.fits(w2, m.pairCluster[t]!),
      )) {
        const mark = s.mark();
        const chained = this.insertEjecting(t, -lost, depth + 1);
        if (chained !== null && chained > dropped) return chained;
        s.rollback(mark);
      }
      s.add(q2);
    }
    if (moved === -Infinity && dropped === -Infinity) return null;
    s.remove(q2);
    if (moved >= dropped) s.add(to);
    return Math.max(moved, dropped);
  }
}
