// Mesh links as action definitions; lib/map/actions.ts binds them to the request session and the
// integration tests run them as any user.
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { addMeshLinkInputSchema, removeMeshLinkInputSchema } from "./schemas";

export const addMeshLink = defineMutation({
  name: "map.add-mesh-link",
  permission: "map.manage-links",
  input: addMeshLinkInputSchema,
  async run({ fromClusterId, toClusterId, measuredLatencyMs }, { tx, audit }) {
    // Stored in id order (the table checks it) so A–B and B–A are one link.
    const [clusterAId, clusterBId] =
      fromClusterId < toClusterId ? [fromClusterId, toClusterId] : [toClusterId, fromClusterId];
    const sites = await tx.cluster.findMany({
      where: { id: { in: [clusterAId, clusterBId] }, archivedAt: null },
      select: { id: true, siteName: true },
    });
    if (sites.length !== 2) throw new ActionError("not_found", "One of these sites no longer exists.");
    const existing = await tx.meshLink.findUnique({
      where: { clusterAId_clusterBId: { clusterAId, clusterBId } },
      select: { id: true },
    });
    if (existing)
      throw new ActionError("conflict", "These two sites are already linked.", { toClusterId: ["Already linked."] });
    const link = await tx.meshLink.create({
      data: {
        clusterAId,
        clusterBId,
        measuredLatencyMs: measuredLatencyMs ?? null,
        measuredAt: measuredLatencyMs === undefined ? null : new Date(),
      },
    });
    const names = sites.map((s) => s.siteName).sort();
    audit({
      action: "map.mesh-link-added",
      targetType: "mesh-link",
      targetId: link.id,
      payload: { sites: names, clusterIds: [clusterAId, clusterBId], measuredLatencyMs: measuredLatencyMs ?? null },
    });
    return { linkId: link.id };
  },
});

export const removeMeshLink = defineMutation({
  name: "map.remove-mesh-link",
  permission: "map.manage-links",
  input: removeMeshLinkInputSchema,
  async run({ linkId }, { tx, audit }) {
    const link = await tx.meshLink.findUnique({
      where: { id: linkId },
      select: { clusterA: { select: { siteName: true } }, clusterB: { select: { siteName: true } } },
    });
    if (!link) throw new ActionError("not_found", "This link was already removed.");
    await tx.meshLink.delete({ where: { id: linkId } });
    audit({
      action: "map.mesh-link-removed",
      targetType: "mesh-link",
      targetId: linkId,
      payload: { sites: [link.clusterA.siteName, link.clusterB.siteName].sort() },
    });
    return { removed: true };
  },
});
