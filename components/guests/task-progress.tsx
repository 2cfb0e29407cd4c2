"use client";
// Follows a guest action's Proxmox task until it stops: polls the task route about once a second,
// shows the log's last line meanwhile, then the exit status (OK or Proxmox's error text), and has
// the guest re-read so its row is right before the next sync.
import { useRouter } from "next/navigation";
import { useTaskPoll } from "@/components/state/use-task-poll";
import { refreshGuestAction } from "@/lib/guest-actions/actions";

export interface FollowedTask {
  clusterId: string;
  vmid: number;
  upid: string;
  /** Where the guest is once the task is done. */
  node: string;
  label: string;
}

export function TaskProgress({ task, onDismiss }: { task: FollowedTask; onDismiss: () => void }) {
  const router = useRouter();
  const progress = useTaskPoll(task.clusterId, task.upid, {
    onStopped: async () => {
      await refreshGuestAction({ clusterId: task.clusterId, vmid: task.vmid, node: task.node, upid: task.upid });
      router.refresh();
    },
  });

  return (
    <div
      role="status"
      aria-live="polite"
      className="mt-1 flex max-w-full items-start gap-2 text-xs"
      data-testid={`task-progress-${task.vmid}`}
    >
      {progress.phase === "running" && (
        <>
          <span
            className="mt-0.5 size-3 shrink-0 animate-spin rounded-full border-2 border-accent border-t-transparent"
            aria-hidden
          />
          <span className="min-w-0 break-words text-muted">
            {task.label}: running{progress.line ? ` · ${progress.line}` : "…"}
          </span>
        </>
      )}
      {progress.phase === "stopped" && (
        <span className={`min-w-0 break-words ${progress.ok ? "text-ok" : "text-danger"}`}>
          {task.label}: {progress.ok ? progress.exitstatus : `failed: ${progress.exitstatus}`}
        </span>
      )}
      {progress.phase === "lost" && (
        <span className="min-w-0 break-words text-danger">
          {task.label}: progress unavailable ({progress.message}). The next sync will show the result.
        </span>
      )}
      {progress.phase !== "running" && (
        <button type="button" onClick={onDismiss} className="shrink-0 text-muted underline">
          Dismiss
        </button>
      )}
    </div>
  );
}
