// Limiting an operator to their assigned clusters (lib/auth/cluster-scope.ts): an admin's switch
// per member, on the Team page. The assignments themselves are edited with the vote weights
// (governance.assign-clusters), since they also give the member's cluster stake.
import { z } from "zod";
import { defineMutation } from "@/lib/actions/execute";
import { getMemberOrThrow } from "./guards";

export const setClusterScopeInputSchema = z.object({
  userId: z.uuid("Unknown member."),
  scope: z.enum(["all", "assigned"], { message: "Choose all clusters or assigned clusters only." }),
});

export const setClusterScope = defineMutation({
  name: "team.set-cluster-scope",
  permission: "team.limit-clusters",
  input: setClusterScopeInputSchema,
  async run({ userId, scope }, { tx, audit }) {
    const member = await getMemberOrThrow(tx, userId);
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { clusterScope: true } });
    if (current.clusterScope === scope) return { scope };
    await tx.user.update({ where: { id: userId }, data: { clusterScope: scope } });
    const assigned = await tx.clusterAssignment.count({ where: { userId } });
    audit({
      action: "team.cluster-scope-changed",
      targetType: "user",
      targetId: userId,
      payload: { email: member.email, from: current.clusterScope, to: scope, assignedClusters: assigned },
    });
    return { scope };
  },
});
