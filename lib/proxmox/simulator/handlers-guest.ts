// Guest lists, current status and power actions (qemu and lxc). Power actions return a UPID
// at once; the state changes when the task finishes, and the failures happen where PVE has
// them: reboot of a stopped guest dies in the API call, start of a running one in the task.
import type { Ctx, Handler } from "./context";
import { guestOnNode, nodeByName, touch } from "./context";
import { hasPriv } from "./auth";
import { dieError } from "./errors";
import { metricsSnapshot } from "./metrics";
import type { GuestState } from "./model";

type Kind = "qemu" | "lxc";

function statusFields(ctx: Ctx, g: GuestState): Record<string, unknown> {
  const m = metricsSnapshot(ctx.rt.model, ctx.rt.now()).guests.get(g.vmid);
  const running = g.status === "running";
  const e: Record<string, unknown> = {
    vmid: g.vmid,
    name: g.name,
    status: g.status,
    cpus: g.cores,
    maxmem: g.memoryBytes,
    maxdisk: g.diskBytes,
    cpu: m?.cpu ?? 0,
    mem: m?.mem ?? 0,
    netin: m?.netin ?? 0,
    netout: m?.netout ?? 0,
    diskread: m?.diskread ?? 0,
    diskwrite: m?.diskwrite ?? 0,
    uptime: m?.uptime ?? 0,
  };
  if (g.type === "qemu") {
    e.memhost = m?.memhost ?? 0;
    e.disk = 0;
    if (running)
      Object.assign(e, {
        pid: g.pid ?? 4242,
        qmpstatus: "running",
        "running-machine": "pc-i440fx-10.1+pve0",
        "running-qemu": "10.1.2",
      });
    else e.qmpstatus = "stopped";
  } else {
    Object.assign(e, { disk: m?.disk ?? 0, maxswap: 512 * 1024 ** 2, type: "lxc" });
  }
  if (g.tags.length > 0) e.tags = g.tags.join(";");
  if (g.lock) e.lock = g.lock;
  // vmstatus only emits `template` for templates.
  if (g.template) e.template = 1;
  return e;
}

function list(kind: Kind): Handler {
  return (ctx) => {
    const node = nodeByName(ctx.rt, ctx.params.str("node") ?? "").name;
    return [...ctx.rt.model.guests.values()]
      .filter((g) => g.node === node && g.type === kind && hasPriv(ctx.who, `/vms/${g.vmid}`, "VM.Audit"))
      .map((g) => statusFields(ctx, g));
  };
}

function current(kind: Kind): Handler {
  return (ctx) => {
    const g = guestOnNode(ctx, kind);
    const ha = ctx.rt.model.ha.get(`${kind === "qemu" ? "vm" : "ct"}:${g.vmid}`);
    const e = statusFields(ctx, g);
    e.ha = ha ? { managed: 1, state: ha.state, group: ha.group } : { managed: 0 };
    if (!ha?.group && ha) delete (e.ha as Record<string, unknown>).group;
    if (kind === "qemu") Object.assign(e, { agent: 1, serial: 0, spice: 0 });
    return e;
  };
}

type Action = "start" | "stop" | "shutdown" | "reboot";

const DURATION_MS: Record<Action, number> = { start: 2_000, stop: 1_000, shutdown: 5_000, reboot: 7_000 };

function workerType(kind: Kind, action: Action, ha: boolean): string {
  if (ha && action !== "reboot") return action === "start" ? "hastart" : "hastop";
  const prefix = kind === "qemu" ? "qm" : "vz";
  return `${prefix}${action}`;
}

function setRunning(ctx: Ctx, g: GuestState, running: boolean): void {
  g.status = running ? "running" : "stopped";
  g.startedAtMs = running ? ctx.rt.now() : undefined;
  g.pid = running ? 10_000 + ((g.vmid * 7919) % 50_000) : undefined;
  touch(ctx.rt);
}

function action(kind: Kind, act: Action): Handler {
  return (ctx) => {
    const g = guestOnNode(ctx, kind);
    const node = nodeByName(ctx.rt, g.node);
    const label = kind === "qemu" ? "VM" : "CT";
    const ha = ctx.rt.model.ha.get(`${kind === "qemu" ? "vm" : "ct"}:${g.vmid}`);
    if (g.lock && ctx.params.bool("skiplock") !== true) throw dieError(`${label} is locked (${g.lock})`);
    if (act === "reboot" && g.status !== "running") throw dieError(`${label} ${g.vmid} not running`);
    if (act === "start" && g.template) throw dieError("you can't start a vm if it's a template");
    const verb = { start: "start", stop: "stop", shutdown: "shutdown", reboot: "reboot" }[act];
    return ctx.rt.workers.start({
      node: node.name,
      nodeBootMs: node.bootTimeMs,
      type: workerType(kind, act, ha !== undefined),
      id: String(g.vmid),
      user: ctx.who.tokenId,
      durationMs: DURATION_MS[act] * (act === "start" && g.status === "running" ? 0.1 : 1),
      lines:
        ha && act !== "reboot"
          ? [`Requesting HA ${act === "start" ? "start" : "stop"} for ${label} ${g.vmid}`]
          : [`${verb} ${label} ${g.vmid}`],
      run: () => {
        if (ha && act !== "reboot") {
          // hastart/hastop only change the requested HA state; the CRM then acts on it.
          ha.state = act === "start" ? "started" : "stopped";
          if ((act === "start") !== (g.status === "running")) setRunning(ctx, g, act === "start");
          return undefined;
        }
        if (act === "start") {
          if (g.status === "running") return `${label} ${g.vmid} already running`;
          setRunning(ctx, g, true);
        } else if (act === "reboot") {
          if (g.status !== "running") return `${label} ${g.vmid} not running`;
          setRunning(ctx, g, true);
        } else {
          if (g.status === "running") setRunning(ctx, g, false);
        }
        return undefined;
      },
    }).upid;
  };
}

export const guestHandlers: Record<string, Handler> = Object.fromEntries(
  (["qemu", "lxc"] as const).flatMap((k) => [
    [`GET /nodes/{node}/${k}`, list(k)],
    [`GET /nodes/{node}/${k}/{vmid}/status/current`, current(k)],
    ...(["start", "stop", "shutdown", "reboot"] as const).map((a) => [
      `POST /nodes/{node}/${k}/{vmid}/status/${a}`,
      action(k, a),
    ]),
  ]),
);
