// A simulated cluster for the overview and cluster specs, registered in the app's database by SQL
// the way the registry and a sync would leave it: an encrypted token (SOVEREIGN_SECRET_KEY, which
// the app inherits from the runner), its pinned fingerprint, nodes, guests, a storage and a day of
// history. The simulator runs as `npm run sim` in a child process: its schema JSON cannot be
// imported by Playwright's loader.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encryptSecret, keyring } from "../lib/clusters/secrets";
import { encryptMigrationToken } from "../lib/clusters/migration-token";
import { ProxmoxClient, getGuestStatus, listNodeTasks } from "../lib/proxmox";
import type { GuestSpec } from "../lib/proxmox/simulator/spec";
import { sql } from "./fixtures";

const TOKEN_ID = "root@pam!e2e";
const TOKEN_SECRET = "8a1d4c2e-9b3f-4e5a-8c7d-6e5f4a3b2c1d";
const GiB = 1024 ** 3;
const NODES = ["pve1", "pve2", "pve3"];

export interface SeededCluster {
  id: string;
  name: string;
  /** The guest's status as Proxmox (the simulator) has it now, not as the app synced it. */
  guestStatus(vmid: number, node: string): Promise<string>;
  /** How many tasks the node has run. */
  taskCount(node: string): Promise<number>;
  close(): Promise<void>;
}

export interface SimInfo {
  name: string;
  url: string;
  fingerprint: string;
}

const root = path.resolve(import.meta.dirname, "..");

/** Serves a federation file; resolves with every cluster's URL and fingerprint once it listens. */
export function startSimProcess(
  file: string,
  certDir: string,
  timeScale = 1,
): Promise<{ child: ChildProcess; infos: SimInfo[] }> {
  // Real task durations by default (a start takes 2 s): long enough to watch the progress, short for a test.
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    [
      "lib/proxmox/simulator/cli.ts",
      "--file",
      file,
      "--json",
      "--ephemeral",
      "--time-scale",
      String(timeScale),
      "--cert-dir",
      certDir,
    ],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      try {
        const infos = JSON.parse(out) as SimInfo[];
        if (infos.length > 0) resolve({ child, infos });
      } catch {
        // The JSON is still arriving.
      }
    });
  });
}

export interface ClusterRows {
  tokenId: string;
  tokenSecret: string;
  siteName: string;
  tier: number;
  latitude: number;
  longitude: number;
  country: string;
  electricityPrice: number;
  nodes: string[];
  guests: GuestSpec[];
  /** The token remote migrations into this cluster use, stored encrypted like the console token. */
  migrationToken?: { id: string; secret: string };
}

/**
 * The rows registering a simulated cluster and a sync of it would leave: the cluster with its
 * token encrypted under SOVEREIGN_SECRET_KEY and its pinned fingerprint, its online nodes, its guests.
 */
