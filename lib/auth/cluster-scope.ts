// Which clusters a member may act on: the one place actions, pages and route handlers ask.
//
// The rule (docs/permissions.md):
// - admins act on every cluster; viewers act on none (their role allows no cluster action);
// - an operator acts on every cluster unless an admin limited them (User.clusterScope
//   "assigned"): then only on the clusters they are assigned to (ClusterAssignment).
// Seeing is not limited: the federation's pages (map, placement, governance) show every cluster
// to every member, because votes and plans are about the whole federation. What a limited
// operator cannot do is change a cluster, or data that belongs to one, outside their assignments.
import type { Role } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";

export type ClusterScope = { all: true } | { all: false; clusterIds: ReadonlySet<string> };

const EVERY: ClusterScope = { all: true };

/** The clusters this member may act on, read fresh (an admin's change applies to the next request). */
export async function clusterScopeOf(tx: Tx, user: { id: string; role: Role }): Promise<ClusterScope> {
  if (user.role === "admin") return EVERY;
  if (user.role === "viewer") return { all: false, clusterIds: new Set() };
  const member = await tx.user.findUnique({
    where: { id: user.id },
    select: { clusterScope: true, clusterStakes: { select: { clusterId: true } } },
  });
  // Fail closed: a member who vanished mid-request acts on nothing.
  if (!member) return { all: false, clusterIds: new Set() };
  if (member.clusterScope === "all") return EVERY;
  return { all: false, clusterIds: new Set(member.clusterStakes.map((a) => a.clusterId)) };
}

export function inScope(scope: ClusterScope, clusterId: string): boolean {
  return scope.all || scope.clusterIds.has(clusterId);
}

/** The ids among `clusterIds` this scope does not cover (empty: all allowed). */
export function outOfScope(scope: ClusterScope, clusterIds: Iterable<string>): string[] {
  if (scope.all) return [];
  return [...new Set(clusterIds)].filter((id) => !scope.clusterIds.has(id));
}

/**
 * What an action touches, as its definition declares it (`clusters` in lib/actions/execute.ts):
 * - a list of cluster ids: each must be in scope;
 * - "federation": it changes what belongs to every cluster (token prices, …): only members who
 *   act on every cluster.
 */
export type ClusterTouch = readonly string[] | "federation";

export function mayTouch(scope: ClusterScope, touch: ClusterTouch): boolean {
  if (touch === "federation") return scope.all;
  return outOfScope(scope, touch).length === 0;
}
