// Workloads, their guests and the reward-rate table, as action definitions (bound in
// actions.ts). Admin matters: they decide what the planner optimises. Each is audited in
// the same transaction as the change.
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import type { Tx } from "@/lib/db";
import { parseSubject } from "./subjects";
import {
  assignGuestsInputSchema,
  deleteRewardRateInputSchema,
  deleteWorkloadInputSchema,
  rewardRateInputSchema,
  unassignGuestInputSchema,
  updateWorkloadInputSchema,
  workloadInputSchema,
  type WorkloadInput,
} from "./schemas";

/** The checks zod cannot make: names and tags free, the network and clusters exist. */
async function checkReferences(tx: Tx, input: WorkloadInput, exceptId?: string): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  const other = exceptId ? { id: { not: exceptId } } : {};
  if (
    await tx.workload.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" }, ...other },
      select: { id: true },
    })
  )
    fieldErrors.name = ["Another workload has this name."];
  if (input.tag && (await tx.workload.findFirst({ where: { tag: input.tag, ...other }, select: { id: true } })))
    fieldErrors.tag = ["Another workload uses this tag."];
  if (
    input.networkId &&
    !(await tx.earningsNetwork.findUnique({ where: { id: input.networkId }, select: { id: true } }))
  )
    fieldErrors.networkId = ["Unknown network."];
  const ids = [...new Set([...input.pinnedClusterIds, ...input.excludedClusterIds])];
  if (ids.length > 0) {
    const found = new Set(
      (await tx.cluster.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id),
    );
    if (input.pinnedClusterIds.some((id) => !found.has(id)))
      fieldErrors.pinnedClusterIds = ["A pinned cluster is no longer registered."];
    if (input.excludedClusterIds.some((id) => !found.has(id)))
      fieldErrors.excludedClusterIds = ["An excluded cluster is no longer registered."];
  }
  if (Object.keys(fieldErrors).length > 0)
    throw new ActionError(
      fieldErrors.name || fieldErrors.tag ? "conflict" : "validation",
      "Some fields need attention.",
      fieldErrors,
    );
}

export const createWorkload = defineMutation({
  name: "placement.create-workload",
  permission: "placement.manage",
  input: workloadInputSchema,
  async run(input, { tx, audit }) {
    await checkReferences(tx, input);
    const created = await tx.workload.create({ data: input, select: { id: true } });
    audit({
      action: "placement.workload-created",
      targetType: "workload",
      targetId: created.id,
      payload: { ...input },
    });
    return { id: created.id };
  },
});

export const updateWorkload = defineMutation({
  name: "placement.update-workload",
  permission: "placement.manage",
  input: updateWorkloadInputSchema,
  async run({ workloadId, ...input }, { tx, audit }) {
    if (!(await tx.workload.findUnique({ where: { id: workloadId }, select: { id: true } })))
      throw new ActionError("not_found", "This workload no longer exists.");
    await checkReferences(tx, input, workloadId);
    await tx.workload.update({ where: { id: workloadId }, data: input, select: { id: true } });
    audit({
      action: "placement.workload-updated",
      targetType: "workload",
      targetId: workloadId,
      payload: { ...input },
    });
    return { id: workloadId };
  },
});

export const deleteWorkload = defineMutation({
  name: "placement.delete-workload",
  permission: "placement.manage",
  input: deleteWorkloadInputSchema,
  async run({ workloadId }, { tx, audit }) {
    const workload = await tx.workload.findUnique({ where: { id: workloadId }, select: { name: true } });
    if (!workload) throw new ActionError("not_found", "This workload no longer exists.");
    // Its assignments go with it; saved plans keep their moves (workloadId set to null).
    await tx.workload.delete({ where: { id: workloadId }, select: { id: true } });
    audit({
      action: "placement.workload-deleted",
      targetType: "workload",
      targetId: workloadId,
      payload: { name: workload.name },
    });
    return { deleted: true };
  },
});

