// Cluster-wide read endpoints. Any node answers these (proxyto: null), so they keep working
// while single nodes are offline.
import type { Ctx, Handler } from "./context";
import { b, RawJson } from "./context";
import { ApiError, paramError } from "./errors";
import { hasPriv } from "./auth";
import { metricsSnapshot } from "./metrics";
import type { GuestState } from "./model";
import { nodeEntry } from "./handlers-node";
import { taskListEntry, visibleTasks } from "./handlers-tasks";

const REPOID = "3a5b2c7e";

function online(ctx: Ctx, node: string): boolean {
  return ctx.rt.model.nodes.find((n) => n.name === node)?.online ?? false;
}

const version: Handler = (ctx) => {
  const v = ctx.rt.localNode().pveVersion;
  return { version: v, release: v.split(".").slice(0, 2).join("."), repoid: REPOID };
};

const clusterStatus: Handler = (ctx) => {
  const { model } = ctx.rt;
  const local = ctx.rt.localNode().name;
  const up = model.nodes.filter((n) => n.online).length;
  return [
    {
      type: "cluster",
      id: "cluster",
      name: model.name,
      nodes: model.nodes.length,
      version: model.configVersion,
      quorate: b(up * 2 > model.nodes.length),
    },
    ...model.nodes.map((n) => ({
      type: "node",
      id: `node/${n.name}`,
      name: n.name,
      nodeid: n.nodeid,
      ip: n.ip,
      local: b(n.name === local),
      online: b(n.online),
      level: "",
    })),
  ];
};

export function guestResource(ctx: Ctx, g: GuestState, m: ReturnType<typeof metricsSnapshot>): Record<string, unknown> {
  const e: Record<string, unknown> = {
    id: `${g.type}/${g.vmid}`,
    type: g.type,
    vmid: g.vmid,
    node: g.node,
    name: g.name,
    template: b(g.template),
    maxcpu: g.cores,
    maxmem: g.memoryBytes,
    maxdisk: g.diskBytes,
  };
  if (g.tags.length > 0) e.tags = g.tags.join(";");
  if (g.lock) e.lock = g.lock;
  if (g.pool && hasPriv(ctx.who, `/pool/${g.pool}`, "Pool.Audit")) e.pool = g.pool;
  const ha = ctx.rt.model.ha.size > 0 ? ctx.rt.model.ha.get(`${g.type === "qemu" ? "vm" : "ct"}:${g.vmid}`) : undefined;
  if (ha) e.hastate = ha.state;
  // Without RRD data from an offline node PVE knows nothing live about its guests.
  if (!online(ctx, g.node)) {
    e.status = "unknown";
    return e;
  }
  const s = m.guests.get(g.vmid);
  e.status = g.status;
  e.cpu = s?.cpu ?? 0;
  e.mem = s?.mem ?? 0;
  if (g.type === "qemu") e.memhost = s?.memhost ?? 0;
  e.disk = s?.disk ?? 0;
  e.netin = s?.netin ?? 0;
  e.netout = s?.netout ?? 0;
  e.diskread = s?.diskread ?? 0;
  e.diskwrite = s?.diskwrite ?? 0;
  e.uptime = s?.uptime ?? 0;
  return e;
}

// Serialised answers per token and filter, valid while the metrics snapshot and the model
// are unchanged: dashboards poll this list of thousands of entries every few seconds.
const resourceCache = new WeakMap<object, Map<string, { revision: number; json: string }>>();

const resources: Handler = (ctx) => {
  const { model } = ctx.rt;
  const type = ctx.params.str("type");
  const m = metricsSnapshot(model, ctx.rt.now());
  const perSnap = resourceCache.get(m) ?? new Map<string, { revision: number; json: string }>();
  resourceCache.set(m, perSnap);
  const key = `${ctx.who.tokenId}|${type ?? ""}`;
  const hit = perSnap.get(key);
  if (hit && hit.revision === model.revision) return new RawJson(hit.json);
  const json = JSON.stringify(buildResources(ctx, type, m));
  perSnap.set(key, { revision: model.revision, json });
  return new RawJson(json);
};

function buildResources(
  ctx: Ctx,
  type: string | undefined,
  m: ReturnType<typeof metricsSnapshot>,
): Record<string, unknown>[] {
  const { model } = ctx.rt;
  const out: Record<string, unknown>[] = [];
  if (!type || type === "node") {
    for (const n of model.nodes) out.push(nodeEntry(ctx, n, m, { "cgroup-mode": 2 }));
  }
  if (!type || type === "storage") {
    for (const st of model.storages) {
      if (
        !hasPriv(ctx.who, `/storage/${st.id}`, "Datastore.Audit") &&
        !hasPriv(ctx.who, `/storage/${st.id}`, "Datastore.AllocateSpace")
      )
        continue;
      for (const node of st.nodes) {
        const entry: Record<string, unknown> = {
          id: `storage/${node}/${st.id}`,
          type: "storage",
          storage: st.id,
          node,
          plugintype: st.type,
          shared: b(st.shared),
          content: st.content.join(","),
          status: online(ctx, node) ? "available" : "unknown",
        };
        if (online(ctx, node)) Object.assign(entry, { disk: Math.round(st.usedBytes), maxdisk: st.totalBytes });
        out.push(entry);
      }
    }
  }
  if (!type || type === "vm") {
    for (const g of model.guests.values())
      if (hasPriv(ctx.who, `/vms/${g.vmid}`, "VM.Audit")) out.push(guestResource(ctx, g, m));
  }
  if (!type || type === "sdn") {
    for (const n of model.nodes)
      if (hasPriv(ctx.who, `/sdn/zones/localnetwork`, "SDN.Audit"))
        out.push({
          id: `sdn/${n.name}/localnetwork`,
          type: "sdn",
          sdn: "localnetwork",
          node: n.name,
          status: n.online ? "ok" : "unknown",
          "zone-type": "simple",
        });
  }
  return out;
}

