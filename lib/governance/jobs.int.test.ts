// The real queue: opening a vote sends a close job due at the close time, and a worker running
// the governance jobs closes the proposal on time without anyone visiting it.
import { afterAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { CLOSE_DUE_JOB, registerGovernanceJobs } from "./jobs";
import { openVoting } from "./mutations";
import { created, members } from "@/test/governance";
import { castVote } from "./vote-mutations";

afterAll(async () => {
  await stopBoss(5_000);
});

describe("governance jobs", () => {
  it("close a vote at its close time through the worker", async () => {
    const boss = await getBoss();
    const stop = await registerGovernanceJobs(boss);
    const [author] = await members("operator");
    const closesAt = new Date(Date.now() + 25 * 3_600_000);
    const id = await created(author!, { closesAt });
    expect((await executeAction(openVoting, { proposalId: id }, author!)).ok).toBe(true);
    await executeAction(castVote, { proposalId: id, choice: "for" }, author!);

    // The job sent on opening waits for the close time.
    const queued = await db.$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = ${CLOSE_DUE_JOB} AND data->>'proposalId' = ${id}`;
    expect(queued).toHaveLength(1);
    expect(Math.abs(queued[0]!.start_after.getTime() - closesAt.getTime())).toBeLessThan(1000);

    // Bring the close time (and the job) forward instead of waiting a day.
    const soon = new Date(Date.now() + 1500);
    await db.proposal.update({ where: { id }, data: { closesAt: soon } });
    await db.$executeRaw`UPDATE pgboss.job SET start_after = ${soon} WHERE name = ${CLOSE_DUE_JOB} AND data->>'proposalId' = ${id}`;

    let status = "open";
    for (let i = 0; i < 40 && status === "open"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await db.proposal.findUniqueOrThrow({ where: { id } })).status;
    }
    expect(status).toBe("passed");
    const closed = await db.proposal.findUniqueOrThrow({ where: { id } });
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(soon.getTime());
    // It was this proposal's own job that ran (not only the every-minute safety net).
    await expect
      .poll(
        async () =>
          (
            await db.$queryRaw<
              { state: string }[]
            >`SELECT state::text FROM pgboss.job WHERE name = ${CLOSE_DUE_JOB} AND data->>'proposalId' = ${id}`
          )[0]?.state,
        { timeout: 5_000 },
      )
      .toBe("completed");
    await stop();
  }, 40_000);
});
