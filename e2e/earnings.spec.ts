// Earnings at desktop and phone: an operator uploads a CSV (preview, guessed columns, progress,
// per-row rejections, the import history), then the earnings page's totals, charts, table and
// export show the new revenue; a stopped import is resumed from the history.
// A cluster of its own per project, so the desktop and phone runs do not see each other's rows.
import { readFile } from "node:fs/promises";
import { expect, sql, test } from "./fixtures";
import { signInAs } from "./support";

async function createCluster(name: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO "Cluster" (id, name, "apiUrl", "tokenId", "tokenSecretCiphertext", "tokenSecretIv", "tokenSecretTag", "tokenSecretKeyId", fingerprint,
       "siteName", role, tier, latitude, longitude, country, "electricityPricePerKwh", currency, "wattsPerNode", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'https://127.0.0.1:1', 'sovereign@pve!console', 'x', 'x', 'x', 'e2e', 'AA:BB',
       $1, 'edge', 2, 48.8, 2.3, 'FR', 0.2, 'USD', 200, now())
     ON CONFLICT (name) DO UPDATE SET "updatedAt" = now() RETURNING id`,
    [name],
  );
  if (!row) throw new Error("cluster not created");
  return row.id;
}

test("an operator uploads a CSV and the earnings page changes", async ({ page }, testInfo) => {
  const name = `earn-${testInfo.project.name}-${Date.now()}`;
  const clusterId = await createCluster(name);
  const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const csv = [
    "\ufeffCluster,Network,Day,Tokens,TxID",
    `${name},federation-rewards,${day},400,${name}-1`,
    `${name},federation-rewards,${day},"250.5",${name}-2`,
    `${name},helium,${day},-3,${name}-3`,
    `${name},federation-rewards,${day},400,${name}-1`,
    "",
  ].join("\r\n");

  await signInAs(page, "operator");
  const period = `from=${day}&to=${day}&cluster=${clusterId}`;
  await page.goto(`/earnings?${period}`);
  await expect(page.getByText("No revenue in this period")).toBeVisible();

  await page.goto("/earnings/import");
  const fileName = `rewards-${name}.csv`;
  await page
    .getByTestId("csv-file")
    .setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByRole("table", { name: "Preview of the first rows" })).toContainText(`${name}-2`);
  await expect(page.getByLabel("Column for amount")).toHaveValue("Tokens");
  await page.getByRole("button", { name: `Import ${fileName}` }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("2 imported, 1 duplicates skipped, 1 rejected");
  await expect(page.getByRole("table", { name: "Rejected rows" })).toContainText("is negative");
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  // The import stays listed with its summary and its rejected rows.
  const past = page.getByTestId("past-import").filter({ hasText: fileName });
  await expect(past).toContainText("2 imported, 1 duplicates skipped, 1 rejected.");
  await past.getByText("Rejected rows").click();
  await expect(past).toContainText("line 4, amount: is negative");

  await page.goto(`/earnings?${period}`);
  await expect(page.getByTestId("total-revenue")).toContainText("650.50");
  await expect(page.getByRole("figure", { name: "Revenue by network over time" })).toBeVisible();
  await expect(page.getByTestId("tier-chart").first()).toContainText(name);
  await expect(page.getByRole("table", { name: "Earnings by cluster" })).toContainText(name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  // The export is the table as shown, unformatted.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const exported = await readFile(await (await download).path(), "utf8");
  expect(exported.split("\r\n")[0]).toBe(
    "cluster,tier,revenue_usd,electricity_usd,net_usd,unpriced_entries,months_below_target",
  );
  expect(exported).toContain(`${name},2,650.50,`);

  // Electricity is per cluster: under a network filter the page gives no net rather than a wrong one.
  await page.goto(`/earnings?${period}&network=federation-rewards`);
  await expect(page.getByTestId("total-revenue")).toContainText("650.50");
  await expect(page.getByTestId("total-electricity")).toContainText("not per network");
  await expect(page.getByText("Electricity is paid per cluster").first()).toBeVisible();
});

test("a stopped import says which line to resume after, and resuming imports only the rest", async ({
  page,
}, testInfo) => {
  const name = `earn-resume-${testInfo.project.name}-${Date.now()}`;
  const clusterId = await createCluster(name);
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const fileName = `stopped-${name}.csv`;
  const rows = [1, 2, 3, 4, 5].map((i) => `${name},akash,${day},${i},${name}-${i}`);
  // What the importer records when the batch after line 4 fails (csv-import.int.test.ts proves it
  // does): lines 2–4 committed, the rest not written.
  await sql(
    `INSERT INTO "EarningsImport" (id, kind, status, "fileName", "actorLabel", "rowsRead", imported, "lastCommittedLine", "startedAt", "finishedAt")
     VALUES (gen_random_uuid(), 'csv', 'failed', $1, 'operator', 3, 3, 4, now(), now())`,
    [fileName],
  );
  await signInAs(page, "operator");
  await page.goto("/earnings/import");
  const past = page.getByTestId("past-import").filter({ hasText: fileName });
  await expect(past).toContainText("lines up to 4 are committed");
  await past.getByRole("link", { name: "Resume after line 4" }).click();
  await expect(page).toHaveURL(/resume=4/);

  await page.getByTestId("csv-file").setInputFiles({
    name: fileName,
    mimeType: "text/csv",
    buffer: Buffer.from(["cluster,network,date,amount,external_id", ...rows, ""].join("\n"), "utf8"),
  });
  await expect(page.getByLabel("Resume after line")).toHaveValue("4");
  await page.getByRole("button", { name: `Import ${fileName}` }).click();
  await expect(page.getByTestId("import-summary")).toContainText("2 imported, 0 duplicates skipped, 0 rejected");
  const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "RevenueEntry" WHERE "clusterId" = $1`, [
    clusterId,
  ]);
  expect(count?.n).toBe(2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("an operator enters a day's measured energy and it is costed at the cluster's price", async ({
  page,
}, testInfo) => {
  const name = `earn-kwh-${testInfo.project.name}-${Date.now()}`;
  const clusterId = await createCluster(name);
  await signInAs(page, "operator");
  await page.goto("/earnings/import");
  const form = page.getByRole("form", { name: "Electricity cost" });
  await form.getByLabel("Cluster", { exact: true }).selectOption({ label: `${name} (USD)` });
  await form.getByLabel("Or the energy measured that day, kWh").fill("30");
  await form.getByRole("button", { name: "Save cost" }).click();
  // 30 kWh × 0.2 USD per kWh.
  await expect(form.getByText(/Cost of 6 saved/)).toBeVisible();
  const [row] = await sql<{ amount: string; kwh: string }>(
    `SELECT amount::text, kwh::text FROM "ElectricityCost" WHERE "clusterId" = $1`,
    [clusterId],
  );
  expect(row).toEqual({ amount: "6.0000", kwh: "30.000" });
});

test("a viewer sees earnings but cannot import", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/earnings");
  await expect(page.getByRole("heading", { name: "Earnings", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
  const refused = await page.request.post("/api/earnings/upload", {
    data: "cluster,network,date,amount\n",
    headers: { "content-type": "text/csv" },
  });
  expect(refused.status()).toBe(403);
});

test("an admin creates an API key shown once, a script uses it, and revoking it locks the script out", async ({
  page,
}, testInfo) => {
  const name = `earn-key-${testInfo.project.name}-${Date.now()}`;
  await createCluster(name);
  await signInAs(page, "admin");
  await page.goto("/earnings/keys");
  await page.getByLabel("Name (the script that uses it)").fill(`script ${name}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(key).toMatch(/^sov_/);

  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const send = () =>
    page.request.post("/api/v1/revenue", {
      headers: { authorization: `Bearer ${key}` },
      data: {
        entries: [
          { cluster: name, network: "akash", date: day, amount: "3.5", external_id: `${name}-1` },
          { cluster: name, network: "akash", date: "not a date", amount: 1 },
        ],
      },
    });
  const first = await send();
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ imported: 1, rejected: 1, errors: [{ index: 1, field: "date" }] });

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  const row = page.getByRole("listitem").filter({ hasText: `script ${name}` });
  await expect(row).not.toContainText("last used never");
  await row.getByRole("button", { name: "Revoke" }).click();
  await page
    .getByRole("dialog", { name: /Revoke the key/ })
    .getByRole("button", { name: "Revoke key" })
    .click();
  await expect(row).toContainText("revoked");
  expect((await send()).status()).toBe(401);
});
