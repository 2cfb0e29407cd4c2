// Point 10 of issue 14: the database refuses to change the trail, and signed checkpoints catch
// what a superuser who gets past that could still do (cut off the newest events, or rewrite the
// chain and re-hash it).
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { asSuperuserRolledBack } from "@/test/audit";
import { hashEvent, type StoredEvent } from "./chain";
import { fromExport, parsePublicKey, signCheckpoint, toExport } from "./checkpoint";
import { listCheckpoints, writeCheckpoint } from "./checkpoints";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

const { privateKey } = generateKeyPairSync("ed25519");
const publicKey = createPublicKey(privateKey);

async function append(action: string, payload: Record<string, unknown> = {}) {
  await db.$transaction((tx) => recordAudit(tx, { action, actor: { id: null, label: "test" }, payload }));
}

describe("the database keeps the audit trail append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on events and checkpoints", async () => {
    await append("test.immutable");
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await writeCheckpoint(db, privateKey);
    const before = await db.auditEvent.count();
    const refused = /append-only/;
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET action = 'x' WHERE seq = ${event.seq}`).rejects.toThrow(
      refused,
    );
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${event.seq}`).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(refused);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(refused);
    await expect(db.$executeRaw`UPDATE "AuditCheckpoint" SET hash = 'x'`).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM "AuditCheckpoint"`).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditCheckpoint"`)).rejects.toThrow(refused);
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { seq: event.seq } })).toEqual(event);
    expect(await db.auditCheckpoint.count()).toBeGreaterThan(0);
  });
});

describe("signed checkpoints", () => {
  it("are written only when the head moved, and an intact chain matches them", async () => {
    await append("test.checkpointed");
    const first = await writeCheckpoint(db, privateKey);
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(first).toMatchObject({ seq: head.seq, hash: head.hash });
    expect(await writeCheckpoint(db, privateKey)).toBeNull();
    const result = await verifyAuditChain(db, { publicKey });
    expect(result).toMatchObject({ ok: true, checkpoints: { status: "ok", lastSeq: head.seq, uncovered: 0 } });
    await append("test.after-checkpoint");
    expect(await verifyAuditChain(db, { publicKey })).toMatchObject({ ok: true, checkpoints: { uncovered: 1 } });
    // Without the public key they cannot be trusted, and the result says so rather than "ok".
    expect((await verifyAuditChain(db)).checkpoints).toMatchObject({ status: "unverifiable" });
  });

  it("detect the newest events cut off, even when new events were appended after the cut", async () => {
    await append("test.before-cut");
    await append("test.to-be-cut-1");
    await append("test.to-be-cut-2");
    const checkpoint = (await writeCheckpoint(db, privateKey))!;
    const result = await asSuperuserRolledBack(async (tx) => {
      const cut = await tx.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 2, select: { seq: true } });
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE seq >= ${cut[1]!.seq}`;
      // The remaining chain links up perfectly: only the checkpoint shows what is missing.
      const cutOnly = await verifyAuditChain(tx, { publicKey });
      await recordAudit(tx, { action: "test.after-cut", actor: { id: null, label: "intruder" } });
      const appended = await verifyAuditChain(tx, { publicKey });
      return { cutOnly, appended };
    });
    expect(result.cutOnly).toMatchObject({
      ok: false,
      broken: null,
      checkpoints: { status: "truncated", seq: checkpoint.seq },
    });
    expect(result.appended).toMatchObject({ ok: false, broken: null, checkpoints: { status: "truncated" } });
    expect(await verifyAuditChain(db, { publicKey })).toMatchObject({ ok: true });
  });

  it("detect a chain rewritten and re-hashed from an old event on", async () => {
    await append("test.to-rewrite", { amount: 1 });
    await append("test.after-rewrite");
    await writeCheckpoint(db, privateKey);
    const target = await db.auditEvent.findFirstOrThrow({
      where: { action: "test.to-rewrite" },
      orderBy: { seq: "desc" },
    });
    const result = await asSuperuserRolledBack(async (tx) => {
      const events: StoredEvent[] = await tx.auditEvent.findMany({
        where: { seq: { gte: target.seq } },
        orderBy: { seq: "asc" },
      });
      let prevHash = events[0]!.prevHash;
      for (const [i, event] of events.entries()) {
        const content = { ...event, prevHash, payload: i === 0 ? { amount: 1000 } : event.payload };
        const hash = hashEvent(content);
        await tx.$executeRaw`UPDATE "AuditEvent" SET payload = ${JSON.stringify(content.payload)}::jsonb,
          "prevHash" = ${prevHash}, hash = ${hash} WHERE seq = ${event.seq}`;
        prevHash = hash;
      }
      return verifyAuditChain(tx, { publicKey });
    });
    // Every link checks out; the signed hash of the head does not.
    expect(result).toMatchObject({ ok: false, broken: null, checkpoints: { status: "rewritten" } });
    expect(await verifyAuditChain(db, { publicKey })).toMatchObject({ ok: true });
  });

  it("export to JSON that verifies with the public key alone, and a forged one is refused", async () => {
    await append("test.exported");
    await writeCheckpoint(db, privateKey);
    const exported = JSON.parse(JSON.stringify(toExport(await listCheckpoints(db), null)));
    const key = parsePublicKey(publicKey.export({ format: "der", type: "spki" }).toString("base64"))!;
    const copy = fromExport(exported);
    expect(await verifyAuditChain(db, { publicKey: key, checkpoints: copy })).toMatchObject({
      ok: true,
      checkpoints: { status: "ok", checked: copy.length },
    });

    // Cut off with the database's own checkpoints cut too: the exported copy still tells.
    const cut = await asSuperuserRolledBack(async (tx) => {
      const head = await tx.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      await tx.$executeRaw`DELETE FROM "AuditCheckpoint" WHERE seq >= ${head.seq}`;
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE seq = ${head.seq}`;
      return {
        own: await verifyAuditChain(tx, { publicKey: key }),
        exported: await verifyAuditChain(tx, { publicKey: key, checkpoints: copy }),
      };
    });
    expect(cut.own.ok).toBe(true);
    expect(cut.exported).toMatchObject({ ok: false, checkpoints: { status: "truncated" } });

    const other = generateKeyPairSync("ed25519").privateKey;
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const forged = signCheckpoint(other, head, new Date());
    expect(await verifyAuditChain(db, { publicKey: key, checkpoints: [...copy, forged] })).toMatchObject({
      ok: false,
      checkpoints: { status: "bad-signature" },
    });
  });
});
