// A two-cluster simulated federation registered as the demo does, for the sync's tests: Paris
// (3 nodes, 40 guests) and Porto (2 nodes, 10 guests), under names unique to the test file.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { registerDemoFederation } from "@/lib/clusters/demo";
import { db } from "@/lib/db";
import { generateCluster, startSimulator, type RunningSimulator } from "@/lib/proxmox/simulator";
import type { SyncOptions } from "@/lib/sync/sync-cluster";

// Short timeouts and no retries: a down cluster fails in milliseconds, not seconds.
export const FAST: SyncOptions = { client: { timeoutMs: 2_000, retries: 0 } };

export interface SyncFederation {
  sim: RunningSimulator;
  nameA: string;
  nameB: string;
  /** The registered id of the cluster named `name`. */
  id(name: string): string;
  close(): Promise<void>;
}

export async function startSyncFederation(): Promise<SyncFederation> {
  const suffix = randomBytes(3).toString("hex");
  const nameA = `sync-a-${suffix}`;
  const nameB = `sync-b-${suffix}`;
  const certDir = await mkdtemp(path.join(tmpdir(), "sovereign-sync-"));
  const sim = await startSimulator(
    {
      seed: 11,
      clusters: [
        generateCluster({
          name: nameA,
          nodes: 3,
          guests: 40,
          seed: 11,
          site: { city: "Paris", role: "primary", tier: 1, lat: 48.85, lon: 2.35, country: "FR" },
        }),
        generateCluster({
          name: nameB,
          nodes: 2,
          guests: 10,
          seed: 12,
          site: { city: "Porto", role: "edge", tier: 3, lat: 41.15, lon: -8.62, country: "PT" },
        }),
      ],
    },
    { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 5, certDir },
  );
  const registered = await registerDemoFederation(db, sim);
  const ids: Record<string, string> = Object.fromEntries(registered.map((r) => [r.name, r.id]));
  return {
    sim,
    nameA,
    nameB,
    id(name) {
      const value = ids[name];
      if (!value) throw new Error(`no cluster ${name}`);
      return value;
    },
    async close() {
      await sim.close();
      await rm(certDir, { recursive: true, force: true });
    },
  };
}

/**
 * The federation for one test file: started before its first test, closed after its last. The
 * returned handle reads the started federation, so it may be captured at the top of the file.
 */
export function syncFederationPerFile(): SyncFederation {
  let fed: SyncFederation | undefined;
  beforeAll(async () => {
    fed = await startSyncFederation();
  });
  afterAll(async () => {
    await fed?.close();
  });
  const started = (): SyncFederation => {
    if (!fed) throw new Error("the sync federation is not started yet");
    return fed;
  };
  return {
    get sim() {
      return started().sim;
    },
    get nameA() {
      return started().nameA;
    },
    get nameB() {
      return started().nameB;
    },
    id: (name) => started().id(name),
    close: () => started().close(),
  };
}
