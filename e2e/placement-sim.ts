// Two simulated clusters in ONE simulator process (remote_migrate hands guests over in-process),
// registered in the app's database by SQL as the registry and a sync would leave them, and
// draft placement plans over them as the planner's savePlan writes them.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrationToken } from "../lib/proxmox/simulator/generate";
import type { GuestSpec } from "../lib/proxmox/simulator/spec";
import { sql } from "./fixtures";
import { guest, insertClusterRows, startSimProcess, type SimInfo } from "./sim-cluster";

const TOKEN_ID = "root@pam!e2e";
const TOKEN_SECRET = "4c2e8a1d-3f9b-4e5a-9c7d-5e6f4a3b2c1e";
const GiB = 1024 ** 3;
const NODES = ["pve1", "pve2"];

export interface PlacementClusters {
  src: { id: string; name: string };
  dst: { id: string; name: string };
  /** A draft plan moving these guests of src (by vmid) to dst; returns its id. */
  plan(createdById: string, vmids: number[]): Promise<string>;
  close(): Promise<void>;
}

async function register(
  info: SimInfo,
  label: string,
  guests: GuestSpec[],
  site: { latitude: number; longitude: number; country: string },
): Promise<string> {
  const id = randomUUID();
  await insertClusterRows(id, info, {
    tokenId: TOKEN_ID,
    tokenSecret: TOKEN_SECRET,
    migrationToken: { id: migrationToken(info.name, 9).tokenId, secret: migrationToken(info.name, 9).secret },
    siteName: `Site ${label}`,
    tier: 2,
    electricityPrice: 0.2,
    nodes: NODES,
    guests,
    ...site,
  });
  // What the target's storages look like after a sync: room on every node for VM disks and CT volumes.
  await sql(
    `INSERT INTO "Storage" (id, "clusterId", node, storage, shared, status, disk, maxdisk, content, "updatedAt")
     SELECT gen_random_uuid(), $1, n, 'local-lvm', false, 'available', $2, $3, '{images,rootdir}', now() FROM unnest($4::text[]) AS n`,
    [id, 300 * GiB, 1800 * GiB, NODES],
  );
  return id;
}

export async function seedPlacementClusters(label: string): Promise<PlacementClusters> {
  if (!process.env.SOVEREIGN_SECRET_KEY)
    throw new Error("Run the e2e specs with SOVEREIGN_SECRET_KEY set: the app decrypts the seeded tokens with it");
  const suffix = randomUUID().slice(0, 6);
  const names = { src: `e2e-${label}-lyon-${suffix}`, dst: `e2e-${label}-oslo-${suffix}` };
  const srcGuests = [
    guest(100, "pve1", "running", "helium-miner", ["sov-helium"]),
    guest(101, "pve1", "stopped", "render-worker", ["sov-render"]),
    guest(102, "pve2", "running", "filecoin-lotus", ["sov-filecoin"]),
  ];
  const dstGuests = [guest(100, "pve1", "running", "akash-provider", ["sov-akash"])];
  const dir = mkdtempSync(path.join(tmpdir(), "sovereign-e2e-placement-"));
  const file = path.join(dir, "federation.json");
  const cluster = (name: string, guests: GuestSpec[]) => ({
    name,
    nodes: NODES.map((n) => ({ name: n, cores: 16, memoryGiB: 64, rootDiskGiB: 100 })),
    guests,
    // Migrations into a cluster use its migration token (exactly the migration grants).
    tokens: [{ tokenId: TOKEN_ID, secret: TOKEN_SECRET, privsep: false }, migrationToken(name, 9)],
  });
  writeFileSync(
    file,
    JSON.stringify({ seed: 9, clusters: [cluster(names.src, srcGuests), cluster(names.dst, dstGuests)] }),
  );
  // 0.2: a live migration of a 16 GiB, 2 GiB-RAM VM takes about 4 s — long enough to watch.
  const { child, infos } = await startSimProcess(file, path.join(dir, "certs"), 0.2);
  const info = (name: string) =>
    infos.find((i) => i.name === name) ??
    (() => {
      throw new Error(`the simulator did not list ${name}`);
    })();
  const src = {
    id: await register(info(names.src), "Lyon", srcGuests, { latitude: 45.76, longitude: 4.84, country: "FR" }),
    name: names.src,
  };
  const dst = {
    id: await register(info(names.dst), "Oslo", dstGuests, { latitude: 59.91, longitude: 10.75, country: "NO" }),
    name: names.dst,
  };

  return {
    src,
    dst,
    async plan(createdById, vmids) {
      const planId = randomUUID();
      await sql(
        `INSERT INTO "PlacementPlan" (id, "createdById", solver, objective, "netBeforeUsd", "netAfterUsd", "updatedAt") VALUES ($1, $2, 'exact', 412.5, 310, 395.4, now())`,
        [planId, createdById],
      );
      for (const [position, vmid] of vmids.entries()) {
        const g = srcGuests.find((x) => x.vmid === vmid);
        const reason = {
          text: `${dst.name} has hydro power at half the price and room for it`,
          forced: false,
          from: { revenueUsd: 61.2, powerCostUsd: 19.8, netUsd: 41.4, revenueSource: "ledger-cluster" },
          to: { revenueUsd: 63, powerCostUsd: 7.2, netUsd: 55.8, revenueSource: "ledger-region" },
          ruledOut: [
            { clusterId: randomUUID(), reasons: ["residency"], detail: "outside the allowed countries (FR, NO)" },
          ],
        };
        await sql(
          `INSERT INTO "PlacementMove" (id, "planId", position, phase, "sourceClusterId", "sourceName", vmid, "guestType", "guestName", "targetClusterId", "targetName", "gainMonthlyUsd", reason)
           VALUES (gen_random_uuid(), $1, $2, 1, $3, $4, $5, 'qemu', $6, $7, $8, 14.4, $9)`,
          [
            planId,
            position + 1,
            src.id,
            src.name,
            vmid,
            g?.name ?? `guest ${vmid}`,
            dst.id,
            dst.name,
            JSON.stringify(reason),
          ],
        );
      }
      return planId;
    },
    async close() {
      await sql(
        `DELETE FROM "PlacementPlan" WHERE id IN (SELECT "planId" FROM "PlacementMove" WHERE "sourceClusterId" = $1)`,
        [src.id],
      );
      await sql(`DELETE FROM "Cluster" WHERE id = ANY($1::uuid[])`, [[src.id, dst.id]]);
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
