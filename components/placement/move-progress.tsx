"use client";
// Follows a running move's Proxmox task: polls the task route about once a second, shows the
// log's last line, and once the task has stopped asks the server to settle the move (it reads
// the outcome from Proxmox itself, marks the move and syncs both clusters), then refreshes.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";
import { settleMoveAction } from "@/lib/placement/apply-actions";

const taskJson = z.object({
  running: z.boolean().optional(),
  lastLine: z.string().nullable().optional(),
  message: z.string().optional(),
});

const POLL_MS = 1_000;
const MAX_FAILURES = 5;

type State = { phase: "running"; line: string | null } | { phase: "settling" } | { phase: "lost"; message: string };

export function MoveProgress({ moveId, clusterId, upid }: { moveId: string; clusterId: string; upid: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "running", line: null });

  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let timer: number | undefined;
    const again = () => {
      if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    const settle = async (): Promise<void> => {
      setState({ phase: "settling" });
      const result = await settleMoveAction({ moveId });
      if (stopped) return;
      if (result.ok && result.data.status === "running") return again();
      router.refresh();
    };
    const poll = async (): Promise<void> => {
      // Claimed but not yet started on Proxmox: the page refreshes once the task exists.
      if (!upid) {
        router.refresh();
        return again();
      }
      try {
        const response = await fetch(`/api/tasks/${clusterId}/${encodeURIComponent(upid)}`, { cache: "no-store" });
        const body = taskJson.parse(await response.json());
        if (stopped) return;
        if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
        failures = 0;
        if (body.running === false) return await settle();
        setState({ phase: "running", line: body.lastLine ?? null });
      } catch (error) {
        failures += 1;
        if (failures >= MAX_FAILURES) {
          setState({ phase: "lost", message: error instanceof Error ? error.message : "The task's progress could not be read." });
          return;
        }
      }
      again();
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [moveId, clusterId, upid, router]);

  return (
    <div role="status" aria-live="polite" className="flex min-w-0 items-start gap-2 text-xs" data-testid={`move-progress-${moveId}`}>
      {state.phase !== "lost" && <span className="mt-0.5 size-3 shrink-0 animate-spin rounded-full border-2 border-accent border-t-transparent" aria-hidden />}
      <span className={`min-w-0 break-words ${state.phase === "lost" ? "text-danger" : "text-muted"}`}>
        {state.phase === "running" && (upid ? `Migrating${state.line ? ` · ${state.line}` : "…"}` : "Asking Proxmox to start the migration…")}
        {state.phase === "settling" && "Task ended: recording the outcome and syncing both clusters…"}
        {state.phase === "lost" && `Progress unavailable (${state.message}). The worker records the outcome; reload later.`}
      </span>
    </div>
  );
}
