import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute";
import { createMember } from "@/test/factories";
import { registrationSimulatorPerFile, SOVEREIGN, WEAK } from "@/test/simulator-registration";
import { inspectClusterDefinition } from "./mutations";

const fx = registrationSimulatorPerFile();

describe("inspecting a cluster before registration", () => {
  it("fetches the fingerprint, tests the connection and finds every privilege of the Sovereign role", async () => {
    const admin = await createMember("admin");
    const src = fx.sim.cluster("src");
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
      { apiUrl: fx.sim.cluster("dst").url, tokenId: WEAK.tokenId, tokenSecret: WEAK.secret },
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
    const src = fx.sim.cluster("src");
    const wrong = "deadbeef-0000-4000-8000-000000000000";
    const bad = await executeAction(
      inspectClusterDefinition,
      { apiUrl: src.url, tokenId: SOVEREIGN.tokenId, tokenSecret: wrong },
      admin,
    );
    if (!bad.ok || !bad.data.ok) throw new Error("inspect failed");
    expect(bad.data.result.connection).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(JSON.stringify(bad)).not.toContain(wrong);

    const other = fx.sim.cluster("dst").fingerprint;
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
        { apiUrl: fx.sim.cluster("src").url, tokenId: SOVEREIGN.tokenId, tokenSecret: SOVEREIGN.secret },
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
