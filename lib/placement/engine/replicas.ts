// Which of a workload's replicas may stay where they run (kept), which must leave because their
// cluster breaks a rule of the workload or its spread (must-leave), and which are still to place
// (new: desiredReplicas beyond the running guests, or a guest on a cluster not in the input).
import { isSpread, type StaticVerdict } from "./filter";
import type { PlacementWorkload, RejectionReason, Replica } from "./types";

export interface ModelReplica {
  replica: Replica;
  /** Index of the cluster it runs on; -1 for a new one. */
  origin: number;
  status: "kept" | "must-leave" | "new";
  /** Why a must-leave replica cannot stay. */
  leaveReasons: RejectionReason[];
  leaveDetail: string;
}

export function resolveReplicas(
  workload: PlacementWorkload,
  clusterIndex: Map<string, number>,
  verdicts: (StaticVerdict | null)[],
  /** Score total per cluster (NaN where a rule forbids it). */
  totals: Float64Array,
  conflicting: (a: number, b: number) => boolean,
): ModelReplica[] {
  const out: ModelReplica[] = workload.replicas.map((replica) => {
    const origin = replica.clusterId === null ? -1 : (clusterIndex.get(replica.clusterId) ?? -1);
    if (origin < 0) return { replica, origin, status: "new", leaveReasons: [], leaveDetail: "" };
    const verdict = verdicts[origin];
    if (verdict?.rule.length)
      return {
        replica,
        origin,
        status: "must-leave",
        leaveReasons: verdict.rule,
        leaveDetail: verdict.details.join("; "),
      };
    return { replica, origin, status: "kept", leaveReasons: [], leaveDetail: "" };
  });

  if (isSpread(workload.constraints)) {
    // The status quo may already break the spread: keep the best-scoring replicas that respect
    // it, the others must move (without a move penalty, like any rule being enforced).
    const candidates = out.filter((r) => r.status === "kept").sort((a, b) => totals[b.origin]! - totals[a.origin]!);
    const held: number[] = [];
    for (const r of candidates) {
      if (held.some((c) => conflicting(c, r.origin))) {
        r.status = "must-leave";
        r.leaveReasons = ["spread"];
        r.leaveDetail = spreadWords(workload);
      } else held.push(r.origin);
    }
  }

  const keys = new Set(workload.replicas.map((r) => r.key));
  let n = 0;
  while (out.length < workload.desiredReplicas) {
    while (keys.has(`new-${n}`)) n++;
    keys.add(`new-${n}`);
    out.push({
      replica: { key: `new-${n}`, clusterId: null, vmid: null, guestName: null },
      origin: -1,
      status: "new",
      leaveReasons: [],
      leaveDetail: "",
    });
  }
  return out;
}

export function spreadWords(workload: PlacementWorkload): string {
  const c = workload.constraints;
  const rules = [
    c.minSpreadKm ? `at least ${c.minSpreadKm} km apart` : null,
    c.distinctRegions ? "in distinct regions" : null,
  ].filter(Boolean);
  return `replicas must run ${rules.join(" and ")}`;
}
