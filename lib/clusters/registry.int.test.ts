import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { db } from "@/lib/db";
import { startSimulator, type RunningSimulator } from "@/lib/proxmox/simulator";
import { fixture } from "@/test/simulator-federation";
import { clusterPublicSelect } from "@/lib/state/cluster-select";
import { syncCluster } from "@/lib/sync/sync-cluster";
import { createMember } from "@/test/factories";
import {
  inspectClusterDefinition,
  registerCluster,
  removeCluster,
  replaceClusterToken,
  setClusterEnabled,
  syncClusterNow,
  updateCluster,
} from "./mutations";
import { clusterEditSelect, listRegistry, registryListSelect } from "./queries";
import { rotateClusterSecrets } from "./rotate";
import { decryptSecret, keyring } from "./secrets";

let sim: RunningSimulator;
const SOVEREIGN = { tokenId: "sovereign@pve!console", secret: "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b" };
const WEAK = { tokenId: "weak@pve!ro", secret: "99999999-8888-4777-8666-555555555555" };
const suffix = randomBytes(3).toString("hex");

const site = {
  siteName: "Paris",
  role: "primary",
  tier: "1",
  latitude: "48.8566",
  longitude: "2.3522",
  country: "fr",
  region: "Île-de-France",
  powerGrid: "RTE",
  isp: "",
  electricityPricePerKwh: "0.21",
  currency: "eur",
  wattsPerNode: "",
};

beforeAll(async () => {
  sim = await startSimulator(fixture(31), { ephemeralPorts: true, timeScale: 0.01, authFailureDelayMs: 5 });
});

afterAll(async () => {
  await sim.close();
});

