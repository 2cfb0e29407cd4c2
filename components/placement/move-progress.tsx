"use client";
// Follows a running move's Proxmox task: polls the task route about once a second, shows the
// log's last line, and once the task has stopped asks the server to settle the move (it reads
// the outcome from Proxmox itself, marks the move and syncs both clusters), then refreshes.
import { useRouter } from "next/navigation";
import { useTaskPoll } from "@/components/state/use-task-poll";
import { settleMoveAction } from "@/lib/placement/apply/actions";

export function MoveProgress({ moveId, clusterId, upid }: { moveId: string; clusterId: string; upid: string | null }) {
  const router = useRouter();
  const state = useTaskPoll(clusterId, upid, {
    // Claimed but not yet started on Proxmox: the page refreshes once the task exists.
    onWaiting: () => router.refresh(),
    onStopped: async () => {
      const result = await settleMoveAction({ moveId });
      if (result.ok && result.data.status === "running") return "again";
      router.refresh();
    },
  });

  return (
    <div
      role="status"
      aria-live="polite"
      className="flex min-w-0 items-start gap-2 text-xs"
      data-testid={`move-progress-${moveId}`}
    >
      {state.phase !== "lost" && (
        <span
          className="mt-0.5 size-3 shrink-0 animate-spin rounded-full border-2 border-accent border-t-transparent"
          aria-hidden
        />
      )}
      <span className={`min-w-0 break-words ${state.phase === "lost" ? "text-danger" : "text-muted"}`}>
        {state.phase === "running" &&
          (upid ? `Migrating${state.line ? ` · ${state.line}` : "…"}` : "Asking Proxmox to start the migration…")}
        {state.phase === "stopped" && "Task ended: recording the outcome and syncing both clusters…"}
        {state.phase === "lost" &&
          `Progress unavailable (${state.message}). The worker records the outcome; reload later.`}
      </span>
    </div>
  );
}
