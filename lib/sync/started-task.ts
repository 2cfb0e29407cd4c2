// A task Sovereign itself started, written the moment Proxmox returns its UPID, so recent tasks
// show it before the next sync replaces the list. The sync's own write fills in the rest.
import type { Tx } from "@/lib/db";
import { parseUpid } from "@/lib/proxmox";

export async function recordStartedTask(tx: Tx, clusterId: string, upid: string): Promise<void> {
  const parsed = parseUpid(upid);
  const row = {
    node: parsed.node,
    type: parsed.type,
    objectId: parsed.id,
    user: parsed.user,
    startedAt: new Date(parsed.starttime * 1000),
  };
  await tx.clusterTask.upsert({
    where: { clusterId_upid: { clusterId, upid } },
    create: { clusterId, upid, ...row },
    update: {},
  });
}
