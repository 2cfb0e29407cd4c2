import { expect, sql, test } from "./fixtures";
import { seedSimulatedCluster, type SeededCluster } from "./sim-cluster";
import { signInAs } from "./support";

let seeded: SeededCluster;
test.beforeAll(async ({}, testInfo) => {
  seeded = await seedSimulatedCluster(`ovw-${testInfo.project.name}`);
});
test.afterAll(async () => {
  await seeded?.close();
});

test("the overview shows every registered cluster with its staleness, and the federation totals", async ({ page }) => {
  await signInAs(page, "viewer");
  await expect(page.getByRole("heading", { name: "Federation overview" })).toBeVisible();
  const card = page.getByTestId(`cluster-card-${seeded.name}`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId("sync-line")).toContainText(/synced \d+\s(s|min) ago/);
  await expect(card).toContainText("3 of 3");
  await expect(card).toContainText("healthy");

  // Totals are sums over every cluster: at least what this spec registered.
  const clusters = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Cluster"`);
  await expect(page.getByTestId("total-clusters")).toContainText(`of ${clusters[0]?.n ?? 0}`);
  const guests = await sql<{ running: number; total: number }>(
    `SELECT count(*) FILTER (WHERE status = 'running')::int AS running, count(*)::int AS total FROM "Guest" WHERE NOT template`,
  );
  await expect(page.getByTestId("total-guests")).toContainText(`${guests[0]?.running} of ${guests[0]?.total}`);
  await expect(page.getByTestId("total-usage").getByRole("meter", { name: "CPU" })).toBeVisible();
});

test("the overview updates without a reload when a cluster goes down", async ({ page }) => {
  await signInAs(page, "viewer");
  const card = page.getByTestId(`cluster-card-${seeded.name}`);
  await expect(card).toContainText("healthy");
  await sql(
    `UPDATE "Cluster" SET health = 'down', "lastSyncAt" = now() - interval '5 minutes', "lastErrorAt" = now(),
       "lastErrorKind" = 'unreachable', "lastErrorMessage" = 'connection refused' WHERE id = $1`,
    [seeded.id],
  );
  try {
    await expect(card.getByTestId("sync-line")).toContainText(
      "stale: last sync 5 min ago, unreachable: connection refused",
      { timeout: 15_000 },
    );
    await expect(card).toContainText("down");
    await expect(page.getByTestId("problems")).toContainText(seeded.name);
  } finally {
    await sql(
      `UPDATE "Cluster" SET health = 'healthy', "lastSyncAt" = now(), "lastErrorAt" = NULL, "lastErrorKind" = NULL, "lastErrorMessage" = NULL WHERE id = $1`,
      [seeded.id],
    );
  }
});
