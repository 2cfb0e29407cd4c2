import { expect, test } from "./fixtures";
import { signInAs } from "./support";

test("an action whose request never gets an answer says so and keeps the form", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/settings");
  // Server actions are POSTs carrying a Next-Action header; drop them as a lost network would.
  await page.route("**/*", (route) =>
    route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.getByLabel("Current password").fill("not sent anywhere");
  await page.getByLabel("New password", { exact: true }).fill("never arrives anyway");
  await page.getByLabel("New password again").fill("never arrives anyway");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Could not reach the server. Check your connection and try again.").first(),
  ).toBeVisible();
  // The page is still the form, not an error screen, and what was typed is still there.
  await expect(page.getByLabel("Current password")).toHaveValue("not sent anywhere");
});