const haStatus: Handler = (ctx) => {
  const { model } = ctx.rt;
  const nowSec = Math.floor(ctx.rt.now() / 1000);
  const master = ctx.rt.localNode().name;
  const quorate = model.nodes.filter((n) => n.online).length * 2 > model.nodes.length;
  const out: Record<string, unknown>[] = [
    {
      id: "quorum",
      type: "quorum",
      node: master,
      quorate: b(quorate),
      status: quorate ? "OK" : `No quorum on node '${master}'!`,
    },
  ];
  if (model.ha.size === 0) return out;
  out.push({
    id: "master",
    type: "master",
    node: master,
    timestamp: nowSec,
    status: `${master} (active, ${new Date(nowSec * 1000).toUTCString()})`,
  });
  for (const n of model.nodes) {
    const active = [...model.ha.values()].some((h) => model.guests.get(h.vmid)?.node === n.name);
    const mode = n.online ? (active ? "active" : "idle") : "old timestamp - dead?";
    out.push({
      id: `lrm:${n.name}`,
      type: "lrm",
      node: n.name,
      timestamp: n.online ? nowSec : nowSec - 300,
      status: `${n.name} (${mode}, ${new Date(nowSec * 1000).toUTCString()})`,
    });
  }
  for (const h of model.ha.values()) {
    const g = model.guests.get(h.vmid);
    const node = g?.node ?? master;
    const state =
      g && !online(ctx, g.node)
        ? "fence"
        : h.state === "started"
          ? g?.status === "running"
            ? "started"
            : "starting"
          : h.state;
    const entry: Record<string, unknown> = {
      id: `service:${h.sid}`,
      type: "service",
      sid: h.sid,
      node,
      crm_state: state,
      state,
      request_state: h.state,
      max_restart: h.maxRestart,
      max_relocate: h.maxRelocate,
      failback: 1,
      status: `${h.sid} (${node}, ${state})`,
    };
    if (h.group) entry.group = h.group;
    if (h.comment) entry.comment = h.comment;
    out.push(entry);
  }
  return out;
};

const haResources: Handler = (ctx) => {
  const type = ctx.params.str("type");
  return [...ctx.rt.model.ha.values()]
    .filter((h) => !type || h.type === type)
    .map((h) => ({
      sid: h.sid,
      type: h.type,
      state: h.state,
      max_restart: h.maxRestart,
      max_relocate: h.maxRelocate,
      failback: 1,
      digest: "0".repeat(40),
      ...(h.group ? { group: h.group } : {}),
      ...(h.comment ? { comment: h.comment } : {}),
    }));
};

const permissions: Handler = (ctx) => {
  const path = ctx.params.str("path");
  const userid = ctx.params.str("userid");
  // A token may only dump itself unless it holds Sys.Audit on /access.
  if (userid && userid !== ctx.who.tokenId) {
    if (!hasPriv(ctx.who, "/access", "Sys.Audit"))
      throw new ApiError(403, "Permission check failed (/access, Sys.Audit)");
    // Other principals' ACLs are not modelled: answer as for a principal without any.
    return {};
  }
  const paths = path ? [path] : ctx.who.aclPaths();
  const out: Record<string, Record<string, 0 | 1>> = {};
  for (const p of paths) {
    const privs = ctx.who.privileges(p);
    if (privs.size === 0 && path) continue;
    out[p] = Object.fromEntries([...privs].sort(([a], [c]) => a.localeCompare(c)).map(([k, v]) => [k, b(v)]));
  }
  return out;
};

const clusterTasks: Handler = (ctx) =>
  visibleTasks(ctx, undefined)
    .slice(-500)
    .reverse()
    .map((t) => ({ ...taskListEntry(t), saved: t.status === "stopped" ? "1" : "0" }));

/** The lowest free vmid from 100 (PVE's default range); with `vmid`, whether that one is free. */
const nextId: Handler = (ctx) => {
  const used = ctx.rt.model.guests;
  const asked = ctx.params.int("vmid");
  if (asked !== undefined) {
    if (used.has(asked)) throw paramError({ vmid: `VM ${asked} already exists` });
    return asked;
  }
  let vmid = 100;
  while (used.has(vmid)) vmid++;
  return vmid;
};

export const clusterHandlers: Record<string, Handler> = {
  "GET /cluster/nextid": nextId,
  "GET /version": version,
  "GET /cluster/status": clusterStatus,
  "GET /cluster/resources": resources,
  "GET /cluster/ha/status/current": haStatus,
  "GET /cluster/ha/resources": haResources,
  "GET /access/permissions": permissions,
  "GET /cluster/tasks": clusterTasks,
};
