// Proposals and their lifecycle, as action definitions. lib/governance/actions.ts binds them to
// the request session; tests run them with executeAction and a member of their choosing.
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import type { Tx } from "@/lib/db";
import { announceProposalEvent } from "./events";
import { conflict, lockProposalForChange } from "./guards";
import { belowMinimums, getVotingMinimums, minWindowMs, type VotingRules } from "./minimums";
import { canCancel, canTrackPhases, RATIFICATION_WINDOW_MS } from "./rules";
import { scheduleVotingJobs } from "./schedule";
import {
  proposalIdInputSchema,
  proposalInputSchema,
  setPhaseDoneInputSchema,
  updateProposalInputSchema,
  type ProposalInput,
} from "./schemas";
import { snapshotVoters } from "./snapshot";
import { proposalClusters } from "./touched-clusters";

function proposalData(input: ProposalInput) {
  const { phases: _phases, ...fields } = input;
  return fields;
}

/** The clusters a proposal concerns must be registered ones (names are unique in the registry). */
async function assertRegisteredClusters(tx: Tx, names: readonly string[]) {
  if (names.length === 0) return;
  const found = new Set(
    (await tx.cluster.findMany({ where: { name: { in: [...names] } }, select: { name: true } })).map((c) => c.name),
  );
  const unknown = names.filter((name) => !found.has(name));
  if (unknown.length > 0) {
    throw new ActionError("validation", "Some fields need attention.", {
      concernsClusters: [`Not a registered cluster: ${unknown.join(", ")}.`],
    });
  }
}

/** Refuses rules below the federation's minimums, naming each field and the floor it is under. */
async function assertFairRules(tx: Tx, rules: VotingRules) {
  const errors = belowMinimums(rules, await getVotingMinimums(tx));
  const messages = Object.values(errors).flat();
  if (messages.length > 0)
    throw new ActionError("validation", `Below the federation's minimums: ${messages.join(" ")}`, errors);
}

/**
 * Slack for the seconds between saving a proposal and opening it (a plan put to a vote is saved
 * and opened in one request): a window of exactly the minimum still opens.
 */
const OPENING_GRACE_MS = 60_000;

/**
 * Opening re-checks the rules against today's minimums (they may have been raised since the
 * draft), with the window counted from now, when voting actually opens.
 */
async function assertFairAtOpening(tx: Tx, rules: VotingRules) {
  const opensAt = new Date(rules.opensAt.getTime() - OPENING_GRACE_MS);
  const errors = belowMinimums({ ...rules, opensAt }, await getVotingMinimums(tx));
  const first = Object.values(errors)[0]?.[0];
  if (first) conflict(`${first} Edit the proposal first.`);
}

async function replacePhases(tx: Tx, proposalId: string, phases: ProposalInput["phases"]) {
  await tx.proposalPhase.deleteMany({ where: { proposalId } });
  if (phases.length > 0)
    await tx.proposalPhase.createMany({ data: phases.map((p, position) => ({ ...p, proposalId, position })) });
}

export const createProposal = defineMutation({
  name: "governance.create",
  permission: "governance.propose",
  input: proposalInputSchema,
  async run(input, { tx, user, audit }) {
    await assertRegisteredClusters(tx, input.concernsClusters);
    await assertFairRules(tx, input);
    const proposal = await tx.proposal.create({ data: { ...proposalData(input), authorId: user.id } });
    await replacePhases(tx, proposal.id, input.phases);
    audit({
      action: "governance.proposal-created",
      targetType: "proposal",
      targetId: proposal.id,
      payload: { title: input.title, type: input.type },
    });
    return { id: proposal.id };
  },
});

export const updateProposal = defineMutation({
  name: "governance.update",
  permission: "governance.propose",
  input: updateProposalInputSchema,
  async run({ proposalId, proposal: input }, { tx, user, audit }) {
    const current = await lockProposalForChange(tx, proposalId, user);
    // Weights, window and rules are part of what people vote on: frozen once voting opens.
    if (current.status !== "draft") conflict("Only a draft can be edited; voting has already opened.");
    await assertRegisteredClusters(tx, input.concernsClusters);
    await assertFairRules(tx, input);
    await tx.proposal.update({ where: { id: proposalId }, data: proposalData(input) });
    await replacePhases(tx, proposalId, input.phases);
    audit({
      action: "governance.proposal-updated",
      targetType: "proposal",
      targetId: proposalId,
      payload: { title: input.title, type: input.type },
    });
    return { id: proposalId };
  },
});

export const openVoting = defineMutation({
  name: "governance.open",
  permission: "governance.propose",
  input: proposalIdInputSchema,
  async run({ proposalId }, { tx, user, audit }) {
    const proposal = await lockProposalForChange(tx, proposalId, user);
    if (proposal.status !== "draft") conflict("Voting has already opened on this proposal.");
    if (proposal.type === "emergency")
      conflict("An emergency is enacted by an admin, which opens its ratification vote.");
    const now = new Date();
    if (proposal.closesAt <= now) conflict("The closing time has passed: edit the window first.");
    await assertFairAtOpening(tx, { ...proposal, opensAt: now });
    const snapshot = await snapshotVoters(tx, proposal, now);
    await tx.proposal.update({ where: { id: proposalId }, data: { status: "open", opensAt: now } });
    audit({
      action: "governance.voting-opened",
      targetType: "proposal",
      targetId: proposalId,
      payload: {
        plannedOpensAt: proposal.opensAt.toISOString(),
        closesAt: proposal.closesAt.toISOString(),
        ...snapshot,
      },
    });
    await scheduleVotingJobs(proposalId, proposal.closesAt);
    return { id: proposalId, voters: snapshot.voters };
  },
});

