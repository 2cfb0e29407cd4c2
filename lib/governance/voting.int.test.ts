import { describe, expect, it, vi } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { changeRole } from "@/lib/team/mutations";
import { liveTally } from "./close";
import { runCloseDue } from "./jobs";
import { closeWindowAt, members, opened } from "@/test/governance";
import { castVote, setClusterAssignments, setExpertise } from "./vote-mutations";

vi.mock("./schedule", () => ({ scheduleVotingJobs: async () => undefined }));

async function tallyOf(id: string) {
  return liveTally(db, await db.proposal.findUniqueOrThrow({ where: { id } }));
}

describe("votes", () => {
  it("keeps one vote per member under simultaneous clicks", async () => {
    const [author] = await members("operator");
    const id = await opened(author!);
    const choices = ["for", "against", "abstain", "for", "against", "for"] as const;
    const results = await Promise.all(
      choices.map((choice) => executeAction(castVote, { proposalId: id, choice }, author!)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.vote.count({ where: { proposalId: id } })).toBe(1);
    // The audit trail agrees with the stored vote: its last event names the current choice.
    const last = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: { startsWith: "governance.vote-" } },
      orderBy: { seq: "desc" },
    });
    const stored = await db.vote.findFirstOrThrow({ where: { proposalId: id } });
    expect(last.payload).toMatchObject({ choice: stored.choice });
  });

  it("the database itself refuses a second vote row and a vote from outside the snapshot", async () => {
    const [author, outsider] = await members("operator", "operator");
    const id = await opened(author!);
    await db.vote.create({ data: { proposalId: id, voterId: author!.id, choice: "for" } });
    await expect(
      db.vote.create({ data: { proposalId: id, voterId: author!.id, choice: "against" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    const late = await members("operator");
    await expect(db.vote.create({ data: { proposalId: id, voterId: late[0]!.id, choice: "for" } })).rejects.toThrow();
    expect(outsider).toBeDefined();
  });

  it("accepts a vote before the close and refuses one a second after it, changing nothing", async () => {
    const [author, other] = await members("operator", "admin");
    const id = await opened(author!);
    await closeWindowAt(id, new Date(Date.now() + 2000));
    expect((await executeAction(castVote, { proposalId: id, choice: "for" }, author!)).ok).toBe(true);
    await closeWindowAt(id, new Date(Date.now() - 1000));
    expect(await executeAction(castVote, { proposalId: id, choice: "for" }, other!)).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringContaining("closed"),
    });
    expect(await executeAction(castVote, { proposalId: id, choice: "against" }, author!)).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await db.vote.findMany({ where: { proposalId: id }, select: { voterId: true, choice: true } })).toEqual([
      { voterId: author!.id, choice: "for" },
    ]);
    // And once the job has closed it, too.
    await runCloseDue();
    expect(await executeAction(castVote, { proposalId: id, choice: "against" }, author!)).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("a viewer cannot vote on a technical proposal but votes on an economic one", async () => {
    const [author, viewer] = await members("operator", "viewer");
    const technical = await opened(author!);
    expect(await executeAction(castVote, { proposalId: technical, choice: "for" }, viewer!)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const economic = await opened(author!, { type: "economic" });
    expect((await executeAction(castVote, { proposalId: economic, choice: "for" }, viewer!)).ok).toBe(true);
  });

  it("refuses malformed votes and weights with a clear error, changing nothing", async () => {
    const [author, admin] = await members("operator", "admin");
    const id = await opened(author!);
    expect(await executeAction(castVote, { proposalId: id, choice: "maybe" }, author!)).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { choice: ["Vote for, against or abstain."] },
    });
    expect(await executeAction(castVote, { proposalId: "not-a-uuid", choice: "for" }, author!)).toMatchObject({
      ok: false,
      code: "validation",
    });
    expect(await executeAction(castVote, { proposalId: crypto.randomUUID(), choice: "for" }, author!)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await executeAction(setExpertise, { userId: author!.id, score: 101 }, admin!)).toMatchObject({
      ok: false,
      code: "validation",
    });
    expect(await db.vote.count({ where: { proposalId: id } })).toBe(0);
    expect(await db.memberExpertise.findUnique({ where: { userId: author!.id } })).toBeNull();
  });

  it("decides at the exact threshold through the database: 2 of 3 fails 67 % and passes 66 %", async () => {
    const [a, b, c] = await members("operator", "operator", "admin");
    const strict = await opened(a!, { thresholdPct: 67 });
    const lenient = await opened(a!, { thresholdPct: 66 });
    for (const id of [strict, lenient]) {
      await executeAction(castVote, { proposalId: id, choice: "for" }, a!);
      await executeAction(castVote, { proposalId: id, choice: "for" }, b!);
      await executeAction(castVote, { proposalId: id, choice: "against" }, c!);
      await closeWindowAt(id, new Date(Date.now() - 1000));
    }
    await runCloseDue();
    expect((await db.proposal.findUniqueOrThrow({ where: { id: strict } })).status).toBe("rejected");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: lenient } })).status).toBe("passed");
  });

  it("fails without quorum even if everyone who voted is for; abstentions count toward quorum", async () => {
    const [a, b, c, d] = await members("operator", "operator", "operator", "operator");
    const short = await opened(a!, { quorumPct: 75 });
    await executeAction(castVote, { proposalId: short, choice: "for" }, a!);
    await executeAction(castVote, { proposalId: short, choice: "for" }, b!);
    expect(await tallyOf(short)).toMatchObject({ quorumReached: false, passes: false });
    await executeAction(castVote, { proposalId: short, choice: "abstain" }, c!);
    expect(await tallyOf(short)).toMatchObject({ quorumReached: true, passes: true, participating: 3, eligible: 4 });
    expect(d).toBeDefined();
  });
});

