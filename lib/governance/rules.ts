// Who votes on what, and how a proposal's state reads: pure, shared by mutations, queries and UI.
import type { Role } from "@/generated/prisma/enums";

export type ProposalType = "technical" | "economic" | "emergency";
export type ProposalStatus = "draft" | "open" | "passed" | "rejected" | "cancelled" | "implementing" | "done";

/** An emergency's ratification vote lasts 72 hours from its enactment. */
export const RATIFICATION_WINDOW_MS = 72 * 60 * 60 * 1000;

/**
 * Economic proposals: every member, weighted. Technical proposals: operators and admins, one
 * member one vote. An emergency's ratification is decided like a technical proposal: the people
 * who run the infrastructure judge whether the emergency action was right.
 */
export function eligibleRoles(type: ProposalType): Role[] {
  return type === "economic" ? ["admin", "operator", "viewer"] : ["admin", "operator"];
}

export function isWeighted(type: ProposalType): boolean {
  return type === "economic";
}

/**
 * Only a draft may be withdrawn. An open vote runs to its end, so an author cannot cancel a vote
 * they are losing; an enacted emergency (open from its enactment) must face its ratification.
 */
export function canCancel(p: { status: ProposalStatus; enactedAt: Date | null }): boolean {
  return p.status === "draft" && !p.enactedAt;
}

/** Phases are checked off during implementation, or from enactment for an emergency. */
export function canTrackPhases(p: { status: ProposalStatus; enactedAt: Date | null }): boolean {
  return p.status === "implementing" || (p.enactedAt !== null && (p.status === "open" || p.status === "passed"));
}

export interface StatusLabel {
  label: string;
  tone: "neutral" | "ok" | "warn" | "danger" | "accent";
}

export function statusLabel(p: { type: ProposalType; status: ProposalStatus; enactedAt: Date | null }): StatusLabel {
  if (p.type === "emergency" && p.enactedAt) {
    if (p.status === "open") return { label: "enacted, awaiting ratification", tone: "warn" };
    if (p.status === "rejected") return { label: "not ratified", tone: "danger" };
    if (p.status === "passed") return { label: "ratified", tone: "ok" };
  }
  const tones: Record<ProposalStatus, StatusLabel["tone"]> = {
    draft: "neutral",
    open: "accent",
    passed: "ok",
    rejected: "danger",
    cancelled: "neutral",
    implementing: "accent",
    done: "ok",
  };
  return { label: p.status, tone: tones[p.status] };
}

/** Open proposals first (closing soonest first), then drafts, then the rest by most recent change. */
export function compareForList(
  a: { status: ProposalStatus; closesAt: Date; updatedAt: Date },
  b: { status: ProposalStatus; closesAt: Date; updatedAt: Date },
): number {
  const rank = (s: ProposalStatus) => (s === "open" ? 0 : s === "draft" ? 1 : 2);
  return (
    rank(a.status) - rank(b.status) ||
    (a.status === "open" ? a.closesAt.getTime() - b.closesAt.getTime() : b.updatedAt.getTime() - a.updatedAt.getTime())
  );
}
