// The decision rule, as a pure function. Weights are non-negative integers (snapshot units) and
// quorum/threshold are whole percentages, so every comparison below is exact integer arithmetic:
// a result can never flip on a floating-point rounding at the boundary.

export type VoteChoice = "for" | "against" | "abstain";

export interface TallyInput {
  /** Sum of the snapshotted weights of every eligible voter. */
  eligibleWeight: number;
  /** Participation needed, in percent of the eligible weight (0–100). */
  quorumPct: number;
  /** Share of *for* among *for + against* needed, in percent (1–100). */
  thresholdPct: number;
  votes: ReadonlyArray<{ choice: VoteChoice; weight: number }>;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  participating: number;
  eligible: number;
  /** participating ≥ quorum × eligible. */
  quorumReached: boolean;
  /** for ÷ (for + against) ≥ threshold; false when nobody voted for or against. */
  thresholdReached: boolean;
  passes: boolean;
  /** Fractions for display (0–1); null when undefined (nothing eligible, no for/against). */
  participation: number | null;
  support: number | null;
}

function assertWeight(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}

export function tally(input: TallyInput): Tally {
  assertWeight(input.eligibleWeight, "eligibleWeight");
  assertWeight(input.quorumPct, "quorumPct");
  assertWeight(input.thresholdPct, "thresholdPct");
  if (input.quorumPct > 100 || input.thresholdPct > 100) throw new RangeError("percentages must be at most 100");

  const sums = { for: 0, against: 0, abstain: 0 };
  for (const vote of input.votes) {
    assertWeight(vote.weight, "vote weight");
    sums[vote.choice] += vote.weight;
  }
  const participating = sums.for + sums.against + sums.abstain;
  const decisive = sums.for + sums.against;
  const eligible = input.eligibleWeight;

  // Nothing eligible means nobody could decide: never a pass.
  const quorumReached = eligible > 0 && participating * 100 >= input.quorumPct * eligible;
  // Only abstentions: support is undefined, and an undefined majority does not carry a proposal.
  const thresholdReached = decisive > 0 && sums.for * 100 >= input.thresholdPct * decisive;

  return {
    ...sums,
    participating,
    eligible,
    quorumReached,
    thresholdReached,
    passes: quorumReached && thresholdReached,
    participation: eligible > 0 ? participating / eligible : null,
    support: decisive > 0 ? sums.for / decisive : null,
  };
}
