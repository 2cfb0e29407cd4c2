"use client";
// Follows a guest action's Proxmox task until it stops: polls the task route about once a second,
// shows the log's last line meanwhile, then the exit status (OK or Proxmox's error text), and has
// the guest re-read so its row is right before the next sync.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";
import { refreshGuestAction } from "@/lib/guest-actions/actions";

export interface FollowedTask {
  clusterId: string;
  vmid: number;
  upid: string;
  /** Where the guest is once the task is done. */
  node: string;
  label: string;
}

type Progress = { phase: "running"; line: string | null } | { phase: "done"; ok: boolean; exitstatus: string } | { phase: "lost"; message: string };

// The route's answer: a task state, or { message } with an error status.
const taskJson = z.object({
  running: z.boolean().optional(),
  exitstatus: z.string().nullable().optional(),
  ok: z.boolean().nullable().optional(),
  lastLine: z.string().nullable().optional(),
  message: z.string().optional(),
});

const POLL_MS = 1_000;
// A task route that keeps failing (cluster gone away) is given up on after this many tries.
const MAX_FAILURES = 5;

export function TaskProgress({ task, onDismiss }: { task: FollowedTask; onDismiss: () => void }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>({ phase: "running", line: null });

  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      try {
        const response = await fetch(`/api/tasks/${task.clusterId}/${encodeURIComponent(task.upid)}`, { cache: "no-store" });
        const body = taskJson.parse(await response.json());
        if (stopped) return;
        if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
        failures = 0;
        if (body.running === false) {
          setProgress({ phase: "done", ok: body.ok === true, exitstatus: body.exitstatus ?? "unexpected status" });
          await refreshGuestAction({ clusterId: task.clusterId, vmid: task.vmid, node: task.node, upid: task.upid });
          if (!stopped) router.refresh();
          return;
        }
        setProgress({ phase: "running", line: body.lastLine ?? null });
      } catch (error) {
        failures += 1;
        if (failures >= MAX_FAILURES) {
          setProgress({ phase: "lost", message: error instanceof Error ? error.message : "The task's progress could not be read." });
          return;
        }
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [task, router]);

  return (
    <div role="status" aria-live="polite" className="mt-1 flex max-w-full items-start gap-2 text-xs" data-testid={`task-progress-${task.vmid}`}>
      {progress.phase === "running" && (
        <>
          <span className="mt-0.5 size-3 shrink-0 animate-spin rounded-full border-2 border-accent border-t-transparent" aria-hidden />
          <span className="min-w-0 break-words text-muted">
            {task.label}: running{progress.line ? ` · ${progress.line}` : "…"}
          </span>
        </>
      )}
      {progress.phase === "done" && (
        <span className={`min-w-0 break-words ${progress.ok ? "text-ok" : "text-danger"}`}>
          {task.label}: {progress.ok ? progress.exitstatus : `failed: ${progress.exitstatus}`}
        </span>
      )}
      {progress.phase === "lost" && <span className="min-w-0 break-words text-danger">{task.label}: progress unavailable ({progress.message}). The next sync will show the result.</span>}
      {progress.phase !== "running" && (
        <button type="button" onClick={onDismiss} className="shrink-0 text-muted underline">
          Dismiss
        </button>
      )}
    </div>
  );
}
