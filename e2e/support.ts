// Flows the foundation specs share: signing in, and bringing a new member in by invitation.
import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, user, type E2eRole } from "./fixtures";

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: E2eRole): Promise<void> {
  const member = user(role);
  await signIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/$/);
}

/** A fresh address per test and project, so desktop and phone runs never collide. */
export function uniqueEmail(testInfo: TestInfo, label: string): string {
  return `${label}-${testInfo.project.name}-${Date.now()}@e2e.test`;
}

export async function invite(adminPage: Page, email: string, role: E2eRole): Promise<string> {
  await adminPage.goto("/team");
  await adminPage.getByLabel("Email").fill(email);
  await adminPage.getByLabel("Role", { exact: true }).selectOption(role);
  await adminPage.getByRole("button", { name: "Invite" }).click();
  const link = adminPage.getByTestId("invitation-link");
  await expect(link).toBeVisible();
  return new URL(await link.inputValue()).pathname;
}

/** The invitee opens the link in a browser of their own, chooses a name and password, lands signed in. */
export async function acceptInBrowser(
  browser: Browser,
  invitePath: string,
  name: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(invitePath);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Join the team" }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}
