// What tests see of a simulated cluster's guests, tasks, tokens and faults: copies, so a test
// cannot change the model behind the API's back.
import type { ClusterModel, GuestState } from "./model";
import type { FaultState, GuestView, SimulatedToken, TaskView } from "./public-types";
import type { TaskManager } from "./tasks";

export function guestView(model: ClusterModel, g: GuestState): GuestView {
  const online = model.nodes.find((n) => n.name === g.node)?.online ?? false;
  return {
    vmid: g.vmid,
    type: g.type,
    name: g.name,
    node: g.node,
    status: online ? g.status : "unknown",
    lock: g.lock,
    tags: [...g.tags],
  };
}

export function taskViews(workers: TaskManager): TaskView[] {
  return workers.all().map((t) => ({
    upid: t.upid,
    node: t.node,
    type: t.type,
    id: t.id,
    user: t.user,
    status: t.status,
    exitstatus: t.exitstatus,
  }));
}

export function tokenViews(model: ClusterModel): SimulatedToken[] {
  return model.tokens.map((t) => ({
    tokenId: t.tokenId,
    secret: t.secret,
    header: `PVEAPIToken=${t.tokenId}=${t.secret}`,
    privsep: t.privsep !== false,
  }));
}

/** A cluster as started: every fault switched off. */
export function noFaults(): FaultState {
  return {
    latencyMs: 0,
    down: false,
    hang: false,
    errorRate: 0,
    errorStatus: 500,
    offlineNodes: [],
    failedDisks: [],
    certRotations: 0,
  };
}

export function faultView(fault: FaultState): FaultState {
  return { ...fault, offlineNodes: [...fault.offlineNodes], failedDisks: [...fault.failedDisks] };
}
