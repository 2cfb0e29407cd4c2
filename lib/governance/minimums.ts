// Federation-wide floors for a proposal's voting rules (issue 14, fair votes): without them an
// author could set quorum 0, threshold 1 % and a one-minute window on their own proposal. Stored
// in one GovernanceSettings row an admin changes (audited); the defaults hold until then.
import { z } from "zod";
import type { Tx } from "@/lib/db";

export interface VotingMinimums {
  minQuorumPct: number;
  minThresholdPct: number;
  minWindowHours: number;
}

/** The same numbers as the column defaults in prisma/schema/governance-settings.prisma. */
export const DEFAULT_MINIMUMS: VotingMinimums = { minQuorumPct: 10, minThresholdPct: 50, minWindowHours: 24 };

const HOUR_MS = 3_600_000;
const whole = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int(message).min(min, message).max(max, message);

export const votingMinimumsInputSchema = z.object({
  minQuorumPct: whole(0, 100, "The minimum quorum is a whole percentage from 0 to 100."),
  minThresholdPct: whole(1, 100, "The minimum threshold is a whole percentage from 1 to 100."),
  minWindowHours: whole(1, 720, "The shortest window is a whole number of hours from 1 to 720 (30 days)."),
});

export async function getVotingMinimums(tx: Tx): Promise<VotingMinimums> {
  const row = await tx.governanceSettings.findUnique({
    where: { id: 1 },
    select: { minQuorumPct: true, minThresholdPct: true, minWindowHours: true },
  });
  return row ?? DEFAULT_MINIMUMS;
}

export interface VotingRules {
  quorumPct: number;
  thresholdPct: number;
  opensAt: Date;
  closesAt: Date;
}

/** Field errors for every rule below the federation's floors; empty when the rules are fair. */
export function belowMinimums(rules: VotingRules, min: VotingMinimums): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (rules.quorumPct < min.minQuorumPct)
    errors.quorumPct = [`The federation requires a quorum of at least ${min.minQuorumPct} %.`];
  if (rules.thresholdPct < min.minThresholdPct)
    errors.thresholdPct = [`The federation requires a threshold of at least ${min.minThresholdPct} %.`];
  if (rules.closesAt.getTime() - rules.opensAt.getTime() < min.minWindowHours * HOUR_MS)
    errors.closesAt = [`Voting must stay open at least ${windowLabel(min.minWindowHours)} (a federation minimum).`];
  return errors;
}

export function windowLabel(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? "" : "s"}` : `${hours} hour${hours === 1 ? "" : "s"}`;
}

/** The shortest window in milliseconds. */
export function minWindowMs(min: VotingMinimums): number {
  return min.minWindowHours * HOUR_MS;
}
