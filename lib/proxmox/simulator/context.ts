// What a request handler sees: the cluster it runs on, the authenticated token and the
// validated parameters.
import type { Principal } from "./auth";
import type { LeafCertificate, CertificateAuthority } from "./certs";
import type { ClusterModel, GuestState, NodeState } from "./model";
import type { TaskManager } from "./tasks";
import type { Params } from "./validate";
import { dieError } from "./errors";

export interface Runtime {
  readonly name: string;
  readonly model: ClusterModel;
  readonly workers: TaskManager;
  readonly ca: CertificateAuthority;
  readonly leaf: LeafCertificate;
  readonly host: string;
  readonly port: number;
  readonly timeScale: number;
  now(): number;
  /** The node that answers API requests (the first online one). */
  localNode(): NodeState;
  /** Other simulated clusters of this process by `host:port`, for remote migration. */
  peer(host: string, port: number): Runtime | undefined;
  /** Accepts a guest from a remote migration; returns the task UPID on this cluster. */
  acceptIncomingGuest(guest: GuestState, user: string): string;
}

export interface Ctx {
  rt: Runtime;
  who: Principal;
  params: Params;
}

export type Handler = (ctx: Ctx) => unknown;

export function userOf(ctx: Ctx): string {
  return ctx.who.tokenId;
}

export function nodeByName(rt: Runtime, name: string): NodeState {
  const n = rt.model.nodes.find((x) => x.name === name);
  if (!n)
    throw dieError(
      `hostname lookup '${name}' failed - failed to get address info for: ${name}: Name or service not known`,
    );
  return n;
}

/** The guest's config must live on the node in the URL, as /etc/pve/nodes/<node>/… does. */
export function guestOnNode(ctx: Ctx, type: "qemu" | "lxc"): GuestState {
  const node = ctx.params.str("node") ?? "";
  const vmid = ctx.params.int("vmid") ?? 0;
  const g = ctx.rt.model.guests.get(vmid);
  if (!g || g.node !== node || g.type !== type) {
    throw dieError(
      `Configuration file 'nodes/${node}/${type === "qemu" ? "qemu-server" : "lxc"}/${vmid}.conf' does not exist`,
    );
  }
  return g;
}

export function touch(rt: Runtime): void {
  rt.model.revision++;
}

/** 0/1 as PVE's Perl emits booleans. */
export const b = (v: boolean): 0 | 1 => (v ? 1 : 0);

/** A list answer that also carries PVE's top-level `total` beside `data`. */
export class Paged {
  constructor(
    readonly data: unknown[],
    readonly total: number,
  ) {}
}

/** Data already serialised to JSON (cached answers of large lists). */
export class RawJson {
  constructor(readonly json: string) {}
}
