// The registry in a real browser, at desktop and phone widths: an admin registers a simulated
// cluster by URL and token, confirms the fetched fingerprint, fills in the site, sees it listed
// and syncs it now. The simulator runs beside the test runner (`npm run sim` in a child process:
// Playwright's loader cannot import the simulator's JSON schema without an import attribute);
// the app reaches it over loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SOVEREIGN_ROLE_PRIVILEGES } from "../lib/proxmox/simulator/auth";
import type { FederationSpec } from "../lib/proxmox/simulator/spec";
import { expect, sql, test } from "./fixtures";
import { signInAs } from "./support";

interface SimCluster {
  name: string;
  url: string;
  fingerprint: string;
  controlUrl: string;
}

/** What the simulated cluster's API server received (its control endpoint). */
async function received(cluster: SimCluster): Promise<Array<{ path: string; hadAuthorization: boolean }>> {
  const res = await fetch(`${cluster.controlUrl}/requests`);
  return (await res.json()) as Array<{ path: string; hadAuthorization: boolean }>;
}

/** Starts `npm run sim` on a spec file and reads the clusters it prints as JSON. */
async function startSimProcess(
  spec: FederationSpec,
  dir: string,
): Promise<{ child: ChildProcess; clusters: SimCluster[] }> {
  const file = path.join(dir, "federation.json");
  await writeFile(file, JSON.stringify(spec));
  const cli = path.resolve(import.meta.dirname, "..", "lib/proxmox/simulator/cli.ts");
  const tsx = path.resolve(import.meta.dirname, "..", "node_modules/.bin/tsx");
  const child = spawn(
    tsx,
    [cli, "--file", file, "--ephemeral", "--json", "--time-scale", "0.05", "--cert-dir", path.join(dir, "certs")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  const clusters = await new Promise<SimCluster[]>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      try {
        resolve(JSON.parse(out) as SimCluster[]);
      } catch {
        // Not the whole JSON document yet.
      }
    });
  });
  return { child, clusters };
}

const GOOD = { tokenId: "sovereign@pve!console", secret: "5d0c1b2a-3e4f-4a5b-9c6d-7e8f9a0b1c2d" };
const WEAK = { tokenId: "watcher@pve!ro", secret: "0e1d2c3b-4a59-4687-8766-554433221100" };

let sim: { child: ChildProcess; clusters: SimCluster[] };
let name: string;
let dir: string;

test.beforeAll(async ({}, testInfo) => {
  name = `reg-${testInfo.project.name}-${randomUUID().slice(0, 6)}`;
  dir = await mkdtemp(path.join(tmpdir(), "sovereign-e2e-reg-"));
  sim = await startSimProcess(
    {
      seed: 9,
      clusters: [
        {
          name,
          nodes: ["pve1", "pve2"].map((n) => ({ name: n, cores: 8, memoryGiB: 32, rootDiskGiB: 100 })),
          guests: [{ count: 12, startVmid: 100 }],
          roles: { Sovereign: [...SOVEREIGN_ROLE_PRIVILEGES] },
          tokens: [
            { tokenId: GOOD.tokenId, secret: GOOD.secret, privsep: true, acl: [{ path: "/", role: "Sovereign" }] },
            { tokenId: WEAK.tokenId, secret: WEAK.secret, privsep: true, acl: [{ path: "/", role: "PVEAuditor" }] },
          ],
        },
      ],
    },
    dir,
  );
});

test.afterAll(async () => {
  await sql(`DELETE FROM "Cluster" WHERE name = $1`, [name]);
  sim?.child.kill("SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

test("an admin registers a cluster after confirming its fingerprint, then syncs it", async ({ page }) => {
  const cluster = sim.clusters.find((c) => c.name === name);
  if (!cluster) throw new Error("simulated cluster missing");
  await signInAs(page, "admin");
  await page.goto("/clusters");
  await page.getByRole("link", { name: "Register a cluster" }).click();
  await expect(page).toHaveURL(/\/clusters\/new$/);

  // Step one: the certificate, fetched without credentials, shown for comparison.
  await fetch(`${cluster.controlUrl}/requests`, { method: "DELETE" });
  await page.getByLabel("API URL").fill(cluster.url);
  await page.getByRole("button", { name: "Fetch certificate" }).click();
  await expect(page.getByTestId("fingerprint")).toHaveText(cluster.fingerprint);
  // Proxmox's own CA: CA verification is not offered, the certificate must be pinned.
  await expect(page.getByRole("radio", { name: /Verified by a certificate authority/ })).toBeDisabled();
  await expect(page.getByLabel("Token id")).toHaveCount(0);
  // Before confirmation the cluster has seen no Authorization header (no request at all).
  expect((await received(cluster)).filter((r) => r.hadAuthorization)).toEqual([]);
  const confirm = page.getByRole("button", { name: "Confirm certificate" });
  await expect(confirm).toBeDisabled();
  await page.getByLabel(/I compared the fingerprint/).check();
  await confirm.click();

  // A read-only token first: the page says what it lacks and how to fix it.
  await page.getByLabel("Token id").fill(WEAK.tokenId);
  await page.getByLabel("Token secret").fill(WEAK.secret);
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByTestId("missing-privileges")).toContainText("VM.PowerMgmt on /vms");
  await expect(page.getByLabel("Commands")).toContainText("pveum role add Sovereign");
  // Only now, after confirmation, did the token reach the cluster.
  expect((await received(cluster)).some((r) => r.hadAuthorization)).toBe(true);

  // The right token: everything granted.
  await page.getByLabel("Token id").fill(GOOD.tokenId);
  await page.getByLabel("Token secret").fill(GOOD.secret);
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByTestId("connection-ok")).toContainText("2 nodes");
  await expect(page.getByTestId("missing-privileges")).toHaveCount(0);

  const register = page.getByRole("button", { name: "Register cluster" });
  await page.getByLabel("Cluster name").fill(name);
  await page.getByLabel("Site name").fill("Vienna");
  await page.getByLabel("Role", { exact: true }).selectOption("remote");
  await page.getByLabel("Tier", { exact: true }).selectOption("2");
  await page.getByLabel("Latitude").fill("48.2082");
  await page.getByLabel("Longitude").fill("16.3738");
  await page.getByLabel("Country").fill("AT");
  await page.getByLabel("Power grid").fill("APG (AT)");
  await page.getByLabel("Electricity price per kWh").fill("0.24");
  await register.click();

  await expect(page).toHaveURL(/\/clusters$/);
  const row = page.getByTestId(`cluster-${name}`);
  await expect(row).toContainText("Vienna, AT");
  await expect(row.getByTestId("sync-status")).toBeVisible();
  await row.getByRole("button", { name: `Sync ${name} now` }).click();
  await expect(row).toContainText("12 guests");
  await expect(row).toContainText("healthy");

  const stored = await sql<{ fingerprint: string; ciphertext: string; trustMode: string }>(
    `SELECT fingerprint, "tokenSecretCiphertext" AS ciphertext, "trustMode" AS "trustMode" FROM "Cluster" WHERE name = $1`,
    [name],
  );
  expect(stored[0]?.fingerprint).toBe(cluster.fingerprint);
  expect(stored[0]?.trustMode).toBe("pinned");
  expect(stored[0]?.ciphertext).not.toContain(GOOD.secret);
  // The secret never comes back to the browser.
  expect(await page.content()).not.toContain(GOOD.secret);
});
