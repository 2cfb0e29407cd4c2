// The proposal form's values and the conversions between them and the datetime inputs.
export interface ProposalFormValues {
  title: string;
  description: string;
  type: "technical" | "economic" | "emergency";
  opensAt: string; // ISO
  closesAt: string; // ISO
  quorumPct: number;
  thresholdPct: number;
  weightClusterStake: number;
  weightExpertise: number;
  weightEconomic: number;
  phases: { name: string; startsAt: string; endsAt: string }[];
  concernsClusters: string[];
}

export const TYPES = ["technical", "economic", "emergency"] as const;
export const DAY = 86_400_000;

/** datetime-local wants local wall time without a zone; the form converts back to ISO on submit. */
export function toLocalInput(iso: string, withTime = true): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString();
  return withTime ? local.slice(0, 16) : local.slice(0, 10);
}

export function fromLocalInput(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function defaultProposalValues(now = new Date()): ProposalFormValues {
  return {
    title: "",
    description: "",
    type: "technical",
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 7 * DAY).toISOString(),
    quorumPct: 50,
    thresholdPct: 67,
    weightClusterStake: 40,
    weightExpertise: 30,
    weightEconomic: 30,
    phases: [],
    concernsClusters: [],
  };
}

export const TYPE_HINTS: Record<ProposalFormValues["type"], string> = {
  technical: "Decided by operators and admins, one member one vote.",
  economic: "Every member with weight votes; weights are fixed when voting opens.",
  emergency: "An admin enacts it at once; a 72-hour ratification vote by operators and admins follows.",
};