describe("weights", () => {
  it("are frozen when voting opens: later role and expertise changes do not move the vote", async () => {
    const [admin, expert, novice] = await members("admin", "operator", "viewer");
    await executeAction(setExpertise, { userId: admin!.id, score: 0 }, admin!);
    await executeAction(setExpertise, { userId: expert!.id, score: 90 }, admin!);
    await executeAction(setExpertise, { userId: novice!.id, score: 10 }, admin!);
    const id = await opened(admin!, { type: "economic" });
    const snapshot = await db.proposal.findUniqueOrThrow({
      where: { id },
      include: { voters: { orderBy: { weight: "desc" } } },
    });
    // No clusters assigned and no earnings: expertise alone, renormalised to 100 %.
    expect(snapshot.effectiveWeights).toMatchObject({
      dropped: ["clusterStake", "economic"],
      effective: { expertise: 100 },
      equalFallback: false,
    });
    expect(snapshot.voters.map((v) => [v.userId, v.weight])).toEqual([
      [expert!.id, 900_000],
      [novice!.id, 100_000],
    ]);
    await executeAction(castVote, { proposalId: id, choice: "for" }, novice!);
    const before = await tallyOf(id);

    await executeAction(setExpertise, { userId: novice!.id, score: 100 }, admin!);
    await executeAction(changeRole, { userId: novice!.id, role: "admin" }, admin!);
    // The admin had no weight when it opened, and still has none.
    expect(await executeAction(castVote, { proposalId: id, choice: "for" }, admin!)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await tallyOf(id)).toEqual(before);
    const after = await db.proposalVoter.findMany({ where: { proposalId: id }, orderBy: { weight: "desc" } });
    expect(after.map((v) => [v.weight, v.role])).toEqual([
      [900_000, "operator"],
      [100_000, "viewer"],
    ]);
  });

  it("weighs everyone the same when no component has a total", async () => {
    const [a] = await members("operator", "viewer", "viewer");
    await db.memberExpertise.deleteMany({});
    const id = await opened(a!, { type: "economic" });
    const p = await db.proposal.findUniqueOrThrow({ where: { id }, include: { voters: true } });
    expect(p.effectiveWeights).toMatchObject({ equalFallback: true });
    expect(p.voters.map((v) => v.weight).sort()).toEqual([333_333, 333_333, 333_334]);
  });

  it("splits a cluster's capacity among the members assigned to it", async () => {
    const [admin, op] = await members("admin", "operator");
    await db.memberExpertise.deleteMany({});
    const cluster = await db.cluster.create({
      data: {
        name: `gov-${Date.now()}`,
        apiUrl: "https://pve.test:8006",
        tokenId: "root@pam!sovereign",
        tokenSecretCiphertext: "x",
        tokenSecretIv: "x",
        tokenSecretTag: "x",
        tokenSecretKeyId: "k",
        fingerprint: "AA",
        siteName: "Lyon",
        role: "primary",
        tier: 1,
        latitude: 45.7,
        longitude: 4.8,
        country: "FR",
        electricityPricePerKwh: 0.2,
        currency: "EUR",
      },
    });
    await db.clusterNode.create({ data: { clusterId: cluster.id, name: "pve1", status: "online", maxcpu: 48 } });
    expect((await executeAction(setClusterAssignments, { userId: op!.id, clusterIds: [cluster.id] }, admin!)).ok).toBe(
      true,
    );
    expect(await executeAction(setClusterAssignments, { userId: op!.id, clusterIds: [cluster.id] }, op!)).toMatchObject(
      { ok: false, code: "forbidden" },
    );
    const id = await opened(admin!, { type: "economic" });
    const voters = await db.proposalVoter.findMany({ where: { proposalId: id } });
    expect(voters).toEqual([expect.objectContaining({ userId: op!.id, weight: 1_000_000, clusterStakeShare: 1 })]);
  });
});
