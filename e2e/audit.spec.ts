import { expect, sql, sqlPastTriggers, test } from "./fixtures";
import { invite, signInAs, uniqueEmail } from "./support";

test("the audit page lists changes, filters them, and verifies the chain", async ({ page }, testInfo) => {
  await signInAs(page, "admin");
  await invite(page, uniqueEmail(testInfo, "audited"), "viewer");
  await page.goto("/audit");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  await page.getByLabel("Action").fill("team.invited");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=team\.invited/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("team.invited");
  for (const text of await rows.allInnerTexts()) expect(text).toContain("team.invited");

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain OK: \d+ events verified\./)).toBeVisible();
});

test("a row changed behind the app's back is detected as a break at that row", async ({ page }) => {
  await signInAs(page, "admin");
  const [target] = await sql<{ seq: string; actorLabel: string }>(
    'SELECT seq::text, "actorLabel" FROM "AuditEvent" ORDER BY seq ASC LIMIT 1 OFFSET 1',
  );
  expect(target).toBeDefined();
  // The database itself refuses; only someone who can switch its triggers off gets through.
  await expect(sql('UPDATE "AuditEvent" SET "actorLabel" = \'x\' WHERE seq = $1', [target!.seq])).rejects.toThrow(
    /append-only/,
  );
  await sqlPastTriggers('UPDATE "AuditEvent" SET "actorLabel" = \'mallory@evil.example\' WHERE seq = $1', [
    target!.seq,
  ]);
  try {
    await page.goto("/audit");
    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(page.getByText(`Chain broken at event #${target!.seq}`)).toBeVisible();
  } finally {
    // Put the row back so the chain is whole for the specs that follow.
    await sqlPastTriggers('UPDATE "AuditEvent" SET "actorLabel" = $2 WHERE seq = $1', [
      target!.seq,
      target!.actorLabel,
    ]);
  }
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain OK/)).toBeVisible();
});