export async function insertClusterRows(id: string, info: SimInfo, rows: ClusterRows): Promise<void> {
  const secret = encryptSecret(id, rows.tokenSecret, keyring(process.env.SOVEREIGN_SECRET_KEY));
  await sql(
    `INSERT INTO "Cluster" (id, name, "apiUrl", "tokenId", "tokenSecretCiphertext", "tokenSecretIv", "tokenSecretTag", "tokenSecretKeyId", fingerprint,
       health, "lastSyncAt", quorate, "pveVersion", "siteName", role, tier, latitude, longitude, country, "electricityPricePerKwh", currency, "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'healthy', now(), true, '9.1.2', $10, 'edge', $11, $12, $13, $14, $15, 'EUR', now())`,
    [
      id,
      info.name,
      info.url,
      rows.tokenId,
      secret.tokenSecretCiphertext,
      secret.tokenSecretIv,
      secret.tokenSecretTag,
      secret.tokenSecretKeyId,
      info.fingerprint,
      rows.siteName,
      rows.tier,
      rows.latitude,
      rows.longitude,
      rows.country,
      rows.electricityPrice,
    ],
  );
  if (rows.migrationToken) {
    const m = encryptMigrationToken(
      id,
      rows.migrationToken.id,
      rows.migrationToken.secret,
      keyring(process.env.SOVEREIGN_SECRET_KEY),
    );
    await sql(
      `UPDATE "Cluster" SET "migrationTokenId" = $2, "migrationTokenSecretCiphertext" = $3, "migrationTokenSecretIv" = $4,
         "migrationTokenSecretTag" = $5, "migrationTokenSecretKeyId" = $6 WHERE id = $1`,
      [
        id,
        m.migrationTokenId,
        m.migrationTokenSecretCiphertext,
        m.migrationTokenSecretIv,
        m.migrationTokenSecretTag,
        m.migrationTokenSecretKeyId,
      ],
    );
  }
  await sql(
    `INSERT INTO "ClusterNode" (id, "clusterId", name, status, cpu, maxcpu, mem, maxmem, uptime, "pveVersion", "updatedAt")
     SELECT gen_random_uuid(), $1, n, 'online', 0.2, 16, $2, $3, 86400, '9.1.2', now() FROM unnest($4::text[]) AS n`,
    [id, 16 * GiB, 64 * GiB, rows.nodes],
  );
  for (const g of rows.guests) {
    await sql(
      `INSERT INTO "Guest" (id, "clusterId", vmid, type, name, node, status, tags, maxcpu, maxmem, maxdisk, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        id,
        g.vmid,
        g.type,
        g.name,
        g.node,
        g.status ?? "stopped",
        g.tags ?? [],
        g.cores,
        g.memoryMiB * 1024 ** 2,
        g.diskGiB * GiB,
      ],
    );
  }
}

/** A seeded guest: VMIDs from 200 are containers. */
export const guest = (
  vmid: number,
  node: string,
  status: "running" | "stopped",
  name: string,
  tags: string[],
): GuestSpec => ({
  vmid,
  type: vmid >= 200 ? "lxc" : "qemu",
  node,
  status,
  name,
  tags,
  cores: 2,
  memoryMiB: 2048,
  diskGiB: 16,
});

/** Guests 100 and 103 run; 101 and 102 are stopped; 200–229 are containers to page and filter. */
export async function seedSimulatedCluster(label: string): Promise<SeededCluster> {
  if (!process.env.SOVEREIGN_SECRET_KEY)
    throw new Error("Run the e2e specs with SOVEREIGN_SECRET_KEY set: the app decrypts the seeded token with it");
  const name = `e2e-${label}-${randomUUID().slice(0, 6)}`;
  const guests: GuestSpec[] = [
    guest(100, "pve1", "running", "helium-miner", ["depin", "helium"]),
    guest(101, "pve1", "stopped", "render-worker", ["depin", "render"]),
    guest(102, "pve2", "stopped", "akash-provider", ["depin", "akash"]),
    guest(103, "pve2", "running", "filecoin-lotus", ["depin", "filecoin"]),
    ...Array.from({ length: 30 }, (_, i) =>
      guest(200 + i, NODES[i % 3] ?? "pve1", i % 2 ? "running" : "stopped", `edge-ct-${String(i).padStart(2, "0")}`, [
        "edge",
      ]),
    ),
  ];
  const dir = mkdtempSync(path.join(tmpdir(), "sovereign-e2e-sim-"));
  const file = path.join(dir, "federation.json");
  writeFileSync(
    file,
    JSON.stringify({
      seed: 5,
      clusters: [
        {
          name,
          nodes: NODES.map((n) => ({ name: n, cores: 16, memoryGiB: 64, rootDiskGiB: 100 })),
          guests,
          tokens: [{ tokenId: TOKEN_ID, secret: TOKEN_SECRET, privsep: false }],
        },
      ],
    }),
  );
  const { child, infos } = await startSimProcess(file, path.join(dir, "certs"));
  const cluster = infos[0];
  if (!cluster) throw new Error("the simulator listed no cluster");
  const client = new ProxmoxClient({
    url: cluster.url,
    token: { id: TOKEN_ID, secret: TOKEN_SECRET },
    fingerprint: cluster.fingerprint,
  });
  const id = randomUUID();
  await insertClusterRows(id, cluster, {
    tokenId: TOKEN_ID,
    tokenSecret: TOKEN_SECRET,
    siteName: `Site ${label}`,
    tier: 3,
    latitude: 48.2,
    longitude: 16.4,
    country: "AT",
    electricityPrice: 0.25,
    nodes: NODES,
    guests,
  });
  await sql(
    `INSERT INTO "Storage" (id, "clusterId", node, storage, shared, status, disk, maxdisk, content, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'pve1', 'ceph', true, 'available', $2, $3, '{images}', now())`,
    [id, 300 * GiB, 1000 * GiB],
  );
  await sql(
    `INSERT INTO "ClusterHistory" ("clusterId", at, health, "cpuUsed", "cpuTotal", "memUsed", "memTotal")
     SELECT $1, now() - make_interval(mins => m), 'healthy', 8 + (m % 7), 48, $2, $3 FROM generate_series(0, 1440, 15) AS m`,
    [id, 48 * GiB, 192 * GiB],
  );
  return {
    id,
    name,
    guestStatus: async (vmid, node) =>
      (await getGuestStatus(client, { node, kind: vmid >= 200 ? "lxc" : "qemu", vmid })).status,
    taskCount: async (node) => (await listNodeTasks(client, node, { source: "all", limit: 1000 })).length,
    close: async () => {
      client.close();
      await sql(`DELETE FROM "Cluster" WHERE id = $1`, [id]);
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
