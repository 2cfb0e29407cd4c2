// Cross-cluster migration (remote_migrate). The API call checks what PVE checks before it
// forks the worker, including a real HTTPS round trip to the target with the given token and
// fingerprint; the worker then hands the guest to the target cluster.
import type { Ctx, Handler } from "./context";
import { guestOnNode, touch } from "./context";
import { dieError, paramError } from "./errors";
import { mapId, parseIdMap, parseRemoteEndpoint } from "./formats";
import type { IdMap, RemoteEndpoint } from "./formats";
import { remoteGet } from "./remote-client";
import { compareWithGrants } from "../migration-grants";

type Kind = "qemu" | "lxc";

function idMap(ctx: Ctx, name: string, kind: "storage" | "bridge"): IdMap {
  try {
    return parseIdMap(ctx.params.str(name) ?? "", kind);
  } catch (e) {
    throw paramError({ [name]: e instanceof Error ? e.message : String(e) });
  }
}

async function contactTarget(
  ep: RemoteEndpoint,
): Promise<{ node: string; storages: Set<string>; perms: Record<string, Record<string, number>> }> {
  const fail = (what: string): never => {
    throw dieError(`failed to connect to remote ${ep.host}:${ep.port ?? 8006} - ${what}`);
  };
  try {
    const version = await remoteGet(ep, "/version");
    if (version.status !== 200) fail(`${version.status} ${version.reason}`);
    const status = await remoteGet(ep, "/cluster/status");
    const rows = Array.isArray(status.body) ? (status.body as Array<Record<string, unknown>>) : [];
    const local = rows.find((r) => r.type === "node" && r.local === 1);
    if (status.status !== 200 || !local)
      fail(`unable to determine remote node name (${status.status} ${status.reason})`);
    const resources = await remoteGet(ep, "/cluster/resources");
    const list = Array.isArray(resources.body) ? (resources.body as Array<Record<string, unknown>>) : [];
    const perms = await remoteGet(ep, "/access/permissions");
    return {
      node: String(local?.name),
      storages: new Set(
        list.filter((r) => r.type === "storage" && r.node === local?.name).map((r) => String(r.storage)),
      ),
      perms: (perms.body ?? {}) as Record<string, Record<string, number>>,
    };
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("failed to connect")) throw e;
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function remoteMigrate(kind: Kind): Handler {
  return async (ctx) => {
    const g = guestOnNode(ctx, kind);
    const label = kind === "qemu" ? "VM" : "CT";
    const { endpoint } = parseRemoteEndpoint(ctx.params.str("target-endpoint") ?? "");
    if (!endpoint) throw paramError({ "target-endpoint": "invalid format - format error\n" });
    const storageMap = idMap(ctx, "target-storage", "storage");
    if (storageMap.identity)
      throw paramError({ "target-storage": "remote migration requires explicit storage mapping!" });
    const bridgeMap = idMap(ctx, "target-bridge", "bridge");
    const sid = `${kind === "qemu" ? "vm" : "ct"}:${g.vmid}`;
    if (ctx.rt.model.ha.has(sid))
      throw dieError(`${label} ${g.vmid} is HA-managed (${sid}) - remote migration is not supported for HA resources`);
    if (g.lock) throw dieError(`${label} is locked (${g.lock})`);
    const running = g.status === "running";
    if (running && kind === "qemu" && ctx.params.bool("online") !== true)
      throw dieError("can't migrate running VM without --online");
    if (running && kind === "lxc" && ctx.params.bool("restart") !== true && ctx.params.bool("online") !== true)
      throw dieError("CT is running - use online or restart migration");
    const targetVmid = ctx.params.int("target-vmid") ?? g.vmid;
    const targetStorage = mapId(storageMap, g.storage);
    const targetBridge = bridgeMap.identity ? g.bridge : mapId(bridgeMap, g.bridge);

    const remote = await contactTarget(endpoint);
    // Not PVE: the simulator holds Sovereign to its documented least privilege. The token in
    // target-endpoint is handed to this (source) cluster, so it must hold exactly the migration
    // grants (lib/proxmox/migration-grants.ts), never a console token's reach.
    const { extra } = compareWithGrants(remote.perms);
    if (extra.length > 0)
      throw dieError(
        `simulator: the target-endpoint token holds more than receiving a migration needs (${extra.join(", ")})`,
      );
    if (!remote.storages.has(targetStorage))
      throw dieError(`remote: storage '${targetStorage}' does not exist on node '${remote.node}'`);

    const source = ctx.rt.model.nodes.find((n) => n.name === g.node);
    if (!source) throw dieError(`no such node '${g.node}'`);
    g.lock = "migrate";
    touch(ctx.rt);
    const durationMs = 8_000 + (g.diskBytes / 1024 ** 3) * 500 + (running ? (g.memoryBytes / 1024 ** 3) * 1_000 : 0);
    const del = ctx.params.bool("delete") === true;
    return ctx.rt.workers.start({
      node: source.name,
      nodeBootMs: source.bootTimeMs,
      type: kind === "qemu" ? "qmigrate" : "vzmigrate",
      id: String(g.vmid),
      user: ctx.who.tokenId,
      durationMs,
      lines: [
        `remote migration of ${label} ${g.vmid} to ${endpoint.host}:${endpoint.port ?? 8006} node '${remote.node}' as ${targetVmid}`,
        `mapped: storage ${g.storage} -> ${targetStorage}, bridge ${g.bridge} -> ${targetBridge}`,
      ],
      run: () => {
        const fail = (msg: string): string => {
          g.lock = undefined;
          touch(ctx.rt);
          return msg;
        };
        // The target's mtunnel endpoint and its tunnel commands check these; a token without them fails there.
        const { missing } = compareWithGrants(remote.perms);
        const lacking = missing[0]?.split(" on ");
        if (lacking)
          return fail(
            `error - tunnel command 'version' failed - Permission check failed (${lacking[1]}, ${lacking[0]})`,
          );
        const peer = ctx.rt.peer(endpoint.host, endpoint.port ?? 8006);
        if (!peer)
          return fail(`remote ${endpoint.host}:${endpoint.port ?? 8006} is not a simulated cluster of this process`);
        if (peer.model.guests.has(targetVmid))
          return fail(
            `error - tunnel command 'config' failed - unable to create VM ${targetVmid}: config file already exists`,
          );
        peer.acceptIncomingGuest(
          {
            ...g,
            tags: [...g.tags],
            vmid: targetVmid,
            node: remote.node,
            storage: targetStorage,
            bridge: targetBridge,
            lock: undefined,
            status: running ? "running" : "stopped",
            startedAtMs: running ? ctx.rt.now() : undefined,
          },
          ctx.who.tokenId,
        );
        if (del) ctx.rt.model.guests.delete(g.vmid);
        else {
          // The source copy stays, stopped and locked, so it cannot be started by mistake.
          g.status = "stopped";
          g.startedAtMs = undefined;
          g.lock = "migrate";
        }
        touch(ctx.rt);
        return undefined;
      },
    }).upid;
  };
}

export const remoteMigrateHandlers: Record<string, Handler> = {
  "POST /nodes/{node}/qemu/{vmid}/remote_migrate": remoteMigrate("qemu"),
  "POST /nodes/{node}/lxc/{vmid}/remote_migrate": remoteMigrate("lxc"),
};
