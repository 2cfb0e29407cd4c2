// Intra-cluster migration and its precheck (GET …/migrate), qemu and lxc.
import type { Ctx, Handler } from "./context";
import { b, guestOnNode, touch } from "./context";
import { dieError, paramError } from "./errors";
import { parseIdMap } from "./formats";
import type { GuestState } from "./model";

type Kind = "qemu" | "lxc";

function sharedStorage(ctx: Ctx, g: GuestState): boolean {
  return ctx.rt.model.storages.find((s) => s.id === g.storage)?.shared ?? false;
}

function unavailableStorages(ctx: Ctx, g: GuestState, node: string): string[] {
  const st = ctx.rt.model.storages.find((s) => s.id === g.storage);
  return st && st.nodes.includes(node) ? [] : [g.storage];
}

function precheck(kind: Kind): Handler {
  return (ctx) => {
    const g = guestOnNode(ctx, kind);
    const others = ctx.rt.model.nodes.filter((n) => n.name !== g.node && n.online);
    const allowed = others.filter((n) => unavailableStorages(ctx, g, n.name).length === 0).map((n) => n.name);
    const notAllowed = Object.fromEntries(
      others
        .filter((n) => !allowed.includes(n.name))
        .map((n) => [n.name, { unavailable_storages: unavailableStorages(ctx, g, n.name) }]),
    );
    if (kind === "lxc") {
      return {
        running: b(g.status === "running"),
        "allowed-nodes": allowed,
        "not-allowed-nodes": notAllowed,
        "dependent-ha-resources": [],
      };
    }
    return {
      running: b(g.status === "running"),
      allowed_nodes: allowed,
      not_allowed_nodes: notAllowed,
      local_disks: sharedStorage(ctx, g)
        ? []
        : [{ volid: `${g.storage}:vm-${g.vmid}-disk-0`, size: g.diskBytes, cdrom: 0, is_unused: 0 }],
      local_resources: [],
      "mapped-resources": [],
      "mapped-resource-info": {},
      "has-dbus-vmstate": 1,
      "dependent-ha-resources": [],
    };
  };
}

function migrate(kind: Kind): Handler {
  return (ctx) => {
    const g = guestOnNode(ctx, kind);
    const label = kind === "qemu" ? "VM" : "CT";
    const targetName = ctx.params.str("target") ?? "";
    const target = ctx.rt.model.nodes.find((n) => n.name === targetName);
    if (targetName === g.node) throw paramError({ target: "target is local node." });
    if (!target) throw dieError(`no such cluster node '${targetName}'`);
    if (!target.online) throw dieError(`target node '${targetName}' not online`);
    if (g.lock) throw dieError(`${label} is locked (${g.lock})`);
    const storageMap = ctx.params.str(kind === "qemu" ? "targetstorage" : "target-storage");
    if (storageMap) {
      try {
        parseIdMap(storageMap, "storage");
      } catch (e) {
        throw paramError({
          [kind === "qemu" ? "targetstorage" : "target-storage"]: e instanceof Error ? e.message : String(e),
        });
      }
    }
    const running = g.status === "running";
    if (running && kind === "qemu" && ctx.params.bool("online") !== true)
      throw dieError(`can't migrate running VM without --online`);
    if (running && kind === "lxc" && ctx.params.bool("restart") !== true && ctx.params.bool("online") !== true) {
      throw dieError("CT is running - use online or restart migration");
    }
    const ha = ctx.rt.model.ha.get(`${kind === "qemu" ? "vm" : "ct"}:${g.vmid}`);
    const source = ctx.rt.model.nodes.find((n) => n.name === g.node) ?? target;
    if (!ha) g.lock = "migrate";
    touch(ctx.rt);
    // Memory copy for live migration, disk copy for local storage: a few seconds per GiB.
    const durationMs =
      3_000 +
      (running ? (g.memoryBytes / 1024 ** 3) * 1_000 : 0) +
      (sharedStorage(ctx, g) ? 0 : (g.diskBytes / 1024 ** 3) * 300);
    return ctx.rt.workers.start({
      node: source.name,
      nodeBootMs: source.bootTimeMs,
      type: ha ? "hamigrate" : kind === "qemu" ? "qmigrate" : "vzmigrate",
      id: String(g.vmid),
      user: ctx.who.tokenId,
      durationMs,
      lines: [
        ha
          ? `Requesting HA migration for ${label} ${g.vmid} to node ${target.name}`
          : `starting migration of ${label} ${g.vmid} to node '${target.name}' (${target.ip})`,
      ],
      run: () => {
        g.lock = undefined;
        touch(ctx.rt);
        if (!target.online) return `migration aborted: target node '${target.name}' is not online`;
        g.node = target.name;
        if (kind === "lxc" && running && ctx.params.bool("restart") === true) g.startedAtMs = ctx.rt.now();
        return undefined;
      },
    }).upid;
  };
}

export const migrateHandlers: Record<string, Handler> = Object.fromEntries(
  (["qemu", "lxc"] as const).flatMap((k) => [
    [`GET /nodes/{node}/${k}/{vmid}/migrate`, precheck(k)],
    [`POST /nodes/{node}/${k}/{vmid}/migrate`, migrate(k)],
  ]),
);
