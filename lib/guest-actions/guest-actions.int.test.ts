import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createMember } from "@/test/factories";
import { guestMigrate, guestMigratePrecheck, guestPower, refreshGuest } from "./mutations";
import { readTaskState } from "./task-status";
import { registerSimulatedCluster, waitForSimTask, type RegisteredSimulator } from "@/test/guest-actions";

let reg: RegisteredSimulator;
beforeAll(async () => {
  reg = await registerSimulatedCluster();
});
afterAll(async () => {
  await reg.close();
});

async function follow(upid: string) {
  await waitForSimTask(reg.cluster, upid);
  const state = await readTaskState(reg.clusterId, upid);
  if (!state.ok) throw new Error(state.message);
  return state.task;
}

describe("guest power actions", () => {
  it("an operator starts a stopped VM: the task is recorded, audited, ends OK, and the row is refreshed", async () => {
    const operator = await createMember("operator");
    const result = await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 101, action: "start" }, operator);
    expect(result).toMatchObject({
      ok: true,
      data: { vmid: 101, node: "pve1", upid: expect.stringMatching(/^UPID:pve1:.*:qmstart:101:/) },
    });
    if (!result.ok) return;
    const { upid } = result.data;
    expect(
      await db.clusterTask.findFirst({
        where: { clusterId: reg.clusterId, upid },
        select: { type: true, objectId: true, endedAt: true },
      }),
    ).toEqual({ type: "qmstart", objectId: "101", endedAt: null });
    const event = await db.auditEvent.findFirst({
      where: { action: "guest.start", targetId: `${reg.clusterId}:101` },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ actorId: operator.id, payload: expect.objectContaining({ upid, vmid: 101 }) });
    expect(JSON.stringify(event?.payload)).not.toContain("5d7c1a2b");

    expect(await follow(upid)).toMatchObject({ running: false, ok: true, exitstatus: "OK" });
    expect(
      await executeAction(refreshGuest, { clusterId: reg.clusterId, vmid: 101, node: "pve1", upid }, operator),
    ).toMatchObject({ ok: true, data: { status: "running" } });
    expect((await db.guest.findFirstOrThrow({ where: { clusterId: reg.clusterId, vmid: 101 } })).status).toBe(
      "running",
    );
    expect(
      await db.clusterTask.findFirst({ where: { clusterId: reg.clusterId, upid }, select: { ok: true, status: true } }),
    ).toEqual({ ok: true, status: "OK" });
  });

  it("starting a running VM is accepted, then fails inside the task with Proxmox's words", async () => {
    const operator = await createMember("operator");
    const result = await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 100, action: "start" }, operator);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const task = await follow(result.data.upid);
    expect(task.ok).toBe(false);
    expect(task.exitstatus).toMatch(/already running/i);
  });

  it("rebooting a stopped VM fails at once, changes nothing and audits the refusal", async () => {
    const admin = await createMember("admin");
    const tasksBefore = reg.cluster.tasks().length;
    const result = await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 102, action: "reboot" }, admin);
    expect(result).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/^Proxmox refused: .*not running/i),
    });
    expect(reg.cluster.tasks().length).toBe(tasksBefore);
    expect(await db.auditEvent.count({ where: { action: "guest.reboot-refused", actorId: admin.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "guest.reboot", actorId: admin.id } })).toBe(0);
  });

  it("a viewer is refused before Proxmox is called, and the denial is audited", async () => {
    const viewer = await createMember("viewer");
    const requests = reg.cluster.requests.length;
    const result = await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 102, action: "start" }, viewer);
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(reg.cluster.requests.length).toBe(requests);
    expect(await db.auditEvent.count({ where: { action: "access.denied", actorId: viewer.id } })).toBe(1);
  });

  it("refuses unknown guests, bad input and an unreachable cluster plainly", async () => {
    const operator = await createMember("operator");
    expect(
      await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 999, action: "start" }, operator),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 101, action: "destroy" }, operator),
    ).toMatchObject({ ok: false, code: "validation" });
    expect(
      await executeAction(guestPower, { clusterId: "not-a-uuid", vmid: 101, action: "stop" }, operator),
    ).toMatchObject({ ok: false, code: "validation" });
    await reg.cluster.setDown(true);
    try {
      const down = await executeAction(guestPower, { clusterId: reg.clusterId, vmid: 103, action: "stop" }, operator);
      expect(down).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("did not answer") });
    } finally {
      await reg.cluster.setDown(false);
    }
  });
});

describe("migration", () => {
  it("prechecks, then moves a running VM to another node", async () => {
    const operator = await createMember("operator");
    const precheck = await executeAction(guestMigratePrecheck, { clusterId: reg.clusterId, vmid: 103 }, operator);
    expect(precheck).toMatchObject({ ok: true, data: { node: "pve2", running: true } });
    if (!precheck.ok) return;
    expect(precheck.data.nodes.map((n) => n.node)).toEqual(["pve1", "pve3"]);
    const target = precheck.data.nodes.find((n) => n.allowed)?.node;
    expect(target).toBeDefined();
    if (!target) return;

    const result = await executeAction(
      guestMigrate,
      { clusterId: reg.clusterId, vmid: 103, target, online: true },
      operator,
    );
    expect(result).toMatchObject({ ok: true, data: { node: target } });
    if (!result.ok) return;
    expect(await follow(result.data.upid)).toMatchObject({ ok: true });
    expect(reg.cluster.guest(103)?.node).toBe(target);
    await executeAction(
      refreshGuest,
      { clusterId: reg.clusterId, vmid: 103, node: target, upid: result.data.upid },
      operator,
    );
    expect(
      await db.guest.findFirstOrThrow({
        where: { clusterId: reg.clusterId, vmid: 103 },
        select: { node: true, status: true },
      }),
    ).toEqual({ node: target, status: "running" });
    const event = await db.auditEvent.findFirst({
      where: { action: "guest.migrate", targetId: `${reg.clusterId}:103` },
    });
    expect(event?.payload).toMatchObject({ from: "pve2", to: target, online: true });
  });

  it("refuses a migration to the node the guest is on", async () => {
    const operator = await createMember("operator");
    const guest = await db.guest.findFirstOrThrow({ where: { clusterId: reg.clusterId, vmid: 200 } });
    expect(
      await executeAction(
        guestMigrate,
        { clusterId: reg.clusterId, vmid: 200, target: guest.node, online: false },
        operator,
      ),
    ).toMatchObject({
      ok: false,
      code: "validation",
    });
  });
});
