// Seeded random federations for the engine's property tests and benchmark: clusters in a few
// countries and regions with mixed health, power prices and GPUs; workloads with every kind of
// constraint; most replicas already running (some where a rule now forbids), some still to place.
import { seededRandom } from "@/lib/random";
import type { PlacementCluster, PlacementInput, PlacementOptions, PlacementWorkload, RevenueEstimate } from "./types";

export interface FederationShape {
  clusters: number;
  replicas: number;
  /** Mean replicas per workload (default 5). */
  replicasPerWorkload?: number;
  /** Share of the usable capacity the replicas need (default 0.6). */
  load?: number;
  /** Share of replicas already running (default 0.8). */
  running?: number;
  options?: Partial<PlacementOptions>;
}

const SITES = [
  { country: "DE", region: "eu-central", lat: 50.1, lon: 8.7 },
  { country: "FR", region: "eu-west", lat: 48.9, lon: 2.3 },
  { country: "NL", region: "eu-west", lat: 52.4, lon: 4.9 },
  { country: "CH", region: "eu-central", lat: 47.4, lon: 8.5 },
  { country: "FI", region: "eu-north", lat: 60.2, lon: 24.9 },
  { country: "US", region: "us-east", lat: 39.0, lon: -77.5 },
  { country: "US", region: "us-west", lat: 37.4, lon: -121.9 },
  { country: "CA", region: "us-east", lat: 45.5, lon: -73.6 },
  { country: "SG", region: "ap-south", lat: 1.35, lon: 103.8 },
  { country: "JP", region: "ap-north", lat: 35.7, lon: 139.7 },
] as const;
/** Residency as people ask for it: a jurisdiction, not three countries at random. */
const BLOCS = [
  ["DE", "FR", "NL", "CH", "FI"],
  ["DE", "FR", "NL", "FI"],
  ["US", "CA"],
] as const;

