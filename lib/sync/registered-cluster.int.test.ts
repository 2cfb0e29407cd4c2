// The sync of a cluster registered through the registry's actions: registration, token
// replacement and disabling as the sync sees them.
import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import {
  registerCluster,
  removeCluster,
  replaceClusterToken,
  setClusterEnabled,
  updateCluster,
} from "@/lib/clusters/mutations";
import { clusterEditSelect, listRegistry, registryListSelect } from "@/lib/clusters/queries";
import { decryptSecret, keepEncryptedSecret } from "@/lib/clusters/secrets";
import { db } from "@/lib/db";
import { clusterPublicSelect } from "@/lib/state/cluster-select";
import { createMember } from "@/test/factories";
import { registrationSimulatorPerFile, site, SOVEREIGN, suffix } from "@/test/simulator-registration";
import { syncClusterNow } from "./mutations";
import { syncCluster } from "./sync-cluster";

const fx = registrationSimulatorPerFile();

describe("syncing a registered cluster", () => {
  it("stores the confirmed fingerprint and an encrypted secret, audited without the secret, then syncs", async () => {
    const name = `reg-${suffix}`;
    const { id } = await fx.register(name);
    const row = await db.cluster.findUniqueOrThrow({ where: { id }, omit: keepEncryptedSecret });
    expect(row).toMatchObject({
      apiUrl: fx.sim.cluster("src").url,
      fingerprint: fx.sim.cluster("src").fingerprint,
      country: "FR",
      currency: "EUR",
      role: "primary",
      tier: 1,
      isp: null,
    });
    expect(row.electricityPricePerKwh.toString()).toBe("0.21");
    expect(JSON.stringify(row)).not.toContain(SOVEREIGN.secret);
    expect(decryptSecret(id, row)).toBe(SOVEREIGN.secret);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "cluster.registered", targetId: id },
      select: { payload: true },
    });
    expect(JSON.stringify(event)).not.toContain(SOVEREIGN.secret);
    expect(await syncCluster(id)).toMatchObject({ status: "ok" });

    // The same cluster again, directly at its address: refused whatever the name.
    const registerAgain = async (again: string) =>
      executeAction(
        registerCluster,
        {
          name: again,
          apiUrl: fx.sim.cluster("src").url,
          tokenId: SOVEREIGN.tokenId,
          tokenSecret: SOVEREIGN.secret,
          fingerprint: fx.sim.cluster("src").fingerprint,
          ...site,
        },
        await createMember("admin"),
      );
    const sameUrl = await registerAgain(`${name}-again`);
    expect(sameUrl).toMatchObject({ ok: false, code: "conflict", fieldErrors: { apiUrl: expect.any(Array) } });
    const duplicate = await registerAgain(name.toUpperCase());
    expect(duplicate).toMatchObject({ ok: false, code: "conflict" });
  });

  it("never selects the token columns into pages, and keeps the secret out of sync errors", async () => {
    for (const select of [registryListSelect, clusterEditSelect, clusterPublicSelect]) {
      expect(Object.keys(select).filter((key) => key.toLowerCase().includes("secret"))).toEqual([]);
    }
    const { id, admin } = await fx.register(`leak-${suffix}`);
    const listed = JSON.stringify(await listRegistry());
    const stored = await db.cluster.findUniqueOrThrow({ where: { id }, omit: keepEncryptedSecret });
    expect(listed).not.toContain(stored.tokenSecretCiphertext);
    expect(listed).not.toContain(SOVEREIGN.secret);

    const wrong = "0badc0de-1111-4222-8333-444455556666";
    expect(
      await executeAction(
        replaceClusterToken,
        { clusterId: id, tokenId: SOVEREIGN.tokenId, tokenSecret: wrong },
        admin,
      ),
    ).toMatchObject({ ok: true });
    const failed = await executeAction(syncClusterNow, { clusterId: id }, await createMember("operator"));
    expect(failed).toMatchObject({ ok: true, data: { status: "failed", kind: "unauthenticated" } });
    const after = await db.cluster.findUniqueOrThrow({
      where: { id },
      select: { lastErrorMessage: true, lastErrorKind: true },
    });
    expect(after.lastErrorKind).toBe("unauthenticated");
    expect(JSON.stringify([failed, after])).not.toContain(wrong);
    expect(
      JSON.stringify(await db.auditEvent.findMany({ where: { targetId: id }, select: { payload: true } })),
    ).not.toContain(wrong);
  });

  it("edits site data, disables (sync stops) and removes only with the exact name", async () => {
    const name = `edit-${suffix}`;
    const { id, admin } = await fx.register(name);
    const edited = await executeAction(
      updateCluster,
      {
        clusterId: id,
        name: `${name}-x`,
        ...site,
        role: "regional_backup",
        tier: "2",
        syncIntervalSeconds: "60",
        wattsPerNode: "300",
      },
      admin,
    );
    expect(edited).toMatchObject({ ok: true });
    expect(await db.cluster.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: `${name}-x`,
      role: "regional_backup",
      tier: 2,
      syncIntervalSeconds: 60,
      wattsPerNode: 300,
    });
    const invalid = await executeAction(
      updateCluster,
      { clusterId: id, name, ...site, tier: "4", latitude: "123" },
      admin,
    );
    expect(invalid).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { tier: expect.any(Array), latitude: expect.any(Array) },
    });

    expect(await executeAction(setClusterEnabled, { clusterId: id, enabled: "false" }, admin)).toMatchObject({
      ok: true,
      data: { enabled: false },
    });
    expect(await syncCluster(id)).toEqual({ status: "skipped", reason: "disabled" });

    expect(await executeAction(removeCluster, { clusterId: id, confirmName: name }, admin)).toMatchObject({
      ok: false,
      code: "validation",
    });
    expect(
      await executeAction(removeCluster, { clusterId: id, confirmName: `${name}-x` }, await createMember("operator")),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(removeCluster, { clusterId: id, confirmName: `${name}-x` }, admin)).toMatchObject({
      ok: true,
    });
    // Removal archives (lib/clusters/archive.ts): off the registry, kept with its history.
    expect(await db.cluster.findUnique({ where: { id }, select: { archivedAt: true } })).toEqual({
      archivedAt: expect.any(Date),
    });
    expect((await listRegistry()).some((c) => c.id === id)).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "cluster.archived", targetId: id } })).toBe(1);
  });
});
