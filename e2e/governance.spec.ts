// Governance end to end, at both viewports: a weighted proposal from draft to "passed" closed by
// the real worker, two members voting (one changing their mind), a viewer who cannot edit, and an
// emergency enacted by an admin.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { e2eEnv, expect, sql, test, user, type Page } from "./fixtures";
import { signInAs } from "./support";

async function newSession(page: Page, role: "admin" | "operator" | "viewer"): Promise<Page> {
  await signInAs(page, role);
  return page;
}

/** A tap on a phone, a click on a desktop: the same two-step vote either way. */
async function press(page: Page, locator: ReturnType<Page["getByRole"]>, isMobile: boolean) {
  if (isMobile) await locator.tap();
  else await locator.click();
}

function startWorker(): ChildProcess {
  const root = path.resolve(import.meta.dirname, "..");
  return spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: e2eEnv().databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") },
    stdio: "ignore",
  });
}

test("a weighted proposal: created, opened, voted at this viewport, closed by the worker, passed", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const isMobile = testInfo.project.name === "phone";
  // Known weights: expertise only (no clusters, no earnings yet), admin 50, operator 30, viewer 20.
  await sql(`DELETE FROM "MemberExpertise"`);
  for (const [role, score] of [
    ["admin", 50],
    ["operator", 30],
    ["viewer", 20],
  ] as const) {
    await sql(`INSERT INTO "MemberExpertise" ("userId", score, "updatedAt") VALUES ($1, $2, now())`, [
      user(role).id,
      score,
    ]);
  }
  // Members other specs invited have no expertise, hence no weight: only the seeded team votes.

  const admin = await newSession(page, "admin");
  const title = `Move Render to Graz (${testInfo.project.name} ${Date.now()})`;
  await admin.goto("/governance/new");
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Type").selectOption("economic");
  await admin
    .getByLabel("Description")
    .fill(
      "Render earns **more** in Graz.\n\n- cheaper power\n- [grid data](https://example.org/grid)\n\n<script>alert(1)</script>",
    );
  await admin.getByRole("button", { name: "Add phase" }).click();
  await admin.getByLabel("Phase 1 name").fill("Migrate the first half");
  await admin.getByRole("button", { name: "Create draft" }).click();
  await expect(admin.getByTestId("proposal-status")).toHaveText("draft");
  const proposalId = admin.url().split("/").pop() ?? "";
  // Markdown is rendered, HTML is shown as text.
  await expect(admin.getByRole("link", { name: "grid data" })).toHaveAttribute("href", "https://example.org/grid");
  await expect(admin.getByText("<script>alert(1)</script>")).toBeVisible();

  await admin.getByRole("button", { name: "Open voting" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Open voting" }).click();
  await expect(admin.getByTestId("proposal-status")).toHaveText("open");
  await expect(admin.getByTestId("weighting-note")).toContainText(
    "Cluster stake and economic contribution were 0 for every member",
  );
  await expect(admin.getByTestId("voter-row")).toHaveCount(3);

  // The list shows open proposals first.
  await admin.goto("/governance");
  await expect(admin.getByRole("list", { name: "Proposals" }).getByTestId("proposal-row").first()).toHaveAttribute(
    "data-status",
    "open",
  );

  // The operator votes in two taps: the proposal in the list, then For.
  const operatorContext = await browser.newContext({ ...testInfo.project.use });
  const operator = await newSession(await operatorContext.newPage(), "operator");
  await operator.goto("/governance");
  await press(
    operator,
    operator.getByRole("link", { name: new RegExp(title.replace(/[()]/g, "\\$&")) }).first(),
    isMobile,
  );
  await press(operator, operator.getByRole("button", { name: "For", exact: true }), isMobile);
  await expect(operator.getByRole("button", { name: "For", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(operator.getByTestId("participation")).toContainText("30 % of 50 % quorum");

  // The admin votes against, then changes their mind.
  await admin.goto(`/governance/${proposalId}`);
  await admin.getByRole("button", { name: "Against", exact: true }).click();
  await expect(admin.getByTestId("support")).toContainText("37.5 %");
  await expect(admin.getByTestId("participation")).toContainText("80 % of 50 % quorum ✓");
  await admin.getByRole("button", { name: "For", exact: true }).click();
  await expect(admin.getByTestId("support")).toContainText("100 % (needs 67 %) ✓");

  // A viewer cannot edit: no controls, and the edit page does not exist for them.
  const viewerContext = await browser.newContext({ ...testInfo.project.use });
  const viewer = await newSession(await viewerContext.newPage(), "viewer");
  await viewer.goto(`/governance/${proposalId}`);
  await expect(viewer.getByTestId("proposal-status")).toHaveText("open");
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Cancel proposal" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "New proposal" })).toHaveCount(0);
  // (The status may already be 200 when the console's loading state streams first; the page says it.)
  await viewer.goto(`/governance/${proposalId}/edit`);
  await expect(viewer.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(viewer.getByLabel("Title")).toHaveCount(0);

  // Time passes: the window ends, and the worker closes the vote without anyone visiting.
  await sql(`UPDATE "Proposal" SET "closesAt" = now() - interval '1 second' WHERE id = $1`, [proposalId]);
  await sql(
    `UPDATE pgboss.job SET start_after = now() WHERE name = 'governance.close-due' AND data->>'proposalId' = $1`,
    [proposalId],
  );
  const worker = startWorker();
  try {
    await expect(async () => {
      const [row] = await sql<{ status: string }>(`SELECT status::text FROM "Proposal" WHERE id = $1`, [proposalId]);
      expect(row?.status).toBe("passed");
    }).toPass({ timeout: 60_000, intervals: [1000] });
  } finally {
    worker.kill("SIGTERM");
  }
  await operator.reload();
  await expect(operator.getByTestId("proposal-status")).toHaveText("passed");
  await expect(operator.getByTestId("support")).toContainText("100 % (needs 67 %)");
  await expect(operator.getByTestId("participation")).toContainText("80 % of 50 % quorum");
  await expect(operator.getByRole("button", { name: "For", exact: true })).toHaveCount(0);

  // The proposal links its audit events.
  await admin.reload();
  await admin.getByRole("link", { name: "Audit events" }).click();
  await expect(admin).toHaveURL(new RegExp(`/audit\\?target=${proposalId}`));
  await expect(admin.getByTestId("audit-row").first()).toContainText("governance.proposal-passed");

  await operatorContext.close();
  await viewerContext.close();
});

test("an emergency enacted by an admin awaits ratification; an operator cannot enact", async ({
  page,
  browser,
}, testInfo) => {
  const title = `Isolate the Lyon uplink (${testInfo.project.name} ${Date.now()})`;
  const operatorContext = await browser.newContext({ ...testInfo.project.use });
  const operator = await newSession(await operatorContext.newPage(), "operator");
  await operator.goto("/governance/new");
  await operator.getByLabel("Title").fill(title);
  await operator.getByLabel("Type").selectOption("emergency");
  await operator.getByRole("button", { name: "Create draft" }).click();
  await expect(operator.getByTestId("proposal-status")).toHaveText("draft");
  await expect(operator.getByRole("button", { name: "Enact now" })).toHaveCount(0);
  await expect(operator.getByRole("button", { name: "Open voting" })).toHaveCount(0);
  const proposalId = operator.url().split("/").pop() ?? "";

  const admin = await newSession(page, "admin");
  await admin.goto(`/governance/${proposalId}`);
  await admin.getByRole("button", { name: "Enact now" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Enact" }).click();
  await expect(admin.getByTestId("proposal-status")).toHaveText("enacted, awaiting ratification");
  await expect(admin.getByText(/\d+ d \d+ h left/).first()).toBeVisible();

  await operator.goto("/governance");
  const row = operator.getByRole("list", { name: "Proposals" }).getByTestId("proposal-row").filter({ hasText: title });
  await expect(row).toContainText("enacted, awaiting ratification");
  await operatorContext.close();
});
