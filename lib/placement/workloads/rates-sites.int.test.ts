import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { updateCluster } from "@/lib/clusters/mutations";
import { db } from "@/lib/db";
import { createCluster, createMember } from "@/test/factories";
import { unique } from "@/test/placement-workloads";
import { deleteRewardRate, setRewardRate } from "./mutations";

describe("reward rates", () => {
  it("sets, replaces and deletes a rate per subject and region; refuses unknown subjects", async () => {
    const admin = await createMember("admin");
    const region = `R-${unique()}`;
    expect(
      await executeAction(setRewardRate, { subject: "network:helium", region, monthlyUsdPerReplica: "250" }, admin),
    ).toMatchObject({ ok: true });
    expect(
      await executeAction(setRewardRate, { subject: "network:helium", region, monthlyUsdPerReplica: "275.5" }, admin),
    ).toMatchObject({ ok: true });
    const row = await db.rewardRate.findUniqueOrThrow({
      where: { subject_region: { subject: "network:helium", region } },
    });
    expect(row.monthlyUsdPerReplica.toString()).toBe("275.5");
    expect(
      await executeAction(setRewardRate, { subject: "network:nope", region, monthlyUsdPerReplica: "1" }, admin),
    ).toMatchObject({ ok: false, code: "validation" });
    expect(
      await executeAction(setRewardRate, { subject: "service:mining", region, monthlyUsdPerReplica: "1" }, admin),
    ).toMatchObject({ ok: false, code: "validation" });
    expect(
      await executeAction(setRewardRate, { subject: "service:trading_bot", region, monthlyUsdPerReplica: "-1" }, admin),
    ).toMatchObject({ ok: false, code: "validation" });
    expect(await executeAction(deleteRewardRate, { subject: "network:helium", region }, admin)).toMatchObject({
      ok: true,
    });
    expect(await executeAction(deleteRewardRate, { subject: "network:helium", region }, admin)).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("cluster site data for placement", () => {
  it("the registry's edit form stores power draw, GPUs, latency base and maintenance; empty means the defaults", async () => {
    const admin = await createMember("admin");
    const cluster = await createCluster();
    const site = {
      siteName: "Paris",
      role: "primary",
      tier: "1",
      latitude: "48.8",
      longitude: "2.3",
      country: "FR",
      region: "",
      powerGrid: "",
      isp: "",
      electricityPricePerKwh: "0.2",
      currency: "EUR",
      wattsPerNode: "",
    };
    const saved = await executeAction(
      updateCluster,
      {
        clusterId: cluster.id,
        name: cluster.name,
        ...site,
        wattsPerVcpu: "9.5",
        wattsPerGpu: "300",
        gpuCount: "2",
        latencyBaseMs: "4",
        maintenance: "on",
      },
      admin,
    );
    expect(saved.ok).toBe(true);
    expect(
      await db.cluster.findUniqueOrThrow({
        where: { id: cluster.id },
        select: { wattsPerVcpu: true, wattsPerGpu: true, gpuCount: true, latencyBaseMs: true, maintenance: true },
      }),
    ).toEqual({ wattsPerVcpu: 9.5, wattsPerGpu: 300, gpuCount: 2, latencyBaseMs: 4, maintenance: true });
    await executeAction(
      updateCluster,
      {
        clusterId: cluster.id,
        name: cluster.name,
        ...site,
        wattsPerVcpu: "",
        wattsPerGpu: "",
        gpuCount: "",
        latencyBaseMs: "",
        maintenance: "",
      },
      admin,
    );
    expect(
      await db.cluster.findUniqueOrThrow({
        where: { id: cluster.id },
        select: { wattsPerVcpu: true, gpuCount: true, maintenance: true },
      }),
    ).toEqual({ wattsPerVcpu: null, gpuCount: 0, maintenance: false });
    const bad = await executeAction(
      updateCluster,
      { clusterId: cluster.id, name: cluster.name, ...site, gpuCount: "-1", wattsPerVcpu: "abc" },
      admin,
    );
    expect(bad).toMatchObject({ ok: false, code: "validation" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["gpuCount", "wattsPerVcpu"]);
  });
});
