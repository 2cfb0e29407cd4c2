// Task endpoints. A token sees its own tasks; others' need Sys.Audit on the task's node
// (PVE::API2::Tasks $check_task_user).
import type { Ctx, Handler } from "./context";
import { Paged } from "./context";
import { hasPriv } from "./auth";
import { ApiError, paramError } from "./errors";
import type { Task } from "./tasks";
import { isUpid } from "../upid";

export function visibleTasks(ctx: Ctx, node: string | undefined): Task[] {
  return ctx.rt.workers
    .all()
    .filter(
      (t) =>
        (!node || t.node === node) && (t.user === ctx.who.tokenId || hasPriv(ctx.who, `/nodes/${t.node}`, "Sys.Audit")),
    );
}

/** The fields both task endpoints report first; `user` is the owner, without the token name. */
function taskIdentity(t: Task, user: string | undefined): Record<string, unknown> {
  return {
    upid: t.upid,
    node: t.node,
    pid: t.pid,
    pstart: t.pstart,
    starttime: t.starttime,
    type: t.type,
    id: t.id,
    user,
  };
}

export function taskListEntry(t: Task): Record<string, unknown> {
  const [user, tokenid] = t.user.split("!");
  const e = taskIdentity(t, user);
  if (tokenid) e.tokenid = tokenid;
  if (t.status === "stopped") Object.assign(e, { endtime: t.endtime, status: t.exitstatus });
  return e;
}

function taskFor(ctx: Ctx): Task {
  const upid = ctx.params.str("upid") ?? "";
  if (!isUpid(upid)) throw paramError({ upid: "unable to parse worker upid" });
  const task = ctx.rt.workers.get(upid);
  if (!task || task.node !== ctx.params.str("node")) throw paramError({ upid: "no such task" });
  if (task.user !== ctx.who.tokenId && !hasPriv(ctx.who, `/nodes/${task.node}`, "Sys.Audit")) {
    throw new ApiError(403, `Permission check failed (/nodes/${task.node}, Sys.Audit)`);
  }
  return task;
}

const status: Handler = (ctx) => {
  const t = taskFor(ctx);
  const out: Record<string, unknown> = { ...taskIdentity(t, t.user.split("!")[0]), status: t.status };
  if (t.user.includes("!")) out.tokenid = t.user.split("!")[1];
  if (t.status === "stopped") out.exitstatus = t.exitstatus;
  return out;
};

const log: Handler = (ctx) => {
  const t = taskFor(ctx);
  const start = ctx.params.int("start") ?? 0;
  const limit = ctx.params.int("limit") ?? 50;
  const lines = t.log.map((text, n) => ({ n: n + 1, t: text }));
  // PVE reports the total line count beside the page.
  return new Paged(lines.slice(start, start + limit), lines.length);
};

const stop: Handler = (ctx) => {
  const t = taskFor(ctx);
  ctx.rt.workers.stop(t);
  return null;
};

const nodeTasks: Handler = (ctx) => {
  const p = ctx.params;
  const source = p.str("source") ?? "archive";
  const vmid = p.int("vmid");
  const wanted = p.str("statusfilter")?.split(/[,;\s]+/);
  let list = visibleTasks(ctx, p.str("node")).filter((t) => {
    if (source === "archive" && t.status === "running") return false;
    if (source === "active" && t.status !== "running") return false;
    if (p.bool("errors") && (t.status === "running" || t.exitstatus === "OK")) return false;
    if (p.str("typefilter") && t.type !== p.str("typefilter")) return false;
    if (vmid !== undefined && t.id !== String(vmid)) return false;
    if (p.str("userfilter") && !t.user.includes(p.str("userfilter") ?? "")) return false;
    if (p.int("since") !== undefined && t.starttime < (p.int("since") ?? 0)) return false;
    if (p.int("until") !== undefined && t.starttime > (p.int("until") ?? 0)) return false;
    if (wanted) {
      const state =
        t.status === "running"
          ? "unknown"
          : t.exitstatus === "OK"
            ? "ok"
            : t.exitstatus?.startsWith("WARNINGS")
              ? "warning"
              : "error";
      if (!wanted.includes(state)) return false;
    }
    return true;
  });
  list = list.slice().reverse();
  const start = p.int("start") ?? 0;
  const limit = p.int("limit") ?? 50;
  return new Paged(list.slice(start, start + limit).map(taskListEntry), list.length);
};

export const taskHandlers: Record<string, Handler> = {
  "GET /nodes/{node}/tasks": nodeTasks,
  "GET /nodes/{node}/tasks/{upid}/status": status,
  "GET /nodes/{node}/tasks/{upid}/log": log,
  "DELETE /nodes/{node}/tasks/{upid}": stop,
};