export const assignGuests = defineMutation({
  name: "placement.assign-guests",
  permission: "placement.manage",
  input: assignGuestsInputSchema,
  async run({ workloadId, guests }, { tx, audit }) {
    const workload = await tx.workload.findUnique({ where: { id: workloadId }, select: { id: true, name: true } });
    if (!workload) throw new ActionError("not_found", "This workload no longer exists.");
    const found = await tx.guest.findMany({
      where: { OR: guests.map((g) => ({ clusterId: g.clusterId, vmid: g.vmid })) },
      select: { clusterId: true, vmid: true, name: true, tags: true, template: true },
    });
    const byKey = new Map(found.map((g) => [`${g.clusterId}:${g.vmid}`, g]));
    const assigned = await tx.workloadGuest.findMany({
      where: { OR: guests.map((g) => ({ clusterId: g.clusterId, vmid: g.vmid })) },
      select: { clusterId: true, vmid: true, workloadId: true, workload: { select: { name: true } } },
    });
    const tagged = await tx.workload.findMany({
      where: { tag: { not: null }, id: { not: workloadId } },
      select: { name: true, tag: true },
    });
    for (const ref of guests) {
      const guest = byKey.get(`${ref.clusterId}:${ref.vmid}`);
      if (!guest) throw new ActionError("not_found", `Guest ${ref.vmid} is no longer on that cluster.`);
      if (guest.template) throw new ActionError("validation", `${guest.name} is a template, not a running guest.`);
      // At most one workload per guest: refuse rather than silently take it from another.
      const current = assigned.find((a) => a.clusterId === ref.clusterId && a.vmid === ref.vmid);
      if (current && current.workloadId !== workloadId)
        throw new ActionError(
          "conflict",
          `${guest.name} already belongs to ${current.workload.name}; remove it there first.`,
        );
      const byTag = tagged.find((w) => w.tag && guest.tags.some((t) => t.toLowerCase() === w.tag));
      if (byTag)
        throw new ActionError(
          "conflict",
          `${guest.name} carries the tag ${byTag.tag ?? ""} of ${byTag.name}; remove the tag in Proxmox first.`,
        );
    }
    const result = await tx.workloadGuest.createMany({
      data: guests.map((g) => ({ ...g, workloadId })),
      skipDuplicates: true,
    });
    audit({
      action: "placement.guests-assigned",
      targetType: "workload",
      targetId: workloadId,
      payload: { name: workload.name, guests },
    });
    return { assigned: result.count };
  },
});

export const unassignGuest = defineMutation({
  name: "placement.unassign-guest",
  permission: "placement.manage",
  input: unassignGuestInputSchema,
  async run({ clusterId, vmid }, { tx, audit }) {
    const row = await tx.workloadGuest.findUnique({
      where: { clusterId_vmid: { clusterId, vmid } },
      select: { workloadId: true },
    });
    if (!row) throw new ActionError("not_found", "This guest is not assigned to a workload.");
    await tx.workloadGuest.delete({ where: { clusterId_vmid: { clusterId, vmid } } });
    audit({
      action: "placement.guest-unassigned",
      targetType: "workload",
      targetId: row.workloadId,
      payload: { clusterId, vmid },
    });
    return { removed: true };
  },
});

export const setRewardRate = defineMutation({
  name: "placement.set-reward-rate",
  permission: "placement.manage",
  input: rewardRateInputSchema,
  async run({ subject, region, monthlyUsdPerReplica }, { tx, audit }) {
    const parsed = parseSubject(subject);
    if (!parsed)
      throw new ActionError("validation", "Some fields need attention.", {
        subject: ["Choose a network or a service."],
      });
    if (
      parsed.kind === "network" &&
      !(await tx.earningsNetwork.findUnique({ where: { id: parsed.networkId }, select: { id: true } }))
    ) {
      throw new ActionError("validation", "Some fields need attention.", { subject: ["Unknown network."] });
    }
    const amount = monthlyUsdPerReplica.toFixed(2);
    await tx.rewardRate.upsert({
      where: { subject_region: { subject, region } },
      create: { subject, region, monthlyUsdPerReplica: amount },
      update: { monthlyUsdPerReplica: amount },
    });
    audit({
      action: "placement.reward-rate-set",
      targetType: "reward-rate",
      targetId: `${subject}|${region}`,
      payload: { subject, region, monthlyUsdPerReplica: amount },
    });
    return { saved: true };
  },
});

export const deleteRewardRate = defineMutation({
  name: "placement.delete-reward-rate",
  permission: "placement.manage",
  input: deleteRewardRateInputSchema,
  async run({ subject, region }, { tx, audit }) {
    const { count } = await tx.rewardRate.deleteMany({ where: { subject, region } });
    if (count === 0) throw new ActionError("not_found", "This rate was already removed.");
    audit({
      action: "placement.reward-rate-deleted",
      targetType: "reward-rate",
      targetId: `${subject}|${region}`,
      payload: { subject, region },
    });
    return { deleted: true };
  },
});
