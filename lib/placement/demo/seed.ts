// The demo's placement data (npm run demo): the sites' GPUs, power draw and latency base, the
// workloads that match the demo guests' tags, and a small reward-rate table. Deterministic (fixed
// ids, lib/placement/demo/workloads.ts) and idempotent: a workload or rate an admin has since
// edited is left as it is; site data is re-applied each start, as the registration does.
import type { Db } from "@/lib/db";
import { DEMO_PLACEMENT_SITES, DEMO_REWARD_RATES, DEMO_WORKLOADS } from "./workloads";

export async function seedDemoPlacement(db: Db): Promise<{ workloads: number; rates: number }> {
  for (const [name, site] of Object.entries(DEMO_PLACEMENT_SITES)) {
    await db.cluster.updateMany({ where: { name }, data: site });
  }
  const clusterIds = new Map(
    (
      await db.cluster.findMany({
        where: { name: { in: Object.keys(DEMO_PLACEMENT_SITES) } },
        select: { id: true, name: true },
      })
    ).map((c) => [c.name, c.id]),
  );
  const networks = new Set((await db.earningsNetwork.findMany({ select: { id: true } })).map((n) => n.id));
  let workloads = 0;
  for (const w of DEMO_WORKLOADS) {
    if (w.networkId && !networks.has(w.networkId)) continue;
    if (
      await db.workload.findFirst({
        where: { OR: [{ id: w.id }, { name: w.name }, { tag: w.tag }] },
        select: { id: true },
      })
    )
      continue;
    const { latency, guests, ...fields } = w;
    await db.workload.create({
      data: {
        ...fields,
        latencyLatitude: latency?.latitude ?? null,
        latencyLongitude: latency?.longitude ?? null,
        maxLatencyMs: latency?.maxMs ?? null,
      },
    });
    const assigned = guests.flatMap((g) => {
      const clusterId = clusterIds.get(g.cluster);
      return clusterId ? [{ clusterId, vmid: g.vmid, workloadId: w.id }] : [];
    });
    await db.workloadGuest.createMany({ data: assigned, skipDuplicates: true });
    workloads += 1;
  }
  const rates = await db.rewardRate.createMany({
    data: DEMO_REWARD_RATES.filter(
      (r) => !r.subject.startsWith("network:") || networks.has(r.subject.slice("network:".length)),
    ).map((r) => ({ ...r, monthlyUsdPerReplica: r.monthlyUsdPerReplica.toFixed(2) })),
    skipDuplicates: true,
  });
  return { workloads, rates: rates.count };
}
