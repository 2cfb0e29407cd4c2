import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { createMember } from "@/test/factories";
import { registrationSimulatorPerFile, SOVEREIGN, WEAK } from "@/test/simulator-registration";
import { fetchCertificateDefinition, inspectClusterDefinition } from "./mutations";

const fx = registrationSimulatorPerFile();

describe("trust on first use: the certificate first, the token only after confirmation", () => {
  it("fetching the certificate sends no request at all, so no Authorization header", async () => {
    const admin = await createMember("admin");
    const src = fx.sim.cluster("src");
    src.clearRequests();
    const fetched = await executeAction(fetchCertificateDefinition, { apiUrl: src.url }, admin);
    if (!fetched.ok || !fetched.data.ok) throw new Error("fetch failed");
    expect(fetched.data.result).toMatchObject({
      certificate: { fingerprint: src.fingerprint, trusted: false },
      fingerprintMatches: null,
    });
    expect(src.requests.filter((r) => r.hadAuthorization)).toEqual([]);
    expect(src.requests).toEqual([]);
    const other = fx.sim.cluster("dst").fingerprint;
    const mismatch = await executeAction(
      fetchCertificateDefinition,
      { apiUrl: src.url, expectedFingerprint: other },
      admin,
    );
    expect(mismatch).toMatchObject({ ok: true, data: { ok: true, result: { fingerprintMatches: false } } });
    expect(src.requests).toEqual([]);
  });

  it("the token goes only to the confirmed certificate: another one fails the handshake before any byte", async () => {
    const admin = await createMember("admin");
    const src = fx.sim.cluster("src");
    src.clearRequests();
    const confirmed = fx.sim.cluster("dst").fingerprint;
    const result = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret, fingerprint: confirmed },
      admin,
    );
    if (!result.ok || !result.data.ok) throw new Error("inspect failed");
    expect(result.data.result.connection).toMatchObject({ ok: false, kind: "tls_fingerprint_mismatch" });
    expect(src.requests).toEqual([]);
    // CA mode with Proxmox's own CA: not valid under the system CAs, so nothing is sent either.
    const viaCa = await executeAction(
      inspectClusterDefinition,
      {
        apiUrl: src.url,
        tokenId: SOVEREIGN.tokenId,
        tokenSecret: SOVEREIGN.secret,
        fingerprint: src.fingerprint,
        trustMode: "ca",
      },
      admin,
    );
    if (!viaCa.ok || !viaCa.data.ok) throw new Error("inspect failed");
    expect(viaCa.data.result.connection).toMatchObject({ ok: false, kind: "tls_untrusted" });
    expect(src.requests).toEqual([]);
  });
});

describe("inspecting a cluster before registration", () => {
  it("tests the connection against the confirmed certificate and finds every privilege of the Sovereign role", async () => {
    const admin = await createMember("admin");
    const src = fx.sim.cluster("src");
    src.clearRequests();
    const result = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret, fingerprint: src.fingerprint },
      admin,
    );
    expect(result.ok).toBe(true);
    if (!result.ok || !result.data.ok) throw new Error("inspect failed");
    const { connection, privileges, missing, pveumCommands } = result.data.result;
    expect(src.requests.length).toBeGreaterThan(0);
    expect(src.requests.every((r) => r.hadAuthorization && r.tokenId === SOVEREIGN.tokenId)).toBe(true);
    expect(connection).toMatchObject({ ok: true, nodes: 3, quorate: true });
    expect(privileges?.can).toEqual({ read: true, act: true, receive: true });
    expect(missing).toEqual([]);
    expect(pveumCommands.join("\n")).toContain("pveum user token add sovereign@pve console --privsep 1");
  });

  it("says plainly what a read-only token lacks", async () => {
    const admin = await createMember("admin");
    const result = await executeAction(
      inspectClusterDefinition,
      {
        apiUrl: fx.sim.cluster("dst").url,
        tokenId: WEAK.tokenId,
        tokenSecret: WEAK.secret,
        fingerprint: fx.sim.cluster("dst").fingerprint,
      },
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

  it("reports a bad token without echoing its secret", async () => {
    const admin = await createMember("admin");
    const src = fx.sim.cluster("src");
    const wrong = "deadbeef-0000-4000-8000-000000000000";
    const bad = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: wrong, fingerprint: src.fingerprint },
      admin,
    );
    if (!bad.ok || !bad.data.ok) throw new Error("inspect failed");
    expect(bad.data.result.connection).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(JSON.stringify(bad)).not.toContain(wrong);
  });

  it("is refused to operators, and reports an unreachable address", async () => {
    const operator = await createMember("operator");
    expect(
      await executeAction(fetchCertificateDefinition, { apiUrl: fx.sim.cluster("src").url }, operator),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const admin = await createMember("admin");
    const result = await executeAction(fetchCertificateDefinition, { apiUrl: "https://127.0.0.1:1" }, admin);
    expect(result).toMatchObject({ ok: true, data: { ok: false, kind: "unreachable" } });
  });
});
