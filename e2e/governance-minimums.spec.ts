// Federation minimums (issue 14, fair votes): an admin sets them on the voting weights page, and
// the proposal form then refuses a quorum below them, naming the floor under the field.
// The values chosen stay below the proposal form's defaults, so other specs are unaffected.
import { expect, sql, test } from "./fixtures";
import { signInAs } from "./support";

test.afterEach(async () => {
  await sql(`DELETE FROM "GovernanceSettings"`);
});

test("an admin raises the minimums; a proposal below them is refused under its field", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/governance/weights");
  const form = page.getByRole("form", { name: "Voting minimums" });
  await form.getByLabel("Minimum quorum (%)").fill("20");
  await form.getByLabel("Minimum threshold (%)").fill("55");
  await form.getByLabel("Shortest window (hours)").fill("48");
  await form.getByRole("button", { name: "Save minimums" }).click();
  await expect(form.getByText("Minimums saved")).toBeVisible();
  const audited = await sql<{ n: string }>(
    `SELECT count(*)::text AS n FROM "AuditEvent" WHERE action = 'governance.minimums-set'`,
  );
  expect(Number(audited[0]?.n)).toBeGreaterThanOrEqual(1);

  await page.goto("/governance/new");
  await page.getByLabel("Title").fill(`Too easy to pass ${Date.now()}`);
  await page.getByLabel("Quorum (%)").fill("10");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("The federation requires a quorum of at least 20 %.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/governance\/new$/);
});
