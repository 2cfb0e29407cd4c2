"use client";
// Follows a Proxmox task through the task route (/api/tasks/<cluster>/<upid>) with react-query:
// polls about once a second, keeps the log's last line, and once the task has stopped hands its
// outcome to `onStopped`, which may ask to keep polling (a move whose outcome the server has not
// recorded yet). A route that keeps failing (the cluster gone away) is retried with backoff, then
// given up on.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { z } from "zod";

// The route's answer: a task state, or { message } with an error status.
const taskJson = z.object({
  running: z.boolean().optional(),
  exitstatus: z.string().nullable().optional(),
  ok: z.boolean().nullable().optional(),
  lastLine: z.string().nullable().optional(),
  message: z.string().optional(),
});
type TaskJson = z.infer<typeof taskJson>;

const POLL_MS = 1_000;
// Four retries after the first failure: five tries in all, about 15 s of backoff.
const RETRIES = 4;

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

async function readTask(clusterId: string, upid: string, signal: AbortSignal): Promise<TaskJson> {
  const response = await fetch(`/api/tasks/${clusterId}/${encodeURIComponent(upid)}`, { cache: "no-store", signal });
  const body = taskJson.parse(await response.json());
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return body;
}

function endOf(body: TaskJson): TaskEnd {
  return { ok: body.ok === true, exitstatus: body.exitstatus ?? "unexpected status" };
}

export function useTaskPoll(clusterId: string, upid: string | null, handlers: TaskPollHandlers): TaskPoll {
  // The latest handlers, without restarting the polling when a parent re-renders.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const task = useQuery({
    queryKey: ["task", clusterId, upid],
    queryFn: ({ signal }) => readTask(clusterId, upid ?? "", signal),
    enabled: upid !== null,
    // A finished task is not polled again unless onStopped asks for it (below).
    refetchInterval: (query) => (query.state.data?.running === false ? false : POLL_MS),
    refetchOnWindowFocus: (query) => query.state.data?.running !== false,
    retry: RETRIES,
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
  });

  useQuery({
    queryKey: ["task-waiting", clusterId],
    queryFn: () => {
      latest.current.onWaiting?.();
      return Date.now();
    },
    enabled: upid === null,
    refetchInterval: POLL_MS,
    retry: false,
  });

  // Each answer that says "stopped" is handed to onStopped once.
  const handled = useRef(0);
  const { data, dataUpdatedAt, refetch } = task;
  useEffect(() => {
    if (!data || data.running !== false || handled.current === dataUpdatedAt) return;
    handled.current = dataUpdatedAt;
    let timer: number | undefined;
    void latest.current.onStopped(endOf(data)).then((next) => {
      if (next === "again") timer = window.setTimeout(() => void refetch(), POLL_MS);
    });
    return () => window.clearTimeout(timer);
  }, [data, dataUpdatedAt, refetch]);

  if (task.status === "error")
    return {
      phase: "lost",
      message: task.error instanceof Error ? task.error.message : "The task's progress could not be read.",
    };
  if (data?.running === false) return { phase: "stopped", ...endOf(data) };
  return { phase: "running", line: data?.lastLine ?? null };
}