async function register(name: string, secret = SOVEREIGN.secret) {
  const admin = await createMember("admin");
  const src = sim.cluster("src");
  // One registration per address: each test starts from the simulator's cluster unregistered.
  await db.cluster.deleteMany({ where: { apiUrl: src.url } });
  const result = await executeAction(
    registerCluster,
    {
      name,
      apiUrl: `${src.url}/some/path`,
      tokenId: SOVEREIGN.tokenId,
      tokenSecret: secret,
      fingerprint: src.fingerprint.toLowerCase(),
      ...site,
    },
    admin,
  );
  if (!result.ok) throw new Error(`register failed: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return { admin, id: result.data.id };
}

describe("inspecting a cluster before registration", () => {
  it("fetches the fingerprint, tests the connection and finds every privilege of the Sovereign role", async () => {
    const admin = await createMember("admin");
    const src = sim.cluster("src");
    const result = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret },
      admin,
    );
    expect(result.ok).toBe(true);
    if (!result.ok || !result.data.ok) throw new Error("inspect failed");
    const { certificate, connection, privileges, missing, pveumCommands } = result.data.result;
    expect(certificate.fingerprint).toBe(src.fingerprint);
    expect(connection).toMatchObject({ ok: true, nodes: 3, quorate: true });
    expect(privileges?.can).toEqual({ read: true, act: true, receive: true });
    expect(missing).toEqual([]);
    expect(pveumCommands.join("\n")).toContain("pveum user token add sovereign@pve console --privsep 1");
  });

  it("says plainly what a read-only token lacks", async () => {
    const admin = await createMember("admin");
    const result = await executeAction(
      inspectClusterDefinition,
      { apiUrl: sim.cluster("dst").url, tokenId: WEAK.tokenId, tokenSecret: WEAK.secret },
      admin,
    );
    if (!result.ok || !result.data.ok) throw new Error("inspect failed");
    const { privileges, missing, connection } = result.data.result;
    expect(connection.ok).toBe(true);
    expect(privileges?.can).toEqual({ read: true, act: false, receive: false });
    expect(privileges?.missing.map((m) => m.privilege)).toEqual([
      "VM.PowerMgmt",
      "VM.Migrate",
      "VM.Allocate",
      "Sys.Incoming",
    ]);
    expect(missing[0]).toMatch(/VM\.PowerMgmt on \/vms.*guest actions .* refused/);
  });

  it("reports a bad token without echoing its secret, and a fingerprint that differs from the expected one", async () => {
    const admin = await createMember("admin");
    const src = sim.cluster("src");
    const wrong = "deadbeef-0000-4000-8000-000000000000";
    const bad = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: wrong },
      admin,
    );
    if (!bad.ok || !bad.data.ok) throw new Error("inspect failed");
    expect(bad.data.result.connection).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(JSON.stringify(bad)).not.toContain(wrong);

    const other = sim.cluster("dst").fingerprint;
    const mismatch = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret, expectedFingerprint: other },
      admin,
    );
    if (!mismatch.ok || !mismatch.data.ok) throw new Error("inspect failed");
    expect(mismatch.data.result).toMatchObject({
      fingerprintMatches: false,
      connection: { ok: false, kind: "tls_fingerprint_mismatch" },
    });
  });

  it("is refused to operators, and reports an unreachable address", async () => {
    const operator = await createMember("operator");
    expect(
      await executeAction(
        inspectClusterDefinition,
        { apiUrl: sim.cluster("src").url, tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret },
        operator,
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const admin = await createMember("admin");
    const result = await executeAction(
      inspectClusterDefinition,
      { apiUrl: "https://127.0.0.1:1", tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret },
      admin,
    );
    expect(result).toMatchObject({ ok: true, data: { ok: false, kind: "unreachable" } });
  });
});

describe("registering and managing a cluster", () => {
  it("stores the confirmed fingerprint and an encrypted secret, audited without the secret, then syncs", async () => {
    const name = `reg-${suffix}`;
    const { id } = await register(name);
    const row = await db.cluster.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      apiUrl: sim.cluster("src").url,
      fingerprint: sim.cluster("src").fingerprint,
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

    const sameUrl = await executeAction(
      registerCluster,
      {
        name: `${name}-again`,
        apiUrl: sim.cluster("src").url,
        tokenId: SOVEREIGN.tokenId,
        tokenSecret: SOVEREIGN.secret,
        fingerprint: sim.cluster("src").fingerprint,
        ...site,
      },
      await createMember("admin"),
    );
    expect(sameUrl).toMatchObject({ ok: false, code: "conflict", fieldErrors: { apiUrl: expect.any(Array) } });
    const duplicate = await executeAction(
      registerCluster,
      {
        name: name.toUpperCase(),
        apiUrl: sim.cluster("src").url,
        tokenId: SOVEREIGN.tokenId,
        tokenSecret: SOVEREIGN.secret,
        fingerprint: sim.cluster("src").fingerprint,
        ...site,
      },
      await createMember("admin"),
    );
    expect(duplicate).toMatchObject({ ok: false, code: "conflict" });
  });

  it("never selects the token columns into pages, and keeps the secret out of sync errors", async () => {
    for (const select of [registryListSelect, clusterEditSelect, clusterPublicSelect]) {
      expect(Object.keys(select).filter((key) => key.toLowerCase().includes("secret"))).toEqual([]);
    }
    const { id, admin } = await register(`leak-${suffix}`);
    const listed = JSON.stringify(await listRegistry());
    const stored = await db.cluster.findUniqueOrThrow({ where: { id } });
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
    const { id, admin } = await register(name);
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
    expect(await db.cluster.findUnique({ where: { id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "cluster.removed", targetId: id } })).toBe(1);
  });

  it("rotates the secrets to the current key in one pass; the old key can then go", async () => {
    // Scoped to this test's clusters: other files share the database at the same time, and
    // their clusters must keep the run's key.
    const mine = [(await register(`rot-${suffix}`)).id];
    const next = randomBytes(32).toString("base64");
    const current = process.env.SOVEREIGN_SECRET_KEY ?? "";
    const ring = keyring(`next:${next},${current}`);
    const result = await rotateClusterSecrets(db, ring, mine);
    expect(result).toEqual({ keyId: "next", total: 1, reencrypted: 1 });
    const rows = await db.cluster.findMany({
      where: { id: { in: mine } },
      select: { id: true, tokenSecretKeyId: true },
    });
    expect(rows.map((r) => r.tokenSecretKeyId)).toEqual(["next"]);
    for (const id of mine) {
      const row = await db.cluster.findUniqueOrThrow({ where: { id } });
      expect(decryptSecret(id, row, keyring(`next:${next}`))).toBe(SOVEREIGN.secret);
    }
    expect((await rotateClusterSecrets(db, ring, mine)).reencrypted).toBe(0);
    // Back to the run's key so later tests can still decrypt.
    await rotateClusterSecrets(db, keyring(`${current.split(",")[0] ?? ""},next:${next}`), mine);
  });
});
