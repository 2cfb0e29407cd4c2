import { expect, sql, test, user } from "./fixtures";
import { acceptInBrowser, invite, signIn, signInAs, uniqueEmail } from "./support";

test("an admin invites an operator, who joins from a separate browser and signs in again later", async ({
  page,
  browser,
}, testInfo) => {
  await signInAs(page, "admin");
  const email = uniqueEmail(testInfo, "operator");
  const path = await invite(page, email, "operator");
  await expect(page.getByTestId(`invitation-${email}`).getByText("pending", { exact: true })).toBeVisible();

  const invitee = await acceptInBrowser(browser, path, "Olga Operator", "a long operator password");
  await expect(invitee.getByTestId("signed-in-as").first()).toHaveText("Olga Operator", { useInnerText: true });

  // The link works once.
  await invitee.goto(path);
  await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();

  // Signing out and in again with the chosen password.
  await invitee.context().clearCookies();
  await signIn(invitee, email, "a long operator password");
  await expect(invitee).toHaveURL(/\/$/);

  await page.reload();
  await expect(page.getByTestId(`invitation-${email}`).getByText("accepted", { exact: true })).toBeVisible();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
  await invitee.context().close();
});

test("a forged invitation link is refused", async ({ page }) => {
  await page.goto(`/invite/${"x".repeat(43)}`);
  await expect(page.getByText("This invitation link is not valid.")).toBeVisible();
});

test("a revoked invitation stops working", async ({ page, browser }, testInfo) => {
  await signInAs(page, "admin");
  const email = uniqueEmail(testInfo, "revoked");
  const path = await invite(page, email, "viewer");
  const row = page.getByTestId(`invitation-${email}`);
  await row.getByRole("button", { name: "Revoke" }).click();
  // The confirmation is the shared Dialog: labelled by its title, dismissed by Escape.
  const dialog = page.getByRole("dialog", { name: `Revoke the invitation for ${email}?` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await row.getByRole("button", { name: "Revoke" }).click();
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();
  // The outcome is announced as a toast.
  await expect(page.getByTestId("toast")).toContainText(`Invitation for ${email} revoked.`);

  const stranger = await browser.newPage();
  await stranger.goto(path);
  await expect(stranger.getByText("This invitation was revoked by an admin.")).toBeVisible();
  await stranger.close();
});

test("a viewer cannot reach admin pages, and a direct POST of an admin action is refused", async ({
  page,
  browser,
}, testInfo) => {
  // Learn the invite action's id the way an attacker would: from the admin's own traffic.
  await signInAs(page, "admin");
  const captured = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await invite(page, uniqueEmail(testInfo, "probe"), "viewer");
  const actionId = (await captured).headers()["next-action"]!;

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signInAs(viewer, "viewer");
  await expect(viewer.getByRole("link", { name: "Team" })).toHaveCount(0);
  // Refused on the server: the page renders "not found" instead of its content. (The status is
  // 200 because the console's loading state has already streamed when the page refuses.)
  await viewer.goto("/team");
  await expect(viewer.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(viewer.getByText("Invite a member")).toHaveCount(0);
  await viewer.goto("/audit");
  await expect(viewer.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Verify chain" })).toHaveCount(0);

  const target = uniqueEmail(testInfo, "escalation");
  const response = await viewer.request.post("/", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ email: target, role: "admin" }]),
  });
  expect(await response.text()).toContain('"code":"forbidden"');
  expect(await sql('SELECT 1 FROM "Invitation" WHERE email = $1', [target])).toHaveLength(0);
  const denied = await sql<{ action: string }>(
    'SELECT action FROM "AuditEvent" WHERE "actorId" = $1 AND action = \'access.denied\'',
    [user("viewer").id],
  );
  expect(denied.length).toBeGreaterThan(0);
  await viewerContext.close();
});

test("disabling a member ends their session on their next request", async ({ page, browser }, testInfo) => {
  await signInAs(page, "admin");
  const email = uniqueEmail(testInfo, "disabled");
  const invitee = await acceptInBrowser(
    browser,
    await invite(page, email, "operator"),
    "Dana Disabled",
    "a long enough password",
  );

  await page.goto("/team");
  const row = page.getByTestId(`member-${email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  // The badge and the Enable button appear once the change is stored (the email says "disabled" too).
  await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

  await invitee.goto("/settings");
  await expect(invitee).toHaveURL(/\/login/);
  await signIn(invitee, email, "a long enough password");
  await expect(invitee.getByText("This account is disabled.")).toBeVisible();
  await invitee.context().close();
});

test("the last admin cannot be demoted", async ({ page }) => {
  await signInAs(page, "admin");
  // The seeded admin is the only one: no spec invites admins, so this precondition is stable.
  const admins = await sql<{ n: string }>(
    'SELECT count(*)::text AS n FROM "User" WHERE role = \'admin\' AND "disabledAt" IS NULL',
  );
  expect(admins[0]?.n, "specs must not add active admins").toBe("1");
  await page.goto("/team");
  await page.getByLabel(`Role of ${user("admin").name}`).selectOption("viewer");
  await expect(page.getByText("This is the last active admin.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${user("admin").name}`)).toHaveValue("admin");
});
