// Earnings at desktop and phone: an operator uploads a CSV (preview, guessed columns, progress,
// per-row rejections), then the earnings page's totals, charts and table show the new revenue.
// A cluster of its own per project, so the desktop and phone runs do not see each other's rows.
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
  await page.getByTestId("csv-file").setInputFiles({ name: "rewards.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByRole("table", { name: "Preview of the first rows" })).toContainText(`${name}-2`);
  await expect(page.getByLabel("Column for amount")).toHaveValue("Tokens");
  await page.getByRole("button", { name: /^Import rewards\.csv/ }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("2 imported, 1 duplicates skipped, 1 rejected");
  await expect(page.getByRole("table", { name: "Rejected rows" })).toContainText("is negative");
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();

  await page.goto(`/earnings?${period}`);
  await expect(page.getByTestId("total-revenue")).toContainText("650.50");
  await expect(page.getByRole("figure", { name: "Revenue by network over time" })).toBeVisible();
  await expect(page.getByTestId("tier-chart").first()).toContainText(name);
  await expect(page.getByRole("table", { name: "Earnings by cluster" })).toContainText(name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("a viewer sees earnings but cannot import", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/earnings");
  await expect(page.getByRole("heading", { name: "Earnings", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
  const refused = await page.request.post("/api/earnings/upload", { data: "cluster,network,date,amount\n", headers: { "content-type": "text/csv" } });
  expect(refused.status()).toBe(403);
});

test("an admin creates an API key shown once, a script uses it, and revoking it locks the script out", async ({ page }, testInfo) => {
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
    page.request.post("/api/v1/revenue", { headers: { authorization: `Bearer ${key}` }, data: { entries: [{ cluster: name, network: "akash", date: day, amount: "3.5", external_id: `${name}-1` }, { cluster: name, network: "akash", date: "not a date", amount: 1 }] } });
  const first = await send();
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ imported: 1, rejected: 1, errors: [{ index: 1, field: "date" }] });

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  const row = page.getByRole("listitem").filter({ hasText: `script ${name}` });
  await expect(row).not.toContainText("last used never");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await send()).status()).toBe(401);
});
