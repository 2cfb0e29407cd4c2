import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { createCluster, createMember } from "@/test/factories";
import { guestOn, unique, workloadForm } from "@/test/placement-workloads";
import {
  assignGuests,
  createWorkload,
  deleteWorkload,
  setRewardRate,
  unassignGuest,
  updateWorkload,
} from "./mutations";

describe("workloads", () => {
  it("an admin creates, edits and deletes a workload; each change is audited", async () => {
    const admin = await createMember("admin");
    const cluster = await createCluster();
    const created = await executeAction(
      createWorkload,
      workloadForm({
        tag: "Sov-Helium-" + unique(),
        gpu: "on",
        pinnedClusterIds: [cluster.id],
        latencyLatitude: "48.8",
        latencyLongitude: "2.3",
        maxLatencyMs: "20",
      }),
      admin,
    );
    if (!created.ok) throw new Error(`${created.message} ${JSON.stringify(created.fieldErrors)}`);
    const row = await db.workload.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row).toMatchObject({
      networkId: "helium",
      service: null,
      vcpu: 2,
      memoryMb: 2048,
      gpu: true,
      replicas: 3,
      allowedCountries: ["DE", "FR"],
      pinnedClusterIds: [cluster.id],
      maxLatencyMs: 20,
    });
    expect(row.tag).toMatch(/^sov-helium-/);

    const updated = await executeAction(
      updateWorkload,
      {
        ...workloadForm({ name: row.name, networkId: "", service: "ai_inference", replicas: "1" }),
        workloadId: row.id,
      },
      admin,
    );
    expect(updated.ok).toBe(true);
    expect(await db.workload.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      networkId: null,
      service: "ai_inference",
      replicas: 1,
      gpu: false,
      tag: null,
    });

    expect(await executeAction(deleteWorkload, { workloadId: row.id }, admin)).toMatchObject({ ok: true });
    expect(await db.workload.findUnique({ where: { id: row.id } })).toBeNull();
    const actions = (
      await db.auditEvent.findMany({
        where: { targetType: "workload", targetId: row.id },
        orderBy: { seq: "asc" },
        select: { action: true },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["placement.workload-created", "placement.workload-updated", "placement.workload-deleted"]);
  });

  it.each([
    ["both a network and a service", { service: "trading_bot" }, "networkId"],
    ["neither a network nor a service", { networkId: "" }, "networkId"],
    ["a three-letter country", { allowedCountries: "FRA" }, "allowedCountries.0"],
    ["half a latency bound", { latencyLatitude: "48.8", maxLatencyMs: "20" }, "maxLatencyMs"],
    ["zero replicas", { replicas: "0" }, "replicas"],
    ["a huge vCPU count", { vcpu: "100000" }, "vcpu"],
    ["a tag with a space", { tag: "sov helium" }, "tag"],
    [
      "a cluster pinned and excluded",
      {
        pinnedClusterIds: ["00000000-0000-4000-8000-000000000001"],
        excludedClusterIds: ["00000000-0000-4000-8000-000000000001"],
      },
      "excludedClusterIds",
    ],
  ])("refuses %s", async (_label, overrides, field) => {
    const admin = await createMember("admin");
    const result = await executeAction(createWorkload, workloadForm(overrides), admin);
    expect(result).toMatchObject({ ok: false, code: "validation" });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
  });

  it("refuses unknown clusters and networks, a taken name or tag, and every role but admin", async () => {
    const admin = await createMember("admin");
    const missing = await executeAction(
      createWorkload,
      workloadForm({ pinnedClusterIds: [randomUUID()], networkId: "no-such-network" }),
      admin,
    );
    expect(missing).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { pinnedClusterIds: [expect.any(String)], networkId: ["Unknown network."] },
    });

    const tag = `sov-${unique()}`;
    const first = await executeAction(createWorkload, workloadForm({ tag }), admin);
    if (!first.ok) throw new Error(first.message);
    const name = (await db.workload.findUniqueOrThrow({ where: { id: first.data.id } })).name;
    expect(await executeAction(createWorkload, workloadForm({ name: name.toUpperCase() }), admin)).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await executeAction(createWorkload, workloadForm({ tag }), admin)).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { tag: [expect.any(String)] },
    });

    for (const role of ["operator", "viewer"] as const) {
      const member = await createMember(role);
      expect(await executeAction(createWorkload, workloadForm(), member)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await executeAction(deleteWorkload, { workloadId: first.data.id }, member)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(
        await executeAction(
          setRewardRate,
          { subject: "network:helium", region: "", monthlyUsdPerReplica: "1" },
          member,
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await executeAction(createWorkload, workloadForm(), null)).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });
});

describe("assigning guests", () => {
  it("assigns existing guests to one workload at most, and unassigns them", async () => {
    const admin = await createMember("admin");
    const cluster = await createCluster();
    const tag = `sov-${unique()}`;
    await guestOn(cluster.id, 100);
    await guestOn(cluster.id, 101, [tag]);
    await guestOn(cluster.id, 102, [], true);
    const a = await executeAction(createWorkload, workloadForm(), admin);
    const b = await executeAction(createWorkload, workloadForm({ tag }), admin);
    if (!a.ok || !b.ok) throw new Error("workloads not created");

    expect(
      await executeAction(
        assignGuests,
        { workloadId: a.data.id, guests: [{ clusterId: cluster.id, vmid: 100 }] },
        admin,
      ),
    ).toMatchObject({ ok: true, data: { assigned: 1 } });
    // Again is a no-op; to another workload is refused.
    expect(
      await executeAction(
        assignGuests,
        { workloadId: a.data.id, guests: [{ clusterId: cluster.id, vmid: 100 }] },
        admin,
      ),
    ).toMatchObject({ ok: true, data: { assigned: 0 } });
    expect(
      await executeAction(
        assignGuests,
        { workloadId: b.data.id, guests: [{ clusterId: cluster.id, vmid: 100 }] },
        admin,
      ),
    ).toMatchObject({ ok: false, code: "conflict" });
    // A guest carrying another workload's tag already belongs to it.
    expect(
      await executeAction(
        assignGuests,
        { workloadId: a.data.id, guests: [{ clusterId: cluster.id, vmid: 101 }] },
        admin,
      ),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(
      await executeAction(
        assignGuests,
        { workloadId: a.data.id, guests: [{ clusterId: cluster.id, vmid: 102 }] },
        admin,
      ),
    ).toMatchObject({ ok: false, code: "validation" });
    expect(
      await executeAction(
        assignGuests,
        { workloadId: a.data.id, guests: [{ clusterId: cluster.id, vmid: 999 }] },
        admin,
      ),
    ).toMatchObject({ ok: false, code: "not_found" });

    expect(await executeAction(unassignGuest, { clusterId: cluster.id, vmid: 100 }, admin)).toMatchObject({ ok: true });
    expect(await db.workloadGuest.count({ where: { clusterId: cluster.id } })).toBe(0);
    expect(await executeAction(unassignGuest, { clusterId: cluster.id, vmid: 100 }, admin)).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
