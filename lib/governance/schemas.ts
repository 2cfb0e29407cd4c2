import { z } from "zod";

export const PROPOSAL_TYPES = ["technical", "economic", "emergency"] as const;
export const VOTE_CHOICES = ["for", "against", "abstain"] as const;

const proposalId = z.string().uuid("Unknown proposal.");
const percent = (min: number, message: string) =>
  z.coerce.number({ message }).int(message).min(min, message).max(100, message);
const date = (what: string) =>
  z.coerce
    .date({ message: `Enter a valid ${what}.` })
    .refine((d) => !Number.isNaN(d.getTime()), `Enter a valid ${what}.`);

export const phaseInputSchema = z
  .object({
    name: z.string().trim().min(1, "Name the phase.").max(120, "Keep phase names under 120 characters."),
    startsAt: date("start date"),
    endsAt: date("end date"),
  })
  .refine((p) => p.endsAt >= p.startsAt, { message: "A phase cannot end before it starts.", path: ["endsAt"] });

export const proposalInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, "Give the proposal a title of at least 3 characters.")
      .max(200, "Keep the title under 200 characters."),
    description: z.string().trim().max(20_000, "Keep the description under 20,000 characters.").default(""),
    type: z.enum(PROPOSAL_TYPES, { message: "Choose technical, economic or emergency." }),
    opensAt: date("opening time"),
    closesAt: date("closing time"),
    quorumPct: percent(0, "Quorum is a whole percentage from 0 to 100.").default(50),
    thresholdPct: percent(1, "Threshold is a whole percentage from 1 to 100.").default(67),
    weightClusterStake: percent(0, "Weights are whole percentages.").default(40),
    weightExpertise: percent(0, "Weights are whole percentages.").default(30),
    weightEconomic: percent(0, "Weights are whole percentages.").default(30),
    phases: z.array(phaseInputSchema).max(20, "At most 20 phases.").default([]),
    concernsClusters: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.closesAt <= p.opensAt)
      ctx.addIssue({ code: "custom", message: "Voting must close after it opens.", path: ["closesAt"] });
    if (p.weightClusterStake + p.weightExpertise + p.weightEconomic !== 100) {
      ctx.addIssue({ code: "custom", message: "The three weights must add up to 100 %.", path: ["weightEconomic"] });
    }
  });

export type ProposalInput = z.infer<typeof proposalInputSchema>;

export const updateProposalInputSchema = z.object({ proposalId, proposal: proposalInputSchema });
export const proposalIdInputSchema = z.object({ proposalId });
export const castVoteInputSchema = z.object({
  proposalId,
  choice: z.enum(VOTE_CHOICES, { message: "Vote for, against or abstain." }),
});
export const setPhaseDoneInputSchema = z.object({
  proposalId,
  phaseId: z.string().uuid("Unknown phase."),
  done: z.boolean(),
});
export const setExpertiseInputSchema = z.object({
  userId: z.string().uuid("Unknown member."),
  score: z.coerce
    .number({ message: "The score is a whole number from 0 to 100." })
    .int("The score is a whole number from 0 to 100.")
    .min(0, "The score is a whole number from 0 to 100.")
    .max(100, "The score is a whole number from 0 to 100."),
});
export const setClusterAssignmentsInputSchema = z.object({
  userId: z.string().uuid("Unknown member."),
  clusterIds: z.array(z.string().uuid("Unknown cluster.")).max(500),
});

const componentWeightsSchema = z.object({ clusterStake: z.number(), expertise: z.number(), economic: z.number() });
/** The stored EffectiveWeights (snapshot.ts), read back from its JSON column. */
export const effectiveWeightsSchema = z.object({
  weighted: z.boolean(),
  effective: componentWeightsSchema,
  dropped: z.array(z.enum(["clusterStake", "expertise", "economic"])),
  equalFallback: z.boolean(),
});
