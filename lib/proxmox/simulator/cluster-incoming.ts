// The target side of a remote migration: the guest arrives on the cluster (on its node of the
// same name, or the local node) and a qmtunnel task records it, as PVE shows one.
import type { ClusterModel, GuestState, NodeState } from "./model";
import type { TaskManager } from "./tasks";

interface Target {
  model: ClusterModel;
  workers: TaskManager;
  localNode(): NodeState;
}

export function acceptIncomingGuest(target: Target, guest: GuestState, user: string): string {
  const node = target.model.nodes.find((n) => n.name === guest.node) ?? target.localNode();
  target.model.guests.set(guest.vmid, { ...guest, node: node.name });
  target.model.revision++;
  return target.workers.start({
    node: node.name,
    nodeBootMs: node.bootTimeMs,
    type: "qmtunnel",
    id: String(guest.vmid),
    user,
    durationMs: 0,
    lines: [`incoming migration of guest ${guest.vmid}`],
    run: () => undefined,
  }).upid;
}
