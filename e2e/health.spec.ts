// Proves the harness: the web server started, the database answers, and Chromium renders a page.
import { expect, sql, test } from "./fixtures";

test("the health endpoint reports a reachable database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("the sign-in page renders", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel(/email/i)).toBeVisible();
  await expect(page.getByLabel(/password/i)).toBeVisible();
});

test("the seeded team exists in the run's own database", async ({ env }) => {
  // Other specs add members to the same database, so only the seeded three are checked.
  const rows = await sql<{ email: string; role: string }>(
    'SELECT email, role::text AS role FROM "User" WHERE id = ANY($1::uuid[])',
    [Object.values(env.users).map((u) => u.id)],
  );
  expect(rows.map((r) => `${r.role}:${r.email}`).sort()).toEqual(
    Object.entries(env.users)
      .map(([role, u]) => `${role}:${u.email}`)
      .sort(),
  );
});
