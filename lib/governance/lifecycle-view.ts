// Where a proposal stands for the member looking at it: whether its vote is open now and which
// lifecycle steps they may take. Pure; the proposal page shows exactly what the mutations allow
// (they check the same rules again under the row lock).
import type { Role } from "@/generated/prisma/enums";
import { can, isAuthorOrAdmin } from "@/lib/auth/permissions";
import { canCancel, canTrackPhases, type ProposalStatus, type ProposalType } from "./rules";

export interface LifecycleProposal {
  status: ProposalStatus;
  type: ProposalType;
  enactedAt: Date | null;
  closesAt: Date;
  authorId: string | null;
  phases: ReadonlyArray<{ completedAt: Date | null }>;
}

export interface LifecycleActions {
  edit: boolean;
  open: boolean;
  enact: boolean;
  cancel: boolean;
  startImplementation: boolean;
  complete: boolean;
}

export interface ProposalLifecycle {
  /** Open and before its closing time: votes are taken. */
  votingOpen: boolean;
  /** The member may steer this proposal (propose permission, and its author or an admin). */
  steward: boolean;
  actions: LifecycleActions;
  /** The member may check its phases off now. */
  trackPhases: boolean;
}

/** May the member steer this proposal: change it, open, cancel or implement it. */
export function mayStewardProposal(user: { id: string; role: Role }, p: { authorId: string | null }): boolean {
  return can(user.role, "governance.propose") && isAuthorOrAdmin(user, p.authorId);
}

export function proposalLifecycle(
  p: LifecycleProposal,
  user: { id: string; role: Role },
  now: Date,
): ProposalLifecycle {
  const steward = mayStewardProposal(user, p);
  const draft = p.status === "draft";
  return {
    votingOpen: p.status === "open" && p.closesAt > now,
    steward,
    actions: {
      edit: steward && draft,
      open: steward && draft && p.type !== "emergency",
      enact: can(user.role, "governance.enact-emergency") && draft && p.type === "emergency",
      cancel: steward && canCancel(p),
      startImplementation: steward && p.status === "passed",
      complete: steward && p.status === "implementing" && p.phases.every((phase) => phase.completedAt),
    },
    trackPhases: steward && canTrackPhases(p),
  };
}
