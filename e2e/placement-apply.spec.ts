// Applying a placement plan in a real browser: an operator opens a saved plan over demo-like
// clusters, reads each move's reason, applies one after a confirmation and watches its Proxmox
// task to the end; the guest is then on the target cluster. On a phone the plan page reads in
// one column and the plan can be put to a vote.
import { expect, sql, test, user } from "./fixtures";
import { seedPlacementClusters, type PlacementClusters } from "./placement-sim";
import { signInAs } from "./support";

let clusters: PlacementClusters;
test.beforeAll(async ({}, testInfo) => {
  clusters = await seedPlacementClusters(testInfo.project.name);
});
test.afterAll(async () => {
  await clusters.close();
});

test("an operator applies one move of a plan and watches its task finish @desktop", async ({ page }) => {
  test.setTimeout(60_000);
  const planId = await clusters.plan(user("admin").id, [100, 101]);
  await signInAs(page, "operator");
  await page.goto("/placement/plans");
  await page.locator(`a[href="/placement/plans/${planId}"]`).click();
  await expect(page.getByRole("heading", { name: "Placement plan", level: 1 })).toBeVisible();
  await expect(page.getByTestId("plan-status")).toHaveText("draft");

  const move = page.getByTestId("move-100");
  await expect(move).toContainText("helium-miner");
  await expect(move).toContainText(`${clusters.src.name} → ${clusters.dst.name}`);
  await expect(move).toContainText("hydro power at half the price");
  await move.getByText("1 cluster ruled out").click();
  await expect(move).toContainText("outside the allowed countries");

  await move.getByRole("button", { name: "Apply", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Move helium-miner to ${clusters.dst.name}?` });
  await expect(dialog).toContainText("removes it from");
  await dialog.getByRole("button", { name: "Move it" }).click();

  // The task runs for a few seconds; its progress shows meanwhile, then the move reads "moved".
  await expect(page.getByTestId("move-status-100")).toHaveText("moving");
  await expect(page.getByTestId(/^move-progress-/)).toContainText(/Migrating|recording/);
  await expect(page.getByTestId("move-status-100")).toHaveText("moved", { timeout: 30_000 });
  await expect(move).toContainText(/Task UPID:pve1:/);
  // dst already runs 100: the guest took the next free id there.
  await expect(move).toContainText("as 101");
  await expect(page.getByTestId("plan-status")).toHaveText("applying");
  await expect(page.getByTestId("move-status-101")).toHaveText("pending");

  // Both clusters were synced: the guest is on the target, gone from the source.
  const onTarget = await sql<{ vmid: number; status: string }>(
    `SELECT vmid, status::text FROM "Guest" WHERE "clusterId" = $1 AND name = 'helium-miner'`,
    [clusters.dst.id],
  );
  expect(onTarget).toEqual([{ vmid: 101, status: "running" }]);
  expect(await sql(`SELECT 1 FROM "Guest" WHERE "clusterId" = $1 AND vmid = 100`, [clusters.src.id])).toHaveLength(0);
  const audit = await sql<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "targetType" = 'placement-move' AND "actorLabel" = $1 ORDER BY seq`,
    [user("operator").email],
  );
  expect(audit.map((a) => a.action)).toEqual(
    expect.arrayContaining(["placement.move-started", "placement.move-succeeded"]),
  );
});

test("a viewer reads a plan without apply buttons @desktop", async ({ page }) => {
  const planId = await clusters.plan(user("admin").id, [102]);
  await signInAs(page, "viewer");
  await page.goto(`/placement/plans/${planId}`);
  await expect(page.getByTestId("move-102")).toContainText("filecoin-lotus");
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Propose as a vote" })).toHaveCount(0);
  await expect(page.getByText("Operators and admins apply plans")).toBeVisible();
});

test("on a phone the plan reads in one column and can be put to a vote @phone", async ({ page }) => {
  const planId = await clusters.plan(user("admin").id, [101, 102]);
  await signInAs(page, "operator");
  await page.goto(`/placement/plans/${planId}`);
  await expect(page.getByTestId("move-101")).toBeVisible();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // Totals come before the moves on a phone.
  const totals = await page.getByRole("heading", { name: "Totals" }).boundingBox();
  const firstMove = await page.getByTestId("move-101").boundingBox();
  expect(totals && firstMove && totals.y < firstMove.y).toBe(true);

  await page.getByRole("button", { name: "Propose as a vote" }).click();
  const dialog = page.getByRole("dialog", { name: "Propose as a vote" });
  await dialog.getByLabel("Moves per phase").fill("1");
  await dialog.getByRole("button", { name: "Open the vote" }).click();
  await expect(page).toHaveURL(/\/governance\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Placement plan: 2 moves, +$28.80 per month");
  await expect(page.getByTestId("proposal-status")).toHaveText("open");

  await page.goto(`/placement/plans/${planId}`);
  await expect(page.getByTestId("plan-status")).toHaveText("put to a vote");
  await expect(page.getByTestId("proposal-link")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Phase 2/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
});
