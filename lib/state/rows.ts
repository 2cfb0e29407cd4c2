// Row shapes the sync writes (lib/sync/snapshot.ts builds them) and the state pages read back.
// Pure (types and column lists), so the write side and the read side cannot drift apart.
import type { Prisma } from "@/generated/prisma/client";

/** Used and total CPU, memory and disk, as nodes and guests both report them. */
export interface UsageColumns {
  cpu: number;
  maxcpu: number;
  mem: number;
  maxmem: number;
  disk: number;
  maxdisk: number;
}

/** One HA-managed resource as the cluster's HA manager reported it. */
export interface StoredHaResource {
  sid: string;
  vmid: number | null;
  node: string;
  state: string | null;
  crmState: string | null;
  requestState: string | null;
  group: string | null;
  status: string;
}

/** One task from the cluster's task list. */
export interface StoredTask {
  upid: string;
  node: string;
  type: string;
  objectId: string;
  user: string;
  startedAt: Date;
  endedAt: Date | null;
  status: string | null;
  ok: boolean | null;
}

/** The columns of a StoredTask, for reads that show tasks. */
export const storedTaskSelect = {
  upid: true,
  node: true,
  type: true,
  objectId: true,
  user: true,
  startedAt: true,
  endedAt: true,
  status: true,
  ok: true,
} as const satisfies Prisma.ClusterTaskSelect;