export function randomFederation(seed: number, shape: FederationShape): PlacementInput {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));

  const clusters: PlacementCluster[] = Array.from({ length: shape.clusters }, (_, i) => {
    const site = pick(SITES);
    const vcpu = pick([64, 128, 256, 512]);
    const gpus = rnd() < 0.3 ? int(1, 8) : 0;
    const roll = rnd();
    return {
      id: `c${i}`,
      name: `cluster-${i}`,
      country: site.country,
      region: rnd() < 0.05 ? null : site.region,
      latitude: site.lat + between(-3, 3),
      longitude: site.lon + between(-4, 4),
      tier: pick([1, 2, 3] as const),
      health: roll < 0.03 ? "down" : roll < 0.12 ? "degraded" : roll < 0.14 ? "unknown" : "healthy",
      stale: rnd() < 0.03,
      maintenance: rnd() < 0.03,
      capacity: { vcpu, memoryMb: vcpu * 4096, diskGb: vcpu * 40, gpus },
      baselineUsed: {
        vcpu: Math.floor(vcpu * between(0, 0.3)),
        memoryMb: Math.floor(vcpu * 4096 * between(0, 0.3)),
        diskGb: Math.floor(vcpu * 40 * between(0, 0.3)),
        gpus: 0,
      },
      latencyBaseMs: between(1, 5),
      electricityUsdPerKwh: between(0.05, 0.4),
      wattsPerVcpu: between(6, 10),
      wattsPerGpu: between(200, 300),
    };
  });

  const usableVcpu = clusters.reduce((s, c) => s + (c.capacity.vcpu * 0.9 - c.baselineUsed.vcpu), 0);
  const meanVcpu = (usableVcpu * (shape.load ?? 0.6)) / shape.replicas;
  const perWorkload = shape.replicasPerWorkload ?? 5;
  const workloads: PlacementWorkload[] = [];
  const revenue: Record<string, Record<string, RevenueEstimate>> = {};
  let replicasLeft = shape.replicas;
  const free = clusters.map((c) => ({
    vcpu: c.capacity.vcpu * 0.9 - c.baselineUsed.vcpu,
    mem: c.capacity.memoryMb * 0.9 - c.baselineUsed.memoryMb,
    gpus: c.capacity.gpus,
  }));
  for (let wi = 0; replicasLeft > 0; wi++) {
    // One locality rule at most, as a workload's owner would set it: a jurisdiction, a latency
    // bound around a site the federation has, or a few pinned clusters. Spread rules go to the
    // workloads without one (redundancy across a federation, not inside one country's two sites).
    const gpu = rnd() < 0.08;
    // GPU workloads go where the GPUs are: no locality rule on top of that scarcity.
    const locality = gpu ? 1 : rnd();
    const near = pick(clusters);
    const unbound = locality >= 0.33 && !gpu;
    const spreadKm = unbound && rnd() < 0.3 ? int(2, 15) * 100 : null;
    const distinctRegions = unbound && spreadKm === null && rnd() < 0.2;
    // Spread workloads are the redundant ones, GPU ones scarce: two or three replicas, one to three.
    const wanted =
      spreadKm !== null || distinctRegions || gpu
        ? int(gpu ? 1 : 2, 3)
        : Math.max(1, Math.round(between(0.4, 1.6) * perWorkload));
    const n = Math.min(replicasLeft, wanted);
    replicasLeft -= n;
    const vcpu = Math.max(1, Math.round(between(0.3, 1.7) * meanVcpu));
    const id = `w${wi}`;
    const workload: PlacementWorkload = {
      id,
      name: `workload-${wi}`,
      subject: `network:n${wi % 5}`,
      priority: pick([10, 50, 50, 90]),
      requirements: { vcpu, memoryMb: vcpu * int(1, 4) * 1024, diskGb: int(10, 200), gpu },
      desiredReplicas: n,
      replicas: [],
      constraints: {
        allowedCountries: locality < 0.2 ? [...pick(BLOCS)] : [],
        minSpreadKm: spreadKm,
        distinctRegions,
        pinnedClusterIds: locality >= 0.28 && locality < 0.33 ? Array.from({ length: 4 }, () => pick(clusters).id) : [],
        excludedClusterIds: rnd() < 0.1 ? [pick(clusters).id] : [],
        latency:
          locality >= 0.2 && locality < 0.28
            ? {
                latitude: near.latitude + between(-1, 1),
                longitude: near.longitude + between(-1, 1),
                maxMs: int(20, 80),
              }
            : null,
      },
    };
    const base = between(20, 60) * vcpu * (gpu ? 3 : 1);
    revenue[id] = Object.fromEntries(
      clusters.map((c) => [
        c.id,
        {
          monthlyUsd: base * between(0.6, 1.4),
          source: pick(["ledger-cluster", "ledger-region", "rate-table"] as const),
        },
      ]),
    );
    for (let k = 0; k < n; k++) {
      // Running replicas sit wherever they fitted once, rules or not: the engine must cope.
      const start = int(0, clusters.length - 1);
      let at: number | null = null;
      if (rnd() < (shape.running ?? 0.8))
        for (let j = 0; j < clusters.length && at === null; j++) {
          const ci = (start + j) % clusters.length;
          const f = free[ci]!;
          if (f.vcpu >= vcpu && f.mem >= workload.requirements.memoryMb && (!gpu || f.gpus >= 1)) at = ci;
        }
      if (at !== null) {
        free[at]!.vcpu -= vcpu;
        free[at]!.mem -= workload.requirements.memoryMb;
        if (gpu) free[at]!.gpus -= 1;
        workload.replicas.push({
          key: `c${at}:${1000 + k}`,
          clusterId: `c${at}`,
          vmid: 1000 + k,
          guestName: `${workload.name}-${k}`,
        });
      }
    }
    workloads.push(workload);
  }
  return { clusters, workloads, revenue, options: shape.options ?? {} };
}
