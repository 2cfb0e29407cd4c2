// The planner at desktop and phone on demo-like data: the demo's sites as synced clusters, its
// named guests, its workloads (lib/placement/demo/workloads.ts) and reward rates, inserted by SQL
// as the registry, a sync and the demo seed would leave them. The planner shows moves on the map
// and as a list, recomputes under a what-if, and an operator saves the plan.
import { DEMO_PLACEMENT_SITES, DEMO_REWARD_RATES, DEMO_WORKLOADS } from "../lib/placement/demo/workloads";
import { expect, sql, test, type Page } from "./fixtures";
import { demo } from "./demo-federation";
import { signInAs } from "./support";

const GiB = 1024 ** 3;

async function seedDemoPlacement(): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const c of demo.clusters) {
    const placement = DEMO_PLACEMENT_SITES[c.name];
    const [row] = await sql<{ id: string }>(
      `INSERT INTO "Cluster" (id, name, "apiUrl", "tokenId", "tokenSecretCiphertext", "tokenSecretIv", "tokenSecretTag", "tokenSecretKeyId", fingerprint,
         health, "lastSyncAt", "siteName", role, tier, latitude, longitude, country, region, "electricityPricePerKwh", currency, "gpuCount", "wattsPerVcpu", "wattsPerGpu", "latencyBaseMs", maintenance, "syncIntervalSeconds", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'https://127.0.0.1:1', 'sovereign@pve!console', 'x', 'x', 'x', 'e2e', 'AA:BB',
         'healthy', now(), $2, $3::"SiteRole", $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, false, 3600, now())
       ON CONFLICT (name) DO UPDATE SET health = 'healthy', "lastSyncAt" = now(), maintenance = false, "syncIntervalSeconds" = 3600, "gpuCount" = EXCLUDED."gpuCount",
         "wattsPerVcpu" = EXCLUDED."wattsPerVcpu", "wattsPerGpu" = EXCLUDED."wattsPerGpu", "latencyBaseMs" = EXCLUDED."latencyBaseMs", "electricityPricePerKwh" = EXCLUDED."electricityPricePerKwh", currency = EXCLUDED.currency
       RETURNING id`,
      [
        c.name,
        c.site.city,
        c.site.role.replaceAll("-", "_"),
        c.site.tier,
        c.site.lat,
        c.site.lon,
        c.site.country,
        c.site.region ?? null,
        c.site.electricityPricePerKwh,
        c.site.currency,
        placement?.gpuCount ?? 0,
        placement?.wattsPerVcpu ?? null,
        placement?.wattsPerGpu ?? null,
        placement?.latencyBaseMs ?? null,
      ],
    );
    if (!row) throw new Error(`cluster ${c.name} not seeded`);
    ids[c.name] = row.id;
    await sql(`DELETE FROM "ClusterNode" WHERE "clusterId" = $1`, [row.id]);
    await sql(`DELETE FROM "Storage" WHERE "clusterId" = $1`, [row.id]);
    await sql(`DELETE FROM "Guest" WHERE "clusterId" = $1`, [row.id]);
    for (const n of c.nodes) {
      await sql(
        `INSERT INTO "ClusterNode" (id, "clusterId", name, status, maxcpu, maxmem, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'online', $3, $4, now())`,
        [row.id, n.name, n.cores, n.memoryGiB * GiB],
      );
      await sql(
        `INSERT INTO "Storage" (id, "clusterId", node, storage, content, status, maxdisk, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'local-lvm', '{images,rootdir}', 'available', $3, now())`,
        [row.id, n.name, 4000 * GiB],
      );
    }
    for (const g of c.guests) {
      if (g.vmid === undefined) continue;
      await sql(
        `INSERT INTO "Guest" (id, "clusterId", vmid, type, name, node, status, tags, maxcpu, maxmem, maxdisk, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3::"GuestType", $4, $5, $6::"GuestStatus", $7, $8, $9, $10, now())`,
        [
          row.id,
          g.vmid,
          g.type ?? "qemu",
          g.name ?? `guest-${g.vmid}`,
          g.node ?? c.nodes[0]?.name ?? "pve1",
          g.status ?? "running",
          g.tags ?? [],
          g.cores ?? 1,
          (g.memoryMiB ?? 1024) * 1024 ** 2,
          (g.diskGiB ?? 8) * GiB,
        ],
      );
    }
  }
  await sql(
    `INSERT INTO "TokenPrice" (symbol, day, usd) VALUES ('EUR', current_date, 1.08), ('PLN', current_date, 0.25) ON CONFLICT DO NOTHING`,
  );
  await sql(`DELETE FROM "Workload"`);
  for (const w of DEMO_WORKLOADS) {
    await sql(
      `INSERT INTO "Workload" (id, name, "networkId", service, tag, vcpu, "memoryMb", "diskGb", gpu, replicas, priority, "allowedCountries", "minSpreadKm", "distinctRegions", "latencyLatitude", "latencyLongitude", "maxLatencyMs", "updatedAt")
       VALUES ($1, $2, $3, $4::"WorkloadService", $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())`,
      [
        w.id,
        w.name,
        w.networkId,
        w.service,
        w.tag,
        w.vcpu,
        w.memoryMb,
        w.diskGb,
        w.gpu,
        w.replicas,
        w.priority,
        w.allowedCountries,
        w.minSpreadKm,
        w.distinctRegions,
        w.latency?.latitude ?? null,
        w.latency?.longitude ?? null,
        w.latency?.maxMs ?? null,
      ],
    );
    for (const g of w.guests)
      await sql(`INSERT INTO "WorkloadGuest" ("clusterId", vmid, "workloadId") VALUES ($1, $2, $3)`, [
        ids[g.cluster],
        g.vmid,
        w.id,
      ]);
  }
  for (const r of DEMO_REWARD_RATES) {
    await sql(
      `INSERT INTO "RewardRate" (subject, region, "monthlyUsdPerReplica", "updatedAt") VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING`,
      [r.subject, r.region, r.monthlyUsdPerReplica],
    );
  }
  return ids;
}

