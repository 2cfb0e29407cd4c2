// How plan and move statuses read: words and badge tones, shared by the list and the detail page.
import type { PlacementMoveStatus, PlacementPlanStatus } from "@/generated/prisma/enums";

type Tone = "neutral" | "ok" | "warn" | "danger" | "accent";

export const PLAN_STATUS: Record<PlacementPlanStatus, { label: string; tone: Tone }> = {
  draft: { label: "draft", tone: "neutral" },
  proposed: { label: "put to a vote", tone: "accent" },
  applying: { label: "applying", tone: "accent" },
  applied: { label: "applied", tone: "ok" },
  failed: { label: "failed", tone: "danger" },
  superseded: { label: "superseded", tone: "neutral" },
};

export const MOVE_STATUS: Record<PlacementMoveStatus, { label: string; tone: Tone }> = {
  pending: { label: "pending", tone: "neutral" },
  running: { label: "moving", tone: "accent" },
  succeeded: { label: "moved", tone: "ok" },
  failed: { label: "failed", tone: "danger" },
  skipped: { label: "skipped", tone: "warn" },
};

export const REVENUE_SOURCE: Record<string, string> = {
  "ledger-cluster": "earnings ledger, this cluster",
  "ledger-region": "earnings ledger, this region",
  "rate-table": "reward-rate table",
  none: "no revenue expected",
};
