// The rule of lib/actions/execute.ts: an action that calls a cluster holds no database
// transaction open while it waits for the answer. The simulator answers slowly, and meanwhile no
// backend of this database may sit "idle in transaction" after reading the cluster's connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { registerSimulatedCluster, type RegisteredSimulator } from "@/test/guest-actions";
import { guestMigrate, guestMigratePrecheck, guestPower, refreshGuest } from "./mutations";

const LATENCY_MS = 400;

let reg: RegisteredSimulator;
beforeAll(async () => {
  reg = await registerSimulatedCluster();
});
afterAll(async () => {
  await reg.close();
});

/** Backends waiting inside a transaction whose last statement read a cluster's token columns. */
async function transactionsHeldOverClusterCall(): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND state = 'idle in transaction'
      AND query LIKE '%tokenSecretCiphertext%'`;
  return Number(rows[0]?.n ?? 0);
}

async function heldWhile<T>(run: Promise<T>, sample?: () => Promise<void>): Promise<{ held: number; result: T }> {
  let held = 0;
  let done = false;
  const finished = run.finally(() => {
    done = true;
  });
  while (!done) {
    held = Math.max(held, await transactionsHeldOverClusterCall());
    await sample?.();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { held, result: await finished };
}

describe("guest actions call Proxmox outside any transaction", () => {
  it("power, precheck, migrate and refresh hold no transaction during the slow call", async () => {
    const operator = await createMember("operator");
    reg.cluster.setLatency(LATENCY_MS);
    try {
      const calls: (() => Promise<{ ok: boolean }>)[] = [
        () => executeAction(guestPower, { clusterId: reg.clusterId, vmid: 102, action: "start" }, operator),
        () => executeAction(guestMigratePrecheck, { clusterId: reg.clusterId, vmid: 100 }, operator),
        () => executeAction(guestMigrate, { clusterId: reg.clusterId, vmid: 103, target: "pve3" }, operator),
        () => executeAction(refreshGuest, { clusterId: reg.clusterId, vmid: 100, node: "pve1" }, operator),
      ];
      for (const call of calls) {
        const { held, result } = await heldWhile(call());
        expect(result).toMatchObject({ ok: true });
        expect(held).toBe(0);
      }
    } finally {
      reg.cluster.setLatency(0);
    }
  });

  it("a call Proxmox refuses records the intent before it and the result after, with no transaction held", async () => {
    const operator = await createMember("operator");
    const targetId = `${reg.clusterId}:101`;
    const intentVisible = () => db.auditEvent.count({ where: { action: "guest.reboot-requested", targetId } });
    reg.cluster.setLatency(LATENCY_MS);
    let intentSeenDuringCall = false;
    try {
      const call = executeAction(guestPower, { clusterId: reg.clusterId, vmid: 101, action: "reboot" }, operator);
      const { held, result } = await heldWhile(call, async () => {
        // Committed before the call returns: another connection already sees it.
        if ((await intentVisible()) > 0) intentSeenDuringCall = true;
      });
      expect(result).toMatchObject({ ok: false, code: "conflict" });
      expect(held).toBe(0);
    } finally {
      reg.cluster.setLatency(0);
    }
    expect(intentSeenDuringCall).toBe(true);
    const events = await db.auditEvent.findMany({
      where: { targetId, actorId: operator.id },
      orderBy: { seq: "asc" },
      select: { action: true, payload: true },
    });
    expect(events.map((e) => e.action)).toEqual(["guest.reboot-requested", "guest.reboot-refused"]);
    expect(events[1]!.payload).toMatchObject({ vmid: 101, proxmoxCode: expect.any(String) });
    // Nothing started, so nothing was recorded as a task.
    expect(await db.auditEvent.count({ where: { action: "guest.reboot", targetId } })).toBe(0);
  });
});
