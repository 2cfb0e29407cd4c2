// Refreshes docs/screenshot.png (the README's picture) from a running demo:
//   npm run demo   (in another terminal), then   npx tsx scripts/screenshot.ts [--url http://localhost:3000]
import { chromium } from "@playwright/test";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadOrCreateDemoPasswords, TEAM } from "./seed";

const { values } = parseArgs({ options: { url: { type: "string", default: "http://localhost:3000" } } });
const admin = TEAM.find((m) => m.role === "admin");
if (!admin) throw new Error("the seed has no admin");
const output = path.resolve(import.meta.dirname, "..", "docs", "screenshot.png");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  await page.goto(new URL("/login", values.url).toString());
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(loadOrCreateDemoPasswords().admin);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  // Let the first sync land and the charts draw.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(2_000);
  await page.screenshot({ path: output });
  console.log(`Saved ${path.relative(process.cwd(), output)}`);
} finally {
  await browser.close();
}
