// The governance proposal a placement plan becomes: its title, its Markdown description listing
// every move, and its implementation plan (one phase per group of moves, one after the other
// from the close of the vote). Pure, so the wording and the phase dates are tested without a
// database.
import { phaseNumbers } from "./move-state";

export interface MoveForProposal {
  position: number;
  guestName: string;
  vmid: number;
  sourceName: string;
  targetName: string;
  gainMonthlyUsd: number;
  /** The engine's one-sentence reason, when the stored breakdown has one. */
  reason: string | null;
}

export interface PlanForProposal {
  id: string;
  solver: string;
  createdAt: Date;
  netBeforeUsd: number;
  netAfterUsd: number;
  moves: MoveForProposal[];
}

export interface PhaseOptions {
  closesAt: Date;
  movesPerPhase: number;
  /** Time between two phases' starts (and each phase's length). */
  phaseHours: number;
}

const usd = (n: number) =>
  `${n < 0 ? "−" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function proposalTitle(plan: PlanForProposal): string {
  const gain = plan.moves.reduce((sum, m) => sum + m.gainMonthlyUsd, 0);
  const count = plan.moves.length;
  return `Placement plan: ${count} ${count === 1 ? "move" : "moves"}, ${gain >= 0 ? "+" : ""}${usd(gain)} per month`;
}

export function phasePlan(
  count: number,
  opts: PhaseOptions,
): { numbers: number[]; phases: { name: string; startsAt: Date; endsAt: Date }[] } {
  const numbers = phaseNumbers(count, opts.movesPerPhase);
  const total = numbers.at(-1) ?? 0;
  const stepMs = opts.phaseHours * 3_600_000;
  const phases = Array.from({ length: total }, (_, i) => {
    const first = numbers.indexOf(i + 1) + 1;
    const last = numbers.lastIndexOf(i + 1) + 1;
    const startsAt = new Date(opts.closesAt.getTime() + i * stepMs);
    return {
      name: `Moves ${first === last ? first : `${first}–${last}`}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + Math.max(stepMs, 3_600_000)),
    };
  });
  return { numbers, phases };
}

export function proposalDescription(plan: PlanForProposal, numbers: readonly number[], planUrl: string): string {
  const lines = [
    `Sovereign's placement engine (${plan.solver} solver) proposes moving ${plan.moves.length} ${plan.moves.length === 1 ? "guest" : "guests"} between clusters.`,
    `Monthly net of the placed workloads: **${usd(plan.netBeforeUsd)} now → ${usd(plan.netAfterUsd)} after**.`,
    "",
    "If this passes, starting implementation applies the moves phase by phase: each is a cross-cluster migration whose Proxmox task and audit events are linked from the plan.",
    "",
    "## Moves",
    "",
    ...plan.moves.map(
      (m, i) =>
        `${i + 1}. Phase ${numbers[i] ?? 1}: **${m.guestName}** (${m.vmid}) from ${m.sourceName} to ${m.targetName}, ${m.gainMonthlyUsd >= 0 ? "+" : ""}${usd(m.gainMonthlyUsd)}/month${m.reason ? ` — ${m.reason}` : ""}`,
    ),
    "",
    `[The plan with every move's reasons](${planUrl})`,
  ];
  return lines.join("\n");
}
