// Test support (not used by the client): two simulated clusters for the client tests —
// "alpha" (3 nodes, known guests, an HA VM, a full and an auditor token) and "beta" (an empty
// remote-migration target) — plus clients that log every request so tests can check the log
// never carries a secret.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { ProxmoxClient, type ProxmoxClientOptions, type RequestLogEntry } from "@/lib/proxmox/client";
import { ProxmoxError } from "@/lib/proxmox/errors";
import {
  SOVEREIGN_ROLE_PRIVILEGES,
  migrationToken,
  startSimulator,
  type ClusterSpec,
  type GuestSpec,
  type RunningSimulator,
  type SimulatedCluster,
} from "@/lib/proxmox/simulator";

export const SOVEREIGN = "sovereign@pve!console";
export const AUDITOR = "audit@pve!ro";
export const secrets = {
  alpha: "0b6c1f0e-6a55-4a43-9d1e-3c2f9b8a7d61",
  alphaAudit: "7e1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b",
  beta: "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
};

function clusterSpec(name: string, nodes: string[], secret: string, guests: GuestSpec[]): ClusterSpec {
  return {
    name,
    nodes: nodes.map((n, i) => ({ name: n, cores: 16, memoryGiB: 64, rootDiskGiB: 100, ip: `10.9.${i}.1` })),
    guests,
    roles: { Sovereign: [...SOVEREIGN_ROLE_PRIVILEGES] },
    tokens: [
      { tokenId: SOVEREIGN, secret, privsep: true, acl: [{ path: "/", role: "Sovereign" }] },
      { tokenId: AUDITOR, secret: secrets.alphaAudit, privsep: true, acl: [{ path: "/", role: "PVEAuditor" }] },
    ],
  };
}

function vm(vmid: number, node: string, status: "running" | "stopped", type: "qemu" | "lxc" = "qemu"): GuestSpec {
  return { vmid, type, node, status, name: `${type}-${vmid}`, cores: 2, memoryMiB: 2048, diskGiB: 16, tags: ["depin"] };
}

export interface Fixture {
  sim: RunningSimulator;
  alpha: SimulatedCluster;
  beta: SimulatedCluster;
  /** Every request any fixture client made (no credentials by construction). */
  log: RequestLogEntry[];
  connect(cluster: SimulatedCluster, opts?: Partial<ProxmoxClientOptions>): ProxmoxClient;
  close(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const alphaSpec = clusterSpec("alpha", ["pve1", "pve2", "pve3"], secrets.alpha, [
    vm(100, "pve1", "running"),
    vm(101, "pve1", "stopped"),
    vm(102, "pve2", "stopped"),
    vm(103, "pve2", "running"),
    vm(110, "pve1", "running"),
    vm(120, "pve3", "running"),
    vm(200, "pve2", "running", "lxc"),
  ]);
  alphaSpec.ha = [{ sid: "vm:110", state: "started" }];
  const betaSpec = clusterSpec("beta", ["b1", "b2"], secrets.beta, []);
  // Remote migrations into beta use its migration token, never its console token.
  betaSpec.tokens = [...(betaSpec.tokens ?? []), migrationToken("beta", 7)];
  // timeScale 0.01: a 2 s task takes 20 ms; 401s are delayed 20 ms instead of 3 s.
  const sim = await startSimulator(
    { seed: 7, clusters: [alphaSpec, betaSpec] },
    { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 20 },
  );
  const alpha = sim.cluster("alpha");
  const beta = sim.cluster("beta");
  const log: RequestLogEntry[] = [];
  const clients: ProxmoxClient[] = [];
  return {
    sim,
    alpha,
    beta,
    log,
    connect(cluster, opts = {}) {
      const client = new ProxmoxClient({
        url: cluster.url,
        token: { id: SOVEREIGN, secret: cluster === beta ? secrets.beta : secrets.alpha },
        fingerprint: cluster.fingerprint,
        retryBaseDelayMs: 20,
        onRequest: (e) => log.push(e),
        ...opts,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.close();
      await sim.close();
    },
  };
}

/** Awaits a promise that must reject with a ProxmoxError, and returns that error. */
export async function failure(p: Promise<unknown>): Promise<ProxmoxError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProxmoxError)) throw new Error(`expected a ProxmoxError, got ${inspect(err)}`);
  return err;
}

/**
 * Starts one fixture for the whole test file, resets alpha after each test, and on close checks
 * that no logged request, whatever the tests did, carried any of the secrets.
 */
export function fixturePerFile(onStart: (fx: Fixture) => void): void {
  let fx: Fixture | undefined;
  beforeAll(async () => {
    fx = await startFixture();
    onStart(fx);
  });
  afterEach(async () => {
    await fx?.alpha.reset();
  });
  afterAll(async () => {
    await fx?.close();
    const text = JSON.stringify(fx?.log);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });
}
