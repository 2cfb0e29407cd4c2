// Issue 14, sign-in and sessions: the lock cannot be dodged by rotating X-Forwarded-For, a cookie
// copied before sign-out opens nothing after it, and callbackUrl never leaves the origin.
import { expect, test, user } from "./fixtures";
import { acceptInBrowser, invite, signIn, signInAs, uniqueEmail } from "./support";

test("rotating X-Forwarded-For does not get round the lock; an admin unlocks the account", async ({
  page,
  browser,
}, testInfo) => {
  // An invitation round trip and seven argon2-checked sign-ins: slow on a loaded two-core machine.
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  // A dedicated account, so the lock cannot get in other specs' way.
  const email = uniqueEmail(testInfo, "rotating");
  const member = await acceptInBrowser(
    browser,
    await invite(page, email, "viewer"),
    "Rory Rotating",
    "the right password!",
  );
  await member.context().close();

  const attempt = async (password: string, forwardedFor: string) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": forwardedFor } });
    const stranger = await context.newPage();
    await signIn(stranger, email, password);
    return stranger;
  };
  for (let i = 1; i <= 4; i++) {
    const stranger = await attempt(`wrong password ${i}`, `198.51.100.${i}`);
    await expect(stranger.getByText("Email or password is incorrect.")).toBeVisible();
    await stranger.context().close();
  }
  const fifth = await attempt("wrong password 5", "198.51.100.5");
  await expect(fifth.getByText(/This account is locked for 15 more minutes/)).toBeVisible();
  await fifth.context().close();

  // The right password from a sixth "address": still locked.
  const sixth = await attempt("the right password!", "203.0.113.77");
  await expect(sixth.getByText(/Too many failed sign-ins\. This account is locked/)).toBeVisible();
  await expect(sixth).toHaveURL(/\/login/);

  // The admin sees the lock and lifts it; then the member gets in.
  await page.goto("/team");
  const row = page.getByTestId(`member-${email}`);
  await expect(row.getByText("locked", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByText("Rory Rotating unlocked.")).toBeVisible();
  await signIn(sixth, email, "the right password!");
  await expect(sixth).toHaveURL(/\/$/);
  await sixth.context().close();
});

test("a session cookie copied before sign-out opens nothing after it", async ({ page, browser }) => {
  await signInAs(page, "viewer");
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(true);

  await page.goto("/settings");
  if (await page.getByRole("button", { name: "Menu" }).isVisible())
    await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const thief = await replay.newPage();
  for (const path of ["/", "/settings", "/governance"]) {
    await thief.goto(path);
    await expect(thief).toHaveURL(/\/login/);
  }
  await replay.close();
});

test("ending a session in Settings signs that device out", async ({ browser }) => {
  const viewer = user("viewer");
  const laptop = await browser.newPage();
  const phone = await browser.newPage();
  for (const device of [laptop, phone]) {
    await signIn(device, viewer.email, viewer.password);
    await expect(device).toHaveURL(/\/$/);
  }
  await laptop.goto("/settings");
  const sessions = laptop.getByTestId("session");
  await expect(sessions.filter({ hasText: "this device" })).toHaveCount(1);
  // The phone's session is the most recent other one: end it.
  const other = sessions.filter({ hasNotText: "this device" }).first();
  await other.getByRole("button", { name: "End session" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "End session" }).click();
  await expect(laptop.getByText("Session ended.")).toBeVisible();

  await phone.goto("/settings");
  await expect(phone).toHaveURL(/\/login/);
  await laptop.goto("/settings");
  await expect(laptop).toHaveURL(/\/settings/);
  await laptop.close();
  await phone.close();
});

for (const callbackUrl of ["/%5Cevil.example", "//evil.example", "https://evil.example", "/\\evil.example"]) {
  test(`after signing in, callbackUrl=${callbackUrl} stays on this origin`, async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    // Should anything try to leave, it must not reach a real host.
    await context.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => route.abort(),
    );
    const page = await context.newPage();
    // The first form arrives percent-encoded in the query, the others as written.
    const query = callbackUrl.startsWith("/%") ? callbackUrl : encodeURIComponent(callbackUrl);
    await page.goto(`/login?callbackUrl=${query}`);
    const viewer = user("viewer");
    await page.getByLabel("Email").fill(viewer.email);
    await page.getByLabel("Password").fill(viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    await expect(page.getByRole("heading", { name: "Federation overview" })).toBeVisible();
    await context.close();
  });
}