export const enactEmergency = defineMutation({
  name: "governance.enact",
  permission: "governance.enact-emergency",
  input: proposalIdInputSchema,
  async run({ proposalId }, { tx, user, audit }) {
    const proposal = await lockProposalForChange(tx, proposalId, user);
    if (proposal.type !== "emergency") conflict("Only an emergency proposal can be enacted before a vote.");
    if (proposal.status !== "draft") conflict("This emergency has already been enacted or withdrawn.");
    const now = new Date();
    const minimums = await getVotingMinimums(tx);
    const closesAt = new Date(now.getTime() + Math.max(RATIFICATION_WINDOW_MS, minWindowMs(minimums)));
    await assertFairAtOpening(tx, { ...proposal, opensAt: now, closesAt });
    const snapshot = await snapshotVoters(tx, proposal, now);
    await tx.proposal.update({
      where: { id: proposalId },
      data: { status: "open", enactedAt: now, opensAt: now, closesAt },
    });
    audit({
      action: "governance.emergency-enacted",
      targetType: "proposal",
      targetId: proposalId,
      payload: { closesAt: closesAt.toISOString(), ...snapshot },
    });
    await scheduleVotingJobs(proposalId, closesAt);
    return { id: proposalId, closesAt: closesAt.toISOString() };
  },
});

export const cancelProposal = defineMutation({
  name: "governance.cancel",
  permission: "governance.propose",
  input: proposalIdInputSchema,
  async run({ proposalId }, { tx, user, audit }) {
    const proposal = await lockProposalForChange(tx, proposalId, user);
    if (!canCancel(proposal))
      conflict(
        proposal.enactedAt
          ? "An enacted emergency cannot be withdrawn: its ratification vote must run."
          : proposal.status === "open"
            ? "An open vote runs to its end: only a draft can be withdrawn."
            : "Only a draft can be withdrawn.",
      );
    await tx.proposal.update({ where: { id: proposalId }, data: { status: "cancelled", cancelledAt: new Date() } });
    await announceProposalEvent(tx, {
      type: "cancelled",
      proposalId,
      actor: { id: user.id, label: user.email },
    });
    audit({
      action: "governance.proposal-cancelled",
      targetType: "proposal",
      targetId: proposalId,
      payload: { from: proposal.status },
    });
    return { id: proposalId };
  },
});

export const startImplementation = defineMutation({
  name: "governance.start-implementation",
  permission: "governance.propose",
  input: proposalIdInputSchema,
  // Implementing starts what was voted on (a plan's moves): only on clusters the member may act on.
  clusters: ({ proposalId }, tx) => proposalClusters(tx, proposalId),
  async run({ proposalId }, { tx, user, audit }) {
    const proposal = await lockProposalForChange(tx, proposalId, user);
    if (proposal.status !== "passed") conflict("Only a passed proposal can be implemented.");
    await tx.proposal.update({
      where: { id: proposalId },
      data: { status: "implementing", implementationStartedAt: new Date() },
    });
    // Whatever was put to the vote starts too (a placement plan is applied by a job, phase by phase).
    await announceProposalEvent(tx, { type: "implementation-started", proposalId });
    audit({ action: "governance.implementation-started", targetType: "proposal", targetId: proposalId });
    return { id: proposalId };
  },
});

export const setPhaseDone = defineMutation({
  name: "governance.set-phase-done",
  permission: "governance.propose",
  input: setPhaseDoneInputSchema,
  async run({ proposalId, phaseId, done }, { tx, user, audit }) {
    const proposal = await lockProposalForChange(tx, proposalId, user);
    if (!canTrackPhases(proposal)) conflict("Phases are checked off once implementation has started.");
    // The phase is looked up under this proposal, never by its id alone.
    const phase =
      proposal.phases.find((p) => p.id === phaseId) ?? conflict("This phase does not belong to this proposal.");
    if (Boolean(phase.completedAt) === done) return { done };
    await tx.proposalPhase.update({ where: { id: phase.id }, data: { completedAt: done ? new Date() : null } });
    audit({
      action: done ? "governance.phase-completed" : "governance.phase-reopened",
      targetType: "proposal",
      targetId: proposalId,
      payload: { phase: phase.name },
    });
    return { done };
  },
});

export const completeProposal = defineMutation({
  name: "governance.complete",
  permission: "governance.propose",
  input: proposalIdInputSchema,
  async run({ proposalId }, { tx, user, audit }) {
    const proposal = await lockProposalForChange(tx, proposalId, user);
    if (proposal.status !== "implementing") conflict("Only a proposal being implemented can be marked done.");
    const open = proposal.phases.filter((p) => !p.completedAt);
    if (open.length > 0) conflict(`Check off every phase first (${open.map((p) => p.name).join(", ")}).`);
    await tx.proposal.update({ where: { id: proposalId }, data: { status: "done", doneAt: new Date() } });
    audit({ action: "governance.proposal-done", targetType: "proposal", targetId: proposalId });
    return { id: proposalId };
  },
});
