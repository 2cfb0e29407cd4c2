import { Badge } from "@/components/ui/badge";
import type { ClusterHealth } from "@/generated/prisma/enums";

const TONE = { healthy: "ok", degraded: "warn", down: "danger", unknown: "neutral" } as const;

export function HealthBadge({ health }: { health: ClusterHealth }) {
  return <Badge tone={TONE[health]}>{health}</Badge>;
}

const GUEST_TONE = { running: "ok", stopped: "neutral", paused: "warn", unknown: "warn" } as const;

export function GuestStatusBadge({ status }: { status: keyof typeof GUEST_TONE }) {
  return <Badge tone={GUEST_TONE[status]}>{status}</Badge>;
}
