// Who may do what, in one place. Everything not granted here is refused (fail closed).
import type { Role } from "@/generated/prisma/enums";

export const ROLES = ["admin", "operator", "viewer"] as const satisfies readonly Role[];

const MATRIX = {
  // Reading the console.
  "console.view": ["admin", "operator", "viewer"],
  "account.change-password": ["admin", "operator", "viewer"],
  // Listing and ending one's own sessions.
  "account.sessions": ["admin", "operator", "viewer"],
  // Team administration.
  "team.view": ["admin"],
  "team.invite": ["admin"],
  "team.revoke-invitation": ["admin"],
  "team.change-role": ["admin"],
  "team.set-disabled": ["admin"],
  // Unlocking a member locked out by failed sign-ins; ending a member's sessions.
  "team.manage-access": ["admin"],
  // Limiting an operator to their assigned clusters (lib/auth/cluster-scope.ts).
  "team.limit-clusters": ["admin"],
  // The audit trail.
  "audit.view": ["admin"],
  "audit.verify": ["admin"],
  // Clusters and guests (capabilities built later use these).
  "clusters.manage": ["admin"],
  // "Sync now": asks for fresh state, changes nothing on the cluster.
  "clusters.sync": ["admin", "operator"],
  "guests.act": ["admin", "operator"],
  "settings.manage": ["admin"],
  // The map: drawing and removing mesh links between sites.
  "map.manage-links": ["admin"],
  // Governance. Who may vote on a given proposal is decided by its type (eligibleRoles in
  // lib/governance/rules.ts) and its weight snapshot (lib/governance/snapshot.ts); this only says
  // who may try.
  "governance.propose": ["admin", "operator"],
  "governance.vote": ["admin", "operator", "viewer"],
  "governance.enact-emergency": ["admin"],
  "governance.manage-weights": ["admin"],
  // Earnings: importing revenue, prices and costs (CSV, manual entry); keys for the ingest API
  // and the list of networks are admin matters.
  "earnings.import": ["admin", "operator"],
  "earnings.manage-keys": ["admin"],
  "earnings.manage-networks": ["admin"],
  // Workload placement: everyone reads the planner; admins define workloads and the reward-rate
  // table (they drive what the engine optimises); operators compute and save plans (dry runs).
  "placement.view": ["admin", "operator", "viewer"],
  "placement.manage": ["admin"],
  "placement.plan": ["admin", "operator"],
  // Applying a plan's moves (cross-cluster migrations) and putting a plan to a vote.
  "placement.apply": ["admin", "operator"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;
export const PERMISSIONS = Object.keys(MATRIX) as Permission[];

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly Role[] = MATRIX[permission] ?? [];
  return allowed.includes(role);
}

/**
 * Who may steer what a member authored (change, open, cancel or implement a proposal): its author
 * or an admin. Fails closed: with no author recorded, only an admin.
 */
export function isAuthorOrAdmin(user: { id: string; role: Role }, authorId: string | null | undefined): boolean {
  return user.role === "admin" || (authorId != null && authorId === user.id);
}
