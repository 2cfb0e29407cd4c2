// Changing the federation's voting minimums: an admin setting, audited with before and after.
import { defineMutation } from "@/lib/actions/execute";
import { getVotingMinimums, votingMinimumsInputSchema } from "./minimums";

export const setVotingMinimums = defineMutation({
  name: "governance.set-minimums",
  permission: "governance.manage-weights",
  input: votingMinimumsInputSchema,
  async run(input, { tx, user, audit }) {
    // Serialises two admins saving at once, so the audit's "from" is what each one replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('governance-settings'))`;
    const from = await getVotingMinimums(tx);
    const same =
      from.minQuorumPct === input.minQuorumPct &&
      from.minThresholdPct === input.minThresholdPct &&
      from.minWindowHours === input.minWindowHours;
    if (same) return { ...input, changed: false };
    await tx.governanceSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...input, updatedById: user.id },
      update: { ...input, updatedById: user.id },
    });
    audit({
      action: "governance.minimums-set",
      targetType: "governance-settings",
      targetId: "1",
      payload: { from, to: input },
    });
    return { ...input, changed: true };
  },
});
