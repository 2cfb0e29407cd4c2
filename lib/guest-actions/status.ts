import type { GuestStatus } from "@/generated/prisma/enums";

/** Proxmox's guest status (plus qmpstatus for a paused VM) as Sovereign stores it. */
export function toGuestStatus(status: string, qmpstatus?: string): GuestStatus {
  if (status === "running") return qmpstatus === "paused" || qmpstatus === "suspended" ? "paused" : "running";
  if (status === "stopped") return "stopped";
  return "unknown";
}
