// Integration-test support: a simulated cluster registered in the test database the way the
// registry would (encrypted token, pinned fingerprint) with its guests and nodes written as a
// sync would, so guest actions run end to end against real HTTPS without the sync worker.
import { randomBytes, randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/clusters/secrets";
import { db } from "@/lib/db";
import {
  SOVEREIGN_ROLE_PRIVILEGES,
  startSimulator,
  type GuestSpec,
  type RunningSimulator,
  type SimulatedCluster,
} from "@/lib/proxmox/simulator";

const TOKEN_ID = "sovereign@pve!console";
const TOKEN_SECRET = "5d7c1a2b-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

/** env() reads the keyring on first use; tests that never set one get a throwaway key. */
export function ensureSecretKey(): void {
  process.env.SOVEREIGN_SECRET_KEY ??= randomBytes(32).toString("base64");
}

/** A 2-core, 2 GiB, 16 GiB guest tagged depin: the simulated clusters' stock guest. */
export const vm = (
  vmid: number,
  node: string,
  status: "running" | "stopped",
  type: "qemu" | "lxc" = "qemu",
): GuestSpec => ({
  vmid,
  type,
  node,
  status,
  name: `${type}-${vmid}`,
  cores: 2,
  memoryMiB: 2048,
  diskGiB: 16,
  tags: ["depin"],
});

export interface RegisteredSimulator {
  sim: RunningSimulator;
  cluster: SimulatedCluster;
  clusterId: string;
  close(): Promise<void>;
}

export async function registerSimulatedCluster(name = `sim-${randomUUID().slice(0, 8)}`): Promise<RegisteredSimulator> {
  ensureSecretKey();
  const sim = await startSimulator(
    {
      seed: 11,
      clusters: [
        {
          name,
          nodes: ["pve1", "pve2", "pve3"].map((n) => ({ name: n, cores: 16, memoryGiB: 64, rootDiskGiB: 100 })),
          guests: [
            vm(100, "pve1", "running"),
            vm(101, "pve1", "stopped"),
            vm(102, "pve2", "stopped"),
            vm(103, "pve2", "running"),
            vm(200, "pve1", "stopped", "lxc"),
          ],
          roles: { Sovereign: [...SOVEREIGN_ROLE_PRIVILEGES] },
          tokens: [{ tokenId: TOKEN_ID, secret: TOKEN_SECRET, privsep: true, acl: [{ path: "/", role: "Sovereign" }] }],
        },
      ],
    },
    // 0.01: a 2 s start takes 20 ms.
    { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 20 },
  );
  const cluster = sim.cluster(name);
  const clusterId = randomUUID();
  await db.cluster.create({
    data: {
      id: clusterId,
      name,
      apiUrl: cluster.url,
      tokenId: TOKEN_ID,
      ...encryptSecret(clusterId, TOKEN_SECRET),
      fingerprint: cluster.fingerprint,
      health: "healthy",
      lastSyncAt: new Date(),
      siteName: name,
      role: "primary",
      tier: 1,
      latitude: 45.76,
      longitude: 4.84,
      country: "FR",
      electricityPricePerKwh: "0.2",
      currency: "EUR",
    },
  });
  await db.clusterNode.createMany({
    data: ["pve1", "pve2", "pve3"].map((n) => ({
      clusterId,
      name: n,
      status: "online" as const,
      maxcpu: 16,
      maxmem: 64 * 1024 ** 3,
    })),
  });
  await db.guest.createMany({
    data: cluster.guests().map((g) => ({
      clusterId,
      vmid: g.vmid,
      type: g.type,
      name: g.name,
      node: g.node,
      status: g.status,
      tags: g.tags,
    })),
  });
  return { sim, cluster, clusterId, close: () => sim.close() };
}

/** Polls the simulator until the task stops (it runs on a 0.01 time scale). */
export async function waitForSimTask(
  cluster: SimulatedCluster,
  upid: string,
  timeoutMs = 5_000,
): Promise<{ status: string; exitstatus?: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const task = cluster.tasks().find((t) => t.upid === upid);
    if (task?.status === "stopped") return task;
    if (Date.now() > until) throw new Error(`task ${upid} did not stop in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
