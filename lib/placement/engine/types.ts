// The placement engine's contract: what it is given (a snapshot of the federation, the
// workloads and their economics) and what it returns (a plan). Pure data, no I/O: the loader
// (DB → PlacementInput) and the planner page sit on either side of it.

export type ClusterHealthState = "healthy" | "degraded" | "down" | "unknown";

export interface Resources {
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
}

export interface PlacementCluster {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  region: string | null;
  latitude: number;
  longitude: number;
  tier: 1 | 2 | 3;
  health: ClusterHealthState;
  /** The last sync is older than the staleness limit. */
  stale: boolean;
  maintenance: boolean;
  /** Total schedulable capacity (sum over online nodes; GPUs as configured). */
  capacity: Resources;
  /** Used by everything that is not a replica of a workload in this input. */
  baselineUsed: Resources;
  /** Round trip added at this site on top of distance, ms. */
  latencyBaseMs: number;
  /** USD per kWh (converted by the loader). */
  electricityUsdPerKwh: number;
  wattsPerVcpu: number;
  wattsPerGpu: number;
}

export interface LatencyBound {
  latitude: number;
  longitude: number;
  maxMs: number;
}

export interface WorkloadConstraints {
  /** Empty = anywhere. */
  allowedCountries: string[];
  /** Replicas at least this far apart (km); null = no rule. */
  minSpreadKm: number | null;
  distinctRegions: boolean;
  /** Non-empty = only these clusters. */
  pinnedClusterIds: string[];
  excludedClusterIds: string[];
  latency: LatencyBound | null;
}

export interface ReplicaRequirements {
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpu: boolean;
}

/** One replica as it runs now (a guest), or a replica still to place (clusterId null). */
export interface Replica {
  /** Stable within the workload: "<clusterId>:<vmid>" for a guest, "new-<n>" for one to place. */
  key: string;
  clusterId: string | null;
  vmid: number | null;
  guestName: string | null;
}

export interface PlacementWorkload {
  id: string;
  name: string;
  /** "network:<id>" or "service:<kind>" (RewardRate.subject). */
  subject: string;
  priority: number;
  requirements: ReplicaRequirements;
  /** Desired replica count; replicas.length may be lower (the rest are placed new) or higher. */
  desiredReplicas: number;
  replicas: Replica[];
  constraints: WorkloadConstraints;
}

export type RevenueSource = "ledger-cluster" | "ledger-region" | "rate-table" | "none";

/** Expected monthly revenue of one replica of a workload at a cluster, and where it came from. */
export interface RevenueEstimate {
  monthlyUsd: number;
  source: RevenueSource;
}

export interface PlacementOptions {
  /** Fraction of each capacity kept free (default 0.1). */
  headroom: number;
  /**
   * A move must gain more than this fraction of the replica's current monthly net (its
   * workload's net per replica at the cluster it leaves; default 0.1).
   */
  moveThreshold: number;
  /** …and never less than this many USD a month, so a zero-net replica does not ping-pong (default 1). */
  minMoveGainUsd: number;
  /** "auto" runs the exact solver when the model is small enough, else the heuristic. */
  solver: "auto" | "exact" | "heuristic";
  /** Exact solver time limit, seconds (default 10). */
  exactTimeLimitSeconds: number;
}

export const DEFAULT_PLACEMENT_OPTIONS: PlacementOptions = {
  headroom: 0.1,
  moveThreshold: 0.1,
  minMoveGainUsd: 1,
  solver: "auto",
  exactTimeLimitSeconds: 10,
};

export interface PlacementInput {
  clusters: PlacementCluster[];
  workloads: PlacementWorkload[];
  /** revenue[workloadId][clusterId]; a missing entry means no revenue expected there. */
  revenue: Record<string, Record<string, RevenueEstimate>>;
  /** Missing keys take DEFAULT_PLACEMENT_OPTIONS. */
  options?: Partial<PlacementOptions>;
}

/** Why a cluster cannot host a replica of a workload. */
export type RejectionReason =
  | "capacity"
  | "gpu"
  | "residency"
  | "pinned-elsewhere"
  | "excluded"
  | "down"
  | "stale"
  | "maintenance"
  | "latency"
  | "spread";

export interface Rejection {
  clusterId: string;
  reasons: RejectionReason[];
  /** Plain words, e.g. "needs 4 vCPU, 2 free after the 10 % reserve". */
  detail: string;
}

/** A replica's score at a cluster, monthly USD for the money parts. */
export interface ScoreBreakdown {
  revenueUsd: number;
  powerCostUsd: number;
  netUsd: number;
  revenueSource: RevenueSource;
  headroomScore: number;
  tierScore: number;
  healthScore: number;
  total: number;
}

export interface Assignment {
  workloadId: string;
  replicaKey: string;
  /** Where it runs now; null for a replica still to place. */
  fromClusterId: string | null;
  /** null = could not be placed anywhere. */
  clusterId: string | null;
  breakdown: ScoreBreakdown | null;
}

export interface Move {
  workloadId: string;
  replicaKey: string;
  vmid: number | null;
  guestName: string | null;
  fromClusterId: string;
  toClusterId: string;
  /** Monthly net after − before for this replica, USD. */
  gainMonthlyUsd: number;
  from: ScoreBreakdown;
  to: ScoreBreakdown;
  /** The clusters that could not take this replica, and why. */
  ruledOut: Rejection[];
  /** One sentence: why this cluster. */
  reason: string;
  /** The replica must leave: its cluster breaks a rule of the workload (residency, pin, …). */
  forced: boolean;
}

export interface Plan {
  solver: "exact" | "heuristic";
  /** Exact: HiGHS proved the optimum (false when stopped by the time limit). Heuristic: false. */
  optimal: boolean;
  /** Every replica, current and new, in input order. */
  assignments: Assignment[];
  moves: Move[];
  /** Replicas that are new (no current cluster) and where they go, if anywhere. */
  placements: Assignment[];
  /**
   * Running replicas whose cluster breaks a rule of their workload and that no cluster can take:
   * they stay where they are (still counted there) until an operator acts.
   */
  stranded: Assignment[];
  /**
   * What the solvers maximise: the placed replicas' score totals, minus a penalty per move
   * (the move threshold), minus a priority-weighted penalty per replica left unplaced (larger
   * than any score, so placing wins). Comparable between the two solvers.
   */
  objective: number;
  /** A proven upper bound on the objective (LP relaxation, Lagrangian or MIP dual bound). */
  bound: number | null;
  boundKind: "lp-relaxation" | "lagrangian" | "mip-dual" | null;
  /** (bound − objective) / max(1, |bound|); exact and optimal: 0. */
  gap: number | null;
  /** Monthly net (revenue − power) of the running replicas where they run now. */
  netBeforeUsd: number;
  /** Monthly net once the plan is applied: placed replicas where the plan puts them, stranded ones where they are. */
  netAfterUsd: number;
  /** Per workload, the clusters that could never host it, and why. */
  rejections: Record<string, Rejection[]>;
  solveMs: number;
}
