import { expect, sql, test, type Page } from "./fixtures";
import { seedSimulatedCluster, type SeededCluster } from "./sim-cluster";
import { signInAs } from "./support";

let seeded: SeededCluster;
test.beforeAll(async ({}, testInfo) => {
  seeded = await seedSimulatedCluster(`cl-${testInfo.project.name}`);
});
test.afterAll(async () => {
  await seeded?.close();
});

const row = (page: Page, vmid: number) => page.getByTestId(`guest-${vmid}`);

test("the cluster page lists nodes and guests, with search, filters and paging in the URL", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/clusters/${seeded.id}`);
  await expect(page.getByRole("heading", { name: seeded.name })).toBeVisible();
  await expect(page.getByTestId("nodes")).toContainText("pve3");
  await expect(page.getByTestId("guest-count")).toHaveText("1–34 of 34 guests");

  await page.getByLabel("Search guests").fill("lotus");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=lotus/);
  await expect(page.getByTestId("guest-count")).toHaveText("1–1 of 1 guests");
  await expect(row(page, 103)).toContainText("filecoin-lotus");

  await page.goto(`/clusters/${seeded.id}?type=lxc&status=running&node=pve2`);
  await expect(page.getByLabel("Type")).toHaveValue("lxc");
  const count = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Guest" WHERE "clusterId" = $1 AND type = 'lxc' AND status = 'running' AND node = 'pve2'`,
    [seeded.id],
  );
  await expect(page.getByTestId("guest-count")).toContainText(`of ${count[0]?.n} guests`);

  await page.goto(`/clusters/${seeded.id}?tag=edge&size=25&sort=vmid&dir=desc`);
  await expect(page.getByTestId("guest-count")).toHaveText("1–25 of 30 guests");
  await expect(page.getByTestId("guest-table").locator("tbody tr").first()).toHaveAttribute("data-testid", "guest-229");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("guest-count")).toHaveText("26–30 of 30 guests");
  // A viewer sees no action menu, and cannot ask for a sync.
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Sync ${seeded.name} now` })).toHaveCount(0);
});

test("an operator starts a stopped guest and watches the task to OK", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto(`/clusters/${seeded.id}?q=render`);
  const guest = row(page, 101);
  await expect(guest.getByTestId("guest-status")).toHaveText("stopped");
  await guest.getByRole("button", { name: "Actions for render-worker" }).click();
  await guest.getByRole("menuitem", { name: "Start" }).click();
  const progress = guest.getByTestId("task-progress-101");
  await expect(progress).toContainText("Start: running");
  await expect(progress).toContainText("Start: OK", { timeout: 20_000 });
  await expect(guest.getByTestId("guest-status")).toHaveText("running");
  expect(await seeded.guestStatus(101, "pve1")).toBe("running");
  const audit = await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'guest.start' AND "targetId" = $1`, [
    `${seeded.id}:101`,
  ]);
  expect(audit).toHaveLength(1);
});

test("stopping asks for confirmation first", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto(`/clusters/${seeded.id}?q=helium`);
  const guest = row(page, 100);
  await guest.getByRole("button", { name: "Actions for helium-miner" }).click();
  await guest.getByRole("menuitem", { name: "Stop" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("unsaved data in the guest is lost");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await seeded.guestStatus(100, "pve1")).toBe("running");
});

test("a viewer has no action buttons, and a direct call of the action is refused", async ({ page, browser }) => {
  // Learn the start action's id the way an attacker would: from an operator's own traffic.
  await signInAs(page, "operator");
  await page.goto(`/clusters/${seeded.id}?q=akash`);
  const captured = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await row(page, 102).getByRole("button", { name: "Actions for akash-provider" }).click();
  await row(page, 102).getByRole("menuitem", { name: "Start" }).click();
  const actionId = (await captured).headers()["next-action"] ?? "";
  await expect(row(page, 102).getByTestId("task-progress-102")).toContainText("OK", { timeout: 20_000 });

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signInAs(viewer, "viewer");
  await viewer.goto(`/clusters/${seeded.id}`);
  await expect(row(viewer, 103)).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  const tasksBefore = await seeded.taskCount("pve2");
  const response = await viewer.request.post(`/clusters/${seeded.id}`, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ clusterId: seeded.id, vmid: 103, action: "stop" }]),
  });
  expect(await response.text()).toContain('"code":"forbidden"');
  expect(await seeded.guestStatus(103, "pve2")).toBe("running");
  expect(await seeded.taskCount("pve2")).toBe(tasksBefore);
  await context.close();
});

test("an operator syncs the cluster on demand from its page", async ({ page }) => {
  const before = await sql<{ at: Date | null }>(`SELECT "lastSyncAt" AS at FROM "Cluster" WHERE id = $1`, [seeded.id]);
  await signInAs(page, "operator");
  await page.goto(`/clusters/${seeded.id}`);
  await page.getByRole("button", { name: `Sync ${seeded.name} now` }).click();
  await expect(page.getByText(/^Synced in \d+ ms: 3 nodes, 34 guests/)).toBeVisible({ timeout: 20_000 });
  const after = await sql<{ at: Date | null }>(`SELECT "lastSyncAt" AS at FROM "Cluster" WHERE id = $1`, [seeded.id]);
  expect(after[0]?.at?.getTime() ?? 0).toBeGreaterThan(before[0]?.at?.getTime() ?? 0);
});
