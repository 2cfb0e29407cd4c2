"use client";
// Follows a Proxmox task through the task route (/api/tasks/<cluster>/<upid>): polls about once
// a second, keeps the log's last line, and once the task has stopped hands its outcome to
// `onStopped`, which may ask to keep polling (a move whose outcome the server has not recorded
// yet). A route that keeps failing (the cluster gone away) is given up on after a few tries.
import { useEffect, useRef, useState } from "react";
import { z } from "zod";

// The route's answer: a task state, or { message } with an error status.
const taskJson = z.object({
  running: z.boolean().optional(),
  exitstatus: z.string().nullable().optional(),
  ok: z.boolean().nullable().optional(),
  lastLine: z.string().nullable().optional(),
  message: z.string().optional(),
});

const POLL_MS = 1_000;
const MAX_FAILURES = 5;

export interface TaskEnd {
  ok: boolean;
  exitstatus: string;
}

export type TaskPoll =
  { phase: "running"; line: string | null } | ({ phase: "stopped" } & TaskEnd) | { phase: "lost"; message: string };

export interface TaskPollHandlers {
  /** The task has stopped; return "again" to keep polling. */
  onStopped: (end: TaskEnd) => Promise<"again" | void>;
  /** Called each round while there is no task id yet. */
  onWaiting?: () => void;
}

export function useTaskPoll(clusterId: string, upid: string | null, handlers: TaskPollHandlers): TaskPoll {
  const [state, setState] = useState<TaskPoll>({ phase: "running", line: null });
  // The latest handlers, without restarting the polling when a parent re-renders.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let timer: number | undefined;
    const again = () => {
      if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    const poll = async (): Promise<void> => {
      if (!upid) {
        latest.current.onWaiting?.();
        return again();
      }
      try {
        const response = await fetch(`/api/tasks/${clusterId}/${encodeURIComponent(upid)}`, { cache: "no-store" });
        const body = taskJson.parse(await response.json());
        if (stopped) return;
        if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
        failures = 0;
        if (body.running === false) {
          const end = { ok: body.ok === true, exitstatus: body.exitstatus ?? "unexpected status" };
          setState({ phase: "stopped", ...end });
          if ((await latest.current.onStopped(end)) === "again") again();
          return;
        }
        setState({ phase: "running", line: body.lastLine ?? null });
      } catch (error) {
        failures += 1;
        if (failures >= MAX_FAILURES) {
          setState({
            phase: "lost",
            message: error instanceof Error ? error.message : "The task's progress could not be read.",
          });
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
  }, [clusterId, upid]);

  return state;
}
