import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashEvent } from "./chain";
import { recordAudit } from "./record";
import { asSuperuserRolledBack } from "@/test/audit";
import { verifyAuditChain } from "./verify";

describe("audit trail in PostgreSQL", () => {
  it("does not fork under concurrent writers", async () => {
    const before = await db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction((tx) =>
          recordAudit(tx, { action: "test.concurrent", actor: { id: null, label: "test" }, payload: { i } }),
        ),
      ),
    );
    expect(await db.auditEvent.count()).toBe(before + 20);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("rolls the event back with the change it describes", async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { action: "test.rolled-back", actor: { id: null, label: "test" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("detects a row changed behind the app's back, at that row", async () => {
    await db.$transaction((tx) =>
      recordAudit(tx, { action: "test.target", actor: { id: null, label: "test" }, payload: { amount: 1 } }),
    );
    await db.$transaction((tx) => recordAudit(tx, { action: "test.after", actor: { id: null, label: "test" } }));
    const target = await db.auditEvent.findFirstOrThrow({ where: { action: "test.target" }, orderBy: { seq: "desc" } });
    // The table refuses UPDATE; a superuser who disables triggers gets past that, which is the case
    // the chain is for. Inside a transaction rolled back afterwards, so later tests see it intact.
    const result = await asSuperuserRolledBack(async (tx) => {
      await tx.$executeRaw`UPDATE "AuditEvent" SET payload = '{"amount": 1000}'::jsonb WHERE seq = ${target.seq}`;
      return verifyAuditChain(tx);
    });
    expect(result).toMatchObject({ ok: false, broken: { seq: target.seq, reason: "content-altered" } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("keeps fractions in the payload verifiable after they are read back (a weight of 400 / 7)", async () => {
    const payload = { share: 400 / 7, small: 1e-7 / 3, whole: 2 ** 40, nested: [{ ratio: 2 / 3 }], none: Number.NaN };
    await db.$transaction((tx) =>
      recordAudit(tx, { action: "test.fractions", actor: { id: null, label: "test" }, payload }),
    );
    const stored = await db.auditEvent.findFirstOrThrow({
      where: { action: "test.fractions" },
      orderBy: { seq: "desc" },
    });
    expect(hashEvent(stored)).toBe(stored.hash);
    expect(stored.payload).toMatchObject({ whole: 2 ** 40, none: null });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
