// When a sync reads each node's own status (GET /nodes/{node}/status). /cluster/resources already
// carries every node's CPU, memory, disk and uptime; the per-node call only adds the load
// average, PVE version, kernel and CPU model, which change rarely. Reading it every sync cost
// most of a cluster's requests (docs/performance.md) and as many TLS
// connections, so it is read once a minute, and at once when the set of online nodes changed or
// the last attempt missed a node. Kept per process, like the cached clients: a new worker reads
// them on its first sync.

export const NODE_DETAILS_INTERVAL_MS = 60_000;

interface LastRead {
  at: number;
  /** The online nodes it covered, sorted and joined. */
  nodes: string;
}

const globalForDetails = globalThis as unknown as { sovereignNodeDetails?: Map<string, LastRead> };
const lastRead: Map<string, LastRead> = (globalForDetails.sovereignNodeDetails ??= new Map());

const key = (nodes: readonly string[]): string => [...nodes].sort().join("\n");

export function nodeDetailsDue(clusterId: string, online: readonly string[], now: number): boolean {
  const last = lastRead.get(clusterId);
  return !last || now - last.at >= NODE_DETAILS_INTERVAL_MS || last.nodes !== key(online);
}

/** Records a read; one that missed a node does not count, so the next sync tries again. */
export function recordNodeDetails(clusterId: string, online: readonly string[], complete: boolean, now: number): void {
  if (complete) lastRead.set(clusterId, { at: now, nodes: key(online) });
  else lastRead.delete(clusterId);
}

/** After a failed sync: the next successful one reads the details. */
export function forgetNodeDetails(clusterId: string): void {
  lastRead.delete(clusterId);
}
