// Every page of the console, as admin, at desktop and phone width, under the Content Security
// Policy of the production build: no violation, no CSP error in the console, and the scripts ran
// (the page hydrated). The pages come from app/**/page.tsx, so a new page without a visit here
// fails the test. Also checks the header values themselves (lib/http/security-headers.ts).
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, sql, test, user } from "./fixtures";
import { seedSimulatedCluster, type SeededCluster } from "./sim-cluster";
import { invite, signInAs } from "./support";

const APP_DIR = path.resolve(import.meta.dirname, "..", "app");

/** Each page file as its route pattern: "/clusters/[id]/settings", with route groups dropped. */
function pageRoutes(dir = APP_DIR, segments: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return pageRoutes(path.join(dir, entry.name), [...segments, entry.name]);
    if (entry.name !== "page.tsx") return [];
    return [`/${segments.filter((s) => !/^\(.+\)$/.test(s)).join("/")}`];
  });
}

// Pages seen signed out (a signed-in visit to them redirects to the overview).
const SIGNED_OUT = new Set(["/login", "/invite/[token]"]);

interface Seeded {
  cluster: SeededCluster;
  proposalId: string;
  workloadId: string;
  planId: string;
}
let seeded: Seeded | undefined;

/** The URL to visit for a route pattern, its dynamic segments filled with seeded ids. */
function urlFor(route: string, ids: Record<string, string>): string {
  return route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const key = `${route.split("/[")[0]}:${name}`;
    const id = ids[key];
    if (!id) throw new Error(`No seeded id for ${route} (${key}): seed one in this spec's beforeAll`);
    return id;
  });
}

interface Problems {
  violations: string[];
  consoleErrors: string[];
}

/** Collects CSP violations (the DOM event, across navigations) and CSP or Permissions-Policy console errors. */
async function watch(context: BrowserContext, page: Page): Promise<Problems> {
  const problems: Problems = { violations: [], consoleErrors: [] };
  await context.exposeBinding("__reportCspViolation", ({ page: from }, text: string) => {
    problems.violations.push(`${from.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(message.text()))
      problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  return problems;
}

/** Visits a page, waits for it to settle and checks its scripts ran under the policy. */
async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response?.headers()["content-security-policy"], url).toContain("frame-ancestors 'none'");
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Next's client sets window.next when it boots: proof that the nonce let its scripts run.
  await expect
    .poll(() => page.evaluate(() => "next" in window), { message: `${url} hydrated`, timeout: 10_000 })
    .toBe(true);
}

test.beforeAll(async ({}, testInfo) => {
  const label = `csp-${testInfo.project.name}`;
  const cluster = await seedSimulatedCluster(label);
  const admin = user("admin");
  const proposalId = randomUUID();
  await sql(
    `INSERT INTO "Proposal" (id, title, description, type, "authorId", "opensAt", "closesAt", "updatedAt")
     VALUES ($1, $2, $3, 'technical', $4, now() + interval '1 day', now() + interval '8 days', now())`,
    [proposalId, `CSP check ${label}`, "Markdown **rendered** with a [link](https://example.org).", admin.id],
  );
  const workloadId = randomUUID();
  await sql(
    `INSERT INTO "Workload" (id, name, service, vcpu, "memoryMb", "diskGb", replicas, "updatedAt") VALUES ($1, $2, 'other', 2, 2048, 20, 1, now())`,
    [workloadId, `csp-${label}`],
  );
  const planId = randomUUID();
  await sql(
    `INSERT INTO "PlacementPlan" (id, "createdById", solver, objective, "netBeforeUsd", "netAfterUsd", "updatedAt") VALUES ($1, $2, 'exact', 10, 5, 7, now())`,
    [planId, admin.id],
  );
  seeded = { cluster, proposalId, workloadId, planId };
});

test.afterAll(async () => {
  if (!seeded) return;
  await sql(`DELETE FROM "PlacementPlan" WHERE id = $1`, [seeded.planId]);
  await sql(`DELETE FROM "Workload" WHERE id = $1`, [seeded.workloadId]);
  await sql(`DELETE FROM "Proposal" WHERE id = $1`, [seeded.proposalId]);
  await seeded.cluster.close();
});

test("every page runs under the Content Security Policy without a violation", async ({ browser, page, context }) => {
  test.setTimeout(240_000);
  const routes = pageRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const problems = await watch(context, page);

  // Signed in as admin: an invitation for the signed-out invite page, then every console page.
  await signInAs(page, "admin");
  const invitePath = await invite(page, `csp-${test.info().project.name}-${Date.now()}@e2e.test`, "viewer");
  if (!seeded) throw new Error("beforeAll did not seed");
  const ids: Record<string, string> = {
    "/clusters:id": seeded.cluster.id,
    "/governance:id": seeded.proposalId,
    "/placement/plans:id": seeded.planId,
    "/placement/workloads:id": seeded.workloadId,
    "/invite:token": invitePath.split("/").pop() ?? "",
  };
  const visited: string[] = [];
  for (const route of routes.filter((r) => !SIGNED_OUT.has(r))) {
    await visit(page, urlFor(route, ids));
    visited.push(route);
  }

  // Signed out: the login page and the invitation, in a fresh browser context.
  const anonymous = await browser.newContext();
  const anonymousPage = await anonymous.newPage();
  const anonymousProblems = await watch(anonymous, anonymousPage);
  for (const route of routes.filter((r) => SIGNED_OUT.has(r))) {
    await visit(anonymousPage, urlFor(route, ids));
    visited.push(route);
  }
  await anonymous.close();

  expect(visited.sort()).toEqual([...routes].sort());
  expect(problems).toEqual({ violations: [], consoleErrors: [] });
  expect(anonymousProblems).toEqual({ violations: [], consoleErrors: [] });
});

test("a script the page was not sent with is refused and reported", async ({ page, context }) => {
  const problems = await watch(context, page);
  // What a stored XSS would look like: an inline script in the HTML, without this response's nonce.
  await page.route("**/login", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/login");
  await expect.poll(() => problems.violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => "__injected" in window)).toBe(false);
  expect(problems.violations.join("\n")).toContain("script-src");
});

test("the security headers: a fresh nonce per request, on the scripts, no framing, no sniffing", async ({
  request,
}) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  // Next put this request's nonce on the scripts it rendered.
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  const headers = first.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  const permissions = headers["permissions-policy"] ?? "";
  expect(permissions).toContain("geolocation=(self)");
  expect(permissions).toContain("camera=(self)");
  expect(permissions).toContain("microphone=()");
  // Plain http (the e2e server): no HSTS, which browsers would ignore here anyway.
  expect(headers).not.toHaveProperty("strict-transport-security");

  // An API response and a static asset carry them too.
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await first.text())?.[1];
  expect(script).toBeTruthy();
  expect((await request.get(script ?? "")).headers()["x-content-type-options"]).toBe("nosniff");
});

test("HSTS is sent when a reverse proxy says the request came over https", async ({ request }) => {
  const response = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});
