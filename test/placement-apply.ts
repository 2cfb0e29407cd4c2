// Integration-test support for applying plans: a simulated federation of three clusters over
// real HTTPS — "src" with guests, "dst" an empty target, "weak" a target whose migration token
// lacks Sys.Incoming (its migrations fail inside the task, as on real PVE) — registered as the
// registry would (encrypted console and migration tokens, pinned fingerprints) and synced by the
// real sync. Plans are
// written as savePlan leaves them: a draft with pending moves.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { encryptMigrationToken } from "@/lib/clusters/migration-token";
import { encryptSecret } from "@/lib/clusters/secrets";
import { db } from "@/lib/db";
import { ensureSecretKey, vm } from "@/test/guest-actions";
import {
  migrationToken,
  SOVEREIGN_ROLE_PRIVILEGES,
  startSimulator,
  type GuestSpec,
  type TokenSpec,
  type RunningSimulator,
  type SimulatedCluster,
} from "@/lib/proxmox/simulator";
import { syncClusters } from "@/lib/sync/federation";

const TOKEN_ID = "sovereign@pve!console";
const SECRETS = {
  src: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
  dst: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
  weak: "3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d7e",
};

export interface SimCluster {
  id: string;
  name: string;
  sim: SimulatedCluster;
}

export interface PlacementFederation {
  sim: RunningSimulator;
  src: SimCluster;
  dst: SimCluster;
  weak: SimCluster;
  secrets: typeof SECRETS;
  /** Each cluster's migration token (the one remote migrations into it use). */
  migrationTokens: Record<keyof typeof SECRETS, TokenSpec>;
  close(): Promise<void>;
}

export async function startPlacementFederation(): Promise<PlacementFederation> {
  ensureSecretKey();
  const suffix = randomUUID().slice(0, 6);
  const names = { src: `src-${suffix}`, dst: `dst-${suffix}`, weak: `weak-${suffix}` };
  const migrationTokens = {
    src: migrationToken(names.src, 21),
    dst: migrationToken(names.dst, 21),
    weak: withoutIncoming(migrationToken(names.weak, 21)),
  };
  const cluster = (key: keyof typeof SECRETS, nodes: string[], guests: GuestSpec[], privileges: readonly string[]) => ({
    name: names[key],
    nodes: nodes.map((n) => ({ name: n, cores: 16, memoryGiB: 64, rootDiskGiB: 100 })),
    guests,
    roles: { Sovereign: [...privileges] },
    tokens: [
      { tokenId: TOKEN_ID, secret: SECRETS[key], privsep: true, acl: [{ path: "/", role: "Sovereign" }] },
      migrationTokens[key],
    ],
  });
  const sim = await startSimulator(
    {
      seed: 21,
      clusters: [
        cluster(
          "src",
          ["pve1", "pve2"],
          [
            vm(100, "pve1", "running"),
            vm(101, "pve1", "stopped"),
            vm(102, "pve2", "running"),
            vm(103, "pve2", "stopped"),
            vm(200, "pve1", "running", "lxc"),
          ],
          SOVEREIGN_ROLE_PRIVILEGES,
        ),
        // The target already runs 100 and 101: a moved guest needs another vmid there.
        cluster("dst", ["d1", "d2"], [vm(100, "d1", "running"), vm(101, "d2", "stopped")], SOVEREIGN_ROLE_PRIVILEGES),
        cluster(
          "weak",
          ["w1"],
          [],
          SOVEREIGN_ROLE_PRIVILEGES.filter((p) => p !== "Sys.Incoming"),
        ),
      ],
    },
    // 0.01: a remote migration of ~8 s takes ~100 ms.
    { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 20 },
  );
  const register = async (key: keyof typeof SECRETS, lat: number, country: string): Promise<SimCluster> => {
    const s = sim.cluster(names[key]);
    const id = randomUUID();
    await db.cluster.create({
      data: {
        id,
        name: s.name,
        apiUrl: s.url,
        tokenId: TOKEN_ID,
        ...encryptSecret(id, SECRETS[key]),
        ...encryptMigrationToken(id, migrationTokens[key].tokenId, migrationTokens[key].secret),
        fingerprint: s.fingerprint,
        siteName: `Site ${key}`,
        role: key === "src" ? "primary" : "edge",
        tier: key === "src" ? 1 : 2,
        latitude: lat,
        longitude: 5,
        country,
        electricityPricePerKwh: "0.2",
        currency: "EUR",
      },
    });
    return { id, name: s.name, sim: s };
  };
  const fed = {
    src: await register("src", 45, "FR"),
    dst: await register("dst", 50, "DE"),
    weak: await register("weak", 52, "NL"),
  };
  await syncClusters([fed.src.id, fed.dst.id, fed.weak.id], { client: { timeoutMs: 5_000, retries: 0 } });
  return {
    sim,
    ...fed,
    secrets: SECRETS,
    migrationTokens,
    close: async () => {
      await db.cluster.deleteMany({ where: { id: { in: [fed.src.id, fed.dst.id, fed.weak.id] } } });
      await sim.close();
    },
  };
}

/** The migration grants without Sys.Incoming: the target's tunnel refuses it, as on real PVE. */
function withoutIncoming(token: TokenSpec): TokenSpec {
  const acl = (token.acl ?? []).map((e) =>
    e.path === "/" ? { ...e, privileges: (e.privileges ?? []).filter((p) => p !== "Sys.Incoming") } : e,
  );
  return { ...token, acl, userAcl: acl };
}

export interface TestMove {
  from: SimCluster;
  to: SimCluster;
  vmid: number;
  type?: "qemu" | "lxc";
  phase?: number;
  workloadId?: string;
}

/** A draft plan with these moves, as the planner's savePlan writes it. */
export async function createPlan(
  createdById: string,
  moves: TestMove[],
): Promise<{ planId: string; moveIds: string[] }> {
  const plan = await db.placementPlan.create({
    data: {
      createdById,
      solver: "exact",
      objective: 100,
      netBeforeUsd: new Prisma.Decimal(120),
      netAfterUsd: new Prisma.Decimal(180),
      moves: {
        create: moves.map((m, position) => ({
          position,
          phase: m.phase ?? 1,
          workloadId: m.workloadId ?? null,
          sourceClusterId: m.from.id,
          sourceName: m.from.name,
          vmid: m.vmid,
          guestType: m.type ?? "qemu",
          guestName: `${m.type ?? "qemu"}-${m.vmid}`,
          targetClusterId: m.to.id,
          targetName: m.to.name,
          gainMonthlyUsd: new Prisma.Decimal(20),
          reason: {
            text: `${m.to.name} earns more per replica`,
            forced: false,
            from: { revenueUsd: 30, powerCostUsd: 12, netUsd: 18, revenueSource: "rate-table" },
            to: { revenueUsd: 50, powerCostUsd: 12, netUsd: 38, revenueSource: "ledger-cluster" },
            ruledOut: [],
          },
        })),
      },
    },
    select: { id: true, moves: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return { planId: plan.id, moveIds: plan.moves.map((m) => m.id) };
}

/** Polls until the condition holds (tasks run on the simulator's clock). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