async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test("with no workloads the planner says so and links admins to create one", async ({ page }) => {
  await sql(`DELETE FROM "Workload"`);
  await signInAs(page, "admin");
  await page.goto("/placement");
  await expect(page.getByTestId("placement-empty")).toContainText("No workloads yet");
  await page.getByRole("link", { name: "Create the first workload →" }).click();
  await expect(page).toHaveURL(/\/placement\/workloads\/new$/);
  await expect(page.getByLabel("Name", { exact: true })).toBeVisible();
});

test("the planner shows the demo federation's moves on the map and as a list, recomputes a what-if, and an operator saves the plan", async ({
  page,
}) => {
  const ids = await seedDemoPlacement();
  await signInAs(page, "operator");
  await page.goto("/placement");

  await expect(page.getByTestId("solver")).toContainText(/Exact|Heuristic/);
  const moves = page.getByTestId("move");
  await expect(moves.first()).toBeVisible();
  const bot = moves.filter({ hasText: "trading-bot-02" });
  await expect(bot).toContainText("porto-edge →");
  await expect(bot).toContainText("must leave");
  await expect(page.getByTestId("move-arrow").first()).toBeAttached();
  await expect(page.locator('[data-testid="move-arrow"][data-from="porto-edge"]')).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Current and proposed placement" })).toContainText("Trading bots");
  const before = await page.getByTestId("net-before").textContent();
  expect(before).toMatch(/\$/);
  await expectNoOverflow(page);

  // What if Paris were taken out: everything it runs has to move, and nothing goes there.
  await page.getByRole("checkbox", { name: "paris" }).check();
  await page.getByRole("button", { name: "Recompute" }).click();
  await expect(page).toHaveURL(new RegExp(`exclude=${ids.paris}`));
  await expect(page.getByText("Showing a what-if")).toBeVisible();
  await expect(page.locator('[data-testid="move-arrow"][data-from="paris"]').first()).toBeAttached();
  await expect(page.locator('[data-testid="move-arrow"][data-to="paris"]')).toHaveCount(0);
  await expect(moves.filter({ hasText: "helium-hotspot-01" })).toContainText("paris →");

  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page).toHaveURL(/\/placement\/plans\/[0-9a-f-]{36}$/);
  const planId = page.url().split("/").pop() ?? "";
  const [plan] = await sql<{ status: string; moves: number; whatIf: { excludedClusterIds: string[] } }>(
    `SELECT p.status, p."whatIf", (SELECT count(*)::int FROM "PlacementMove" m WHERE m."planId" = p.id) AS moves FROM "PlacementPlan" p WHERE p.id = $1`,
    [planId],
  );
  expect(plan?.status).toBe("draft");
  expect(plan?.moves).toBeGreaterThan(0);
  expect(plan?.whatIf.excludedClusterIds).toEqual([ids.paris]);
});

test("a viewer reads the plan but cannot save it or manage workloads", async ({ page }) => {
  await seedDemoPlacement();
  await signInAs(page, "viewer");
  await page.goto("/placement");
  await expect(page.getByTestId("move").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save plan" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Reward rates" })).toHaveCount(0);
  await page.getByRole("link", { name: "Workloads" }).click();
  await expect(page.getByRole("list", { name: "Workloads" })).toContainText("Helium hotspots");
  await expect(page.getByRole("link", { name: "New workload" })).toHaveCount(0);
  // Refused on the server as if it did not exist (the status is already sent while streaming).
  await page.goto("/placement/workloads/new");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create workload" })).toHaveCount(0);
});

test("an admin creates a workload, assigns a guest to it and sets a reward rate", async ({ page }, testInfo) => {
  await seedDemoPlacement();
  const name = `iotex ${testInfo.project.name} ${Date.now()}`;
  await signInAs(page, "admin");
  await page.goto("/placement/workloads/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Earns from").selectOption("network:iotex");
  await page.getByLabel("Replicas", { exact: true }).fill("2");
  await page.getByLabel("Allowed countries").fill("FRA");
  await page.getByRole("button", { name: "Create workload" }).click();
  await expect(page.getByText("Use two-letter country codes")).toBeVisible();
  await page.getByLabel("Allowed countries").fill("fr, pt");
  await page.getByRole("button", { name: "Create workload" }).click();
  await expect(page).toHaveURL(/\/placement\/workloads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByLabel("Search guests to assign").fill("iotex-node");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("checkbox", { name: /iotex-node-01/ }).check();
  await page.getByRole("button", { name: "Assign selected" }).click();
  await expect(page.getByRole("list", { name: "Guests of this workload" })).toContainText("iotex-node-01");

  await page.goto("/placement/rates");
  await page.getByLabel("Network or service").selectOption("network:iotex");
  await page.getByLabel("Region").fill("PT");
  await page.getByLabel("USD a month per replica").fill("75");
  await page.getByRole("button", { name: "Save rate" }).click();
  await expect(page.getByRole("table", { name: "Reward rates" })).toContainText("PT");
  await expectNoOverflow(page);
});
