// The heuristic's two starting placements, before local search improves them. Each places the
// missing replicas one at a time at their best open pair and commits the result.
import type { SearchState } from "./search-state";

export function greedyStart(s: SearchState): void {
  const { m } = s;
  // Priority first; within a priority the most constrained workloads (fewest clusters open to
  // them) first, then the biggest: the flexible ones fit around them afterwards.
  const choices = (w: number) => m.pairStart[w + 1]! - m.pairStart[w]!;
  const priority = m.input.workloads.map((w) => w.priority);
  const order = Array.from(m.total.keys()).sort(
    (a, b) =>
      priority[b]! - priority[a]! || choices(a) - choices(b) || m.unplacedPenalty[b]! - m.unplacedPenalty[a]! || a - b,
  );
  for (const w of order) {
    while (s.placed[w]! < m.total[w]!) {
      const best = s.bestTarget(w, -1);
      if (best < 0) break;
      s.add(best);
    }
  }
  s.commit();
}

/** Highest priority first; within it, always the workload with the fewest clusters left that can take it. */
export function greedyDynamicStart(s: SearchState): void {
  const { m } = s;
  const stuck = new Uint8Array(m.total.length);
  for (;;) {
    let pick = -1;
    let pickOptions = Infinity;
    for (let w = 0; w < m.total.length; w++) {
      if (stuck[w] || s.placed[w]! >= m.total[w]!) continue;
      const pw = m.input.workloads[w]!.priority;
      if (pick >= 0 && pw < m.input.workloads[pick]!.priority) continue;
      let options = 0;
      for (let q = m.pairStart[w]!; q < m.pairStart[w + 1]!; q++) if (s.canAdd(q, -1)) options++;
      if (options === 0) {
        stuck[w] = 1;
        continue;
      }
      const better =
        pick < 0 ||
        pw > m.input.workloads[pick]!.priority ||
        options < pickOptions ||
        (options === pickOptions && m.unplacedPenalty[w]! > m.unplacedPenalty[pick]!);
      if (better) {
        pick = w;
        pickOptions = options;
      }
    }
    if (pick < 0) break;
    s.add(s.bestTarget(pick, -1));
  }
  s.commit();
}
