import { expect, test, user } from "./fixtures";
import { acceptInBrowser, invite, signIn, signInAs, uniqueEmail } from "./support";

test("the admin signs in, sees the shell, and signs out", async ({ page }, testInfo) => {
  await signInAs(page, "admin");
  await expect(page.getByRole("heading", { name: "Federation overview" })).toBeVisible();
  if (testInfo.project.name === "phone") {
    // Below 768 px the navigation collapses behind a menu button.
    await expect(page.getByRole("link", { name: "Audit" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
  }
  await expect(page.getByRole("link", { name: "Audit" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password says so; five failures lock the account", async ({ page, browser }, testInfo) => {
  // An invitation round trip and six argon2-checked sign-ins: slow on a loaded two-core machine.
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  const email = uniqueEmail(testInfo, "locked");
  const member = await acceptInBrowser(
    browser,
    await invite(page, email, "viewer"),
    "Lou Locked",
    "the right password!",
  );
  await member.context().close();

  const stranger = await browser.newPage();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(stranger, email, `wrong password ${attempt}`);
    await expect(stranger.getByText("Email or password is incorrect.")).toBeVisible();
  }
  await signIn(stranger, email, "wrong password 5");
  await expect(
    stranger.getByText(/Too many failed sign-ins\. This account is locked for 15 more minutes\./),
  ).toBeVisible();
  // Even the right password is refused while locked.
  await signIn(stranger, email, "the right password!");
  await expect(stranger.getByText(/Too many failed sign-ins/)).toBeVisible();
  await expect(stranger).toHaveURL(/\/login/);
  await stranger.close();
});

test("a member changes their password with the current one", async ({ page, browser }, testInfo) => {
  await signInAs(page, "admin");
  const email = uniqueEmail(testInfo, "password");
  const member = await acceptInBrowser(
    browser,
    await invite(page, email, "operator"),
    "Pat Password",
    "first long password",
  );
  await member.goto("/settings");
  await member.getByLabel("Current password").fill("not my password");
  await member.getByLabel("New password", { exact: true }).fill("second long password");
  await member.getByLabel("New password again").fill("second long password");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByText("The current password is not correct.")).toBeVisible();

  await member.getByLabel("Current password").fill("first long password");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByText("Password changed.")).toBeVisible();
  // Still signed in on this device, with the new password.
  await member.goto("/settings");
  await expect(member).toHaveURL(/\/settings/);
  await member.context().clearCookies();
  await signIn(member, email, "second long password");
  await expect(member).toHaveURL(/\/$/);
  await member.context().close();
});

test("pages that are not built yet say so plainly", async ({ page }) => {
  await signInAs(page, "viewer");
  for (const path of ["/health", "/check-ins"]) {
    await page.goto(path);
    await expect(page.getByText("Not built yet.")).toBeVisible();
  }
  expect(user("viewer").email).toContain("@");
});
