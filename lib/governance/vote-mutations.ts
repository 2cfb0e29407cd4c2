// Voting and the inputs of weights, as action definitions (see mutations.ts).
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { lockProposal, lockVoter } from "./locks";
import { castVoteInputSchema, setClusterAssignmentsInputSchema, setExpertiseInputSchema } from "./schemas";

export const castVote = defineMutation({
  name: "governance.vote",
  permission: "governance.vote",
  input: castVoteInputSchema,
  async run({ proposalId, choice }, { tx, user, audit }) {
    // A share lock: votes run side by side, but closing (FOR UPDATE) waits for them and they for it,
    // so a vote is either counted in the result or refused — never lost.
    const proposal = await lockProposal(tx, proposalId, "share");
    if (!proposal) throw new ActionError("not_found", "This proposal does not exist.");
    if (proposal.status === "draft") throw new ActionError("conflict", "Voting has not opened yet.");
    if (proposal.status !== "open" || proposal.closesAt <= new Date())
      throw new ActionError("conflict", "Voting has closed on this proposal.");
    // Locking the voter row makes one member's simultaneous clicks take turns; the vote's key
    // (proposal, voter) would refuse a second row anyway.
    const voter = await lockVoter(tx, proposalId, user.id);
    if (!voter)
      throw new ActionError(
        "forbidden",
        "You are not among this proposal's voters (its electorate was fixed when voting opened).",
      );
    const previous = await tx.vote.findUnique({
      where: { proposalId_voterId: { proposalId, voterId: user.id } },
      select: { choice: true },
    });
    if (previous?.choice === choice) return { choice, changed: false };
    const now = new Date();
    await tx.vote.upsert({
      where: { proposalId_voterId: { proposalId, voterId: user.id } },
      create: { proposalId, voterId: user.id, choice, castAt: now, changedAt: now },
      update: { choice, changedAt: now },
    });
    audit({
      action: previous ? "governance.vote-changed" : "governance.vote-cast",
      targetType: "proposal",
      targetId: proposalId,
      payload: { choice, previous: previous?.choice ?? null, weight: voter.weight },
    });
    return { choice, changed: true };
  },
});

export const setExpertise = defineMutation({
  name: "governance.set-expertise",
  permission: "governance.manage-weights",
  input: setExpertiseInputSchema,
  async run({ userId, score }, { tx, audit }) {
    const member = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, expertise: { select: { score: true } } },
    });
    if (!member) throw new ActionError("not_found", "This member does not exist.");
    if (member.expertise?.score === score) return { score };
    await tx.memberExpertise.upsert({ where: { userId }, create: { userId, score }, update: { score } });
    audit({
      action: "governance.expertise-set",
      targetType: "user",
      targetId: userId,
      payload: { email: member.email, from: member.expertise?.score ?? null, to: score },
    });
    return { score };
  },
});

export const setClusterAssignments = defineMutation({
  name: "governance.assign-clusters",
  permission: "governance.manage-weights",
  input: setClusterAssignmentsInputSchema,
  async run({ userId, clusterIds }, { tx, audit }) {
    const member = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!member) throw new ActionError("not_found", "This member does not exist.");
    const unique = [...new Set(clusterIds)];
    const found = await tx.cluster.count({ where: { id: { in: unique } } });
    if (found !== unique.length)
      throw new ActionError("validation", "One of these clusters does not exist.", {
        clusterIds: ["Unknown cluster."],
      });
    await tx.clusterAssignment.deleteMany({ where: { userId, clusterId: { notIn: unique } } });
    await tx.clusterAssignment.createMany({
      data: unique.map((clusterId) => ({ userId, clusterId })),
      skipDuplicates: true,
    });
    audit({
      action: "governance.clusters-assigned",
      targetType: "user",
      targetId: userId,
      payload: { email: member.email, clusterIds: unique },
    });
    return { clusterIds: unique };
  },
});
