// Voting weights, pure. Each component (cluster stake, technical expertise, economic contribution)
// is normalised over the members, combined with the proposal's percentages, and turned into
// integer units that sum to exactly WEIGHT_UNITS, so the tally can compare exactly.

export const WEIGHT_UNITS = 1_000_000;

export const COMPONENTS = ["clusterStake", "expertise", "economic"] as const;
export type Component = (typeof COMPONENTS)[number];
export type ComponentWeights = Record<Component, number>;

export const COMPONENT_LABELS: Record<Component, string> = {
  clusterStake: "cluster stake",
  expertise: "technical expertise",
  economic: "economic contribution",
};

export interface MemberInputs {
  userId: string;
  /** Raw, non-negative values; only their ratios matter. */
  values: ComponentWeights;
}

export interface VoterWeight {
  userId: string;
  /** The member's share of each component's total (0–1; 0 for a dropped component). */
  shares: ComponentWeights;
  units: number;
}

export interface WeightPlan {
  /** The percentages actually applied (sum 100), after dropping components with no total. */
  effective: ComponentWeights;
  /** Components whose total over members was 0: they cannot be normalised, so they count for nothing. */
  dropped: Component[];
  /** True when no component could be used: every member then weighs the same. */
  equalFallback: boolean;
  /** Members with a weight above zero, in input order. */
  voters: VoterWeight[];
}

/**
 * A component whose total is 0 carries no information about who holds more of it, so it is
 * dropped and the remaining percentages are scaled back up to 100. If nothing is left (no
 * clusters assigned, no expertise set, no earnings yet), every member weighs the same rather
 * than nobody being able to vote.
 */
export function planWeights(members: readonly MemberInputs[], weights: ComponentWeights): WeightPlan {
  for (const component of COMPONENTS) {
    if (!(weights[component] >= 0)) throw new RangeError(`weight for ${component} must be non-negative`);
    for (const member of members)
      if (!(member.values[component] >= 0) || !Number.isFinite(member.values[component]))
        throw new RangeError(`${component} of ${member.userId} must be a finite non-negative number`);
  }
  const totals = Object.fromEntries(
    COMPONENTS.map((c) => [c, members.reduce((sum, m) => sum + m.values[c], 0)]),
  ) as ComponentWeights;
  const dropped = COMPONENTS.filter((c) => totals[c] === 0);
  const usable = COMPONENTS.filter((c) => totals[c] > 0 && weights[c] > 0);
  const usableWeight = usable.reduce((sum, c) => sum + weights[c], 0);
  const equalFallback = usableWeight === 0;

  const effective = Object.fromEntries(
    COMPONENTS.map((c) => [c, usable.includes(c) ? (weights[c] * 100) / usableWeight : 0]),
  ) as ComponentWeights;
  const shares = members.map(
    (m) =>
      Object.fromEntries(COMPONENTS.map((c) => [c, totals[c] > 0 ? m.values[c] / totals[c] : 0])) as ComponentWeights,
  );
  const fractions = shares.map((share) =>
    equalFallback ? 1 / members.length : usable.reduce((sum, c) => sum + (effective[c] / 100) * share[c], 0),
  );
  const units = largestRemainder(fractions, WEIGHT_UNITS);

  return {
    effective,
    dropped,
    equalFallback,
    voters: members
      .map((m, i) => ({ userId: m.userId, shares: shares[i] ?? zeroWeights(), units: units[i] ?? 0 }))
      .filter((v) => v.units > 0),
  };
}

function zeroWeights(): ComponentWeights {
  return { clusterStake: 0, expertise: 0, economic: 0 };
}

/** Apportions `total` integer units to fractions (summing to ~1) so the parts sum to exactly `total`. */
export function largestRemainder(fractions: readonly number[], total: number): number[] {
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (sum <= 0) return fractions.map(() => 0);
  const exact = fractions.map((f) => (f / sum) * total);
  const floors = exact.map((value) => Math.floor(value));
  const left = total - floors.reduce((a, b) => a + b, 0);
  // Ties go to the earlier index so the result is deterministic for a given input order.
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const extra = new Set(order.slice(0, Math.max(0, left)).map((o) => o.index));
  return floors.map((value, index) => value + (extra.has(index) ? 1 : 0));
}
