// Removing a cluster archives it; purging it is a second, typed and audited step (issue 14, 11).
// The cluster is inserted by SQL with a day of revenue and an electricity cost: it is never
// reached, only removed, so it needs no simulator.
import { randomUUID } from "node:crypto";
import { expect, sql, test } from "./fixtures";
import { signInAs } from "./support";

test("an admin removes a cluster (archived, books kept), then purges it with a typed confirmation", async ({
  page,
}, testInfo) => {
  const id = randomUUID();
  const name = `arch-${testInfo.project.name}-${id.slice(0, 6)}`;
  await sql(
    `INSERT INTO "Cluster" (id, name, "apiUrl", "tokenId", "tokenSecretCiphertext", "tokenSecretIv", "tokenSecretTag",
       "tokenSecretKeyId", fingerprint, "siteName", role, tier, latitude, longitude, country, "electricityPricePerKwh",
       currency, enabled, "updatedAt")
     VALUES ($1, $2, $3, 'x@pve!t', 'AA==', 'AA==', 'AA==', 'none', 'AA:BB', $2, 'edge', 2, 48.8, 2.3, 'FR', 0.2,
       'EUR', false, now())`,
    [id, name, `https://${name}.invalid:8006`],
  );
  await sql(
    `INSERT INTO "RevenueDaily" ("clusterId", "networkId", day, entries, "revenueUsd") VALUES ($1, 'federation-rewards', '2026-05-01', 1, 12)`,
    [id],
  );
  await sql(`INSERT INTO "ElectricityCost" ("clusterId", day, amount) VALUES ($1, '2026-05-01', 3)`, [id]);

  await signInAs(page, "admin");
  await page.goto(`/clusters/${id}/settings`);
  await page.getByLabel(`Type "${name}" to confirm`).fill(name);
  await page.getByRole("button", { name: "Remove cluster" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/\/clusters$/);

  const archived = page.getByTestId("archived-cluster").filter({ hasText: name });
  await expect(archived).toContainText("1 revenue days, 1 electricity costs");
  expect(await sql(`SELECT 1 FROM "RevenueDaily" WHERE "clusterId" = $1`, [id])).toHaveLength(1);
  await page.goto(`/clusters/${id}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await page.goto("/clusters");
  const purgeButton = archived.getByRole("button", { name: "Purge cluster" });
  await expect(purgeButton).toBeDisabled();
  await archived.getByLabel(`Type "purge ${name}" to purge it`).fill(`purge ${name}`);
  await archived.getByRole("button", { name: "Purge cluster" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Purge for good" }).click();
  await expect(page.getByText(`${name} purged.`)).toBeVisible();

  expect(await sql(`SELECT 1 FROM "Cluster" WHERE id = $1`, [id])).toHaveLength(0);
  expect(await sql(`SELECT 1 FROM "RevenueDaily" WHERE "clusterId" = $1`, [id])).toHaveLength(0);
  expect(
    await sql(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1 ORDER BY seq`, [id]).then((rows) =>
      rows.map((r) => r.action),
    ),
  ).toEqual(["cluster.archived", "cluster.purged"]);
});
