// Reads for the workload and reward-rate pages. Numbers and plain values out (Decimal → number),
// formatting left to components; cluster reads name their columns (never the token columns).
import "server-only";
import { db } from "@/lib/db";
import { guestKey, workloadMembership } from "./membership";
import { subjectLabel, subjectOf } from "./subjects";

async function membershipNow() {
  const [workloads, guests, assigned] = await Promise.all([
    db.workload.findMany({ orderBy: [{ priority: "desc" }, { name: "asc" }] }),
    db.guest.findMany({
      select: {
        clusterId: true,
        vmid: true,
        tags: true,
        template: true,
        name: true,
        status: true,
        type: true,
        cluster: { select: { name: true } },
      },
    }),
    db.workloadGuest.findMany({ select: { clusterId: true, vmid: true, workloadId: true } }),
  ]);
  const members = workloadMembership(workloads, guests, assigned);
  const assignedKeys = new Set(assigned.map((a) => guestKey(a.clusterId, a.vmid)));
  return { workloads, guests, members, assignedKeys };
}

export async function listWorkloads() {
  const [{ workloads, members }, networks] = await Promise.all([
    membershipNow(),
    db.earningsNetwork.findMany({ select: { id: true, name: true } }),
  ]);
  const networkNames = new Map(networks.map((n) => [n.id, n.name]));
  const counts = new Map<string, number>();
  for (const workloadId of members.values()) counts.set(workloadId, (counts.get(workloadId) ?? 0) + 1);
  return workloads.map((w) => ({
    id: w.id,
    name: w.name,
    kind: subjectLabel(subjectOf(w), networkNames),
    tag: w.tag,
    vcpu: w.vcpu,
    memoryMb: w.memoryMb,
    diskGb: w.diskGb,
    gpu: w.gpu,
    replicas: w.replicas,
    currentReplicas: counts.get(w.id) ?? 0,
    priority: w.priority,
    allowedCountries: w.allowedCountries,
    minSpreadKm: w.minSpreadKm,
    distinctRegions: w.distinctRegions,
    maxLatencyMs: w.maxLatencyMs,
    pinned: w.pinnedClusterIds.length,
    excluded: w.excludedClusterIds.length,
  }));
}

export type WorkloadListRow = Awaited<ReturnType<typeof listWorkloads>>[number];

/** The choices the workload form offers. */
export async function getWorkloadFormOptions() {
  const [networks, clusters] = await Promise.all([
    db.earningsNetwork.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.cluster.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, country: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { networks, clusters };
}

export type WorkloadFormOptions = Awaited<ReturnType<typeof getWorkloadFormOptions>>;

export async function getWorkloadDetail(workloadId: string, guestQuery = "") {
  const { workloads, guests, members, assignedKeys } = await membershipNow();
  const workload = workloads.find((w) => w.id === workloadId);
  if (!workload) return null;
  const memberGuests = guests
    .filter((g) => members.get(guestKey(g.clusterId, g.vmid)) === workloadId)
    .map((g) => ({
      clusterId: g.clusterId,
      clusterName: g.cluster.name,
      vmid: g.vmid,
      name: g.name,
      status: g.status,
      via: assignedKeys.has(guestKey(g.clusterId, g.vmid)) ? ("assigned" as const) : ("tag" as const),
    }))
    .sort((a, b) => a.clusterName.localeCompare(b.clusterName) || a.vmid - b.vmid);
  const q = guestQuery.trim().toLowerCase();
  // Guests that belong to no workload, for the assignment picker; a query narrows a big federation.
  const candidates = guests
    .filter(
      (g) =>
        !g.template &&
        !members.has(guestKey(g.clusterId, g.vmid)) &&
        (!q || g.name.toLowerCase().includes(q) || g.cluster.name.toLowerCase().includes(q) || String(g.vmid) === q),
    )
    .sort((a, b) => a.cluster.name.localeCompare(b.cluster.name) || a.vmid - b.vmid);
  return {
    workload: {
      id: workload.id,
      name: workload.name,
      networkId: workload.networkId,
      service: workload.service,
      tag: workload.tag,
      vcpu: workload.vcpu,
      memoryMb: workload.memoryMb,
      diskGb: workload.diskGb,
      gpu: workload.gpu,
      replicas: workload.replicas,
      priority: workload.priority,
      allowedCountries: workload.allowedCountries,
      minSpreadKm: workload.minSpreadKm,
      distinctRegions: workload.distinctRegions,
      pinnedClusterIds: workload.pinnedClusterIds,
      excludedClusterIds: workload.excludedClusterIds,
      latencyLatitude: workload.latencyLatitude,
      latencyLongitude: workload.latencyLongitude,
      maxLatencyMs: workload.maxLatencyMs,
    },
    members: memberGuests,
    candidates: candidates.slice(0, 50).map((g) => ({
      clusterId: g.clusterId,
      clusterName: g.cluster.name,
      vmid: g.vmid,
      name: g.name,
      status: g.status,
      tags: g.tags,
    })),
    moreCandidates: Math.max(0, candidates.length - 50),
  };
}

export type WorkloadDetail = NonNullable<Awaited<ReturnType<typeof getWorkloadDetail>>>;

export async function listRewardRates() {
  const [rates, networks] = await Promise.all([
    db.rewardRate.findMany({ orderBy: [{ subject: "asc" }, { region: "asc" }] }),
    db.earningsNetwork.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const networkNames = new Map(networks.map((n) => [n.id, n.name]));
  return {
    rates: rates.map((r) => ({
      subject: r.subject,
      label: subjectLabel(r.subject, networkNames),
      region: r.region,
      monthlyUsdPerReplica: r.monthlyUsdPerReplica.toNumber(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    networks,
  };
}
