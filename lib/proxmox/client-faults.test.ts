// The client's failure modes against the Proxmox simulator over real HTTPS: each typed error
// as real PVE produces it, the simulator's fault injection (down, hang, latency, 5xx, offline
// node), and certificate pinning across a rotated certificate.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ProxmoxConfigError,
  ProxmoxFingerprintMismatchError,
  ProxmoxForbiddenError,
  ProxmoxNodeUnreachableError,
  ProxmoxNotFoundError,
  ProxmoxParameterError,
  ProxmoxUnauthenticatedError,
  ProxmoxUntrustedCertificateError,
  fetchFingerprint,
  getClusterResources,
  getNodeStatus,
  getPermissions,
  getQemuStatus,
  getVersion,
  listQemu,
  missingPrivileges,
  startGuest,
  stopGuest,
  type ProxmoxClient,
} from "./index";
import { AUDITOR, SOVEREIGN, failure, fixturePerFile, secrets, type Fixture } from "@/test/proxmox-client";
import type { SimulatedCluster } from "./simulator";
import { connectPinned } from "./tls";

let fx: Fixture;
let alpha: SimulatedCluster;
let c: ProxmoxClient;

fixturePerFile((started) => {
  fx = started;
  ({ alpha } = fx);
  c = fx.connect(alpha);
});

describe("typed errors", () => {
  it("unauthenticated: a wrong secret", async () => {
    const bad = fx.connect(alpha, { token: { id: SOVEREIGN, secret: "00000000-0000-4000-8000-000000000000" } });
    expect(await failure(getVersion(bad))).toBeInstanceOf(ProxmoxUnauthenticatedError);
  });

  it("forbidden: names the missing privilege", async () => {
    const auditor = fx.connect(alpha, { token: { id: AUDITOR, secret: secrets.alphaAudit } });
    const err = await failure(startGuest(auditor, { node: "pve1", kind: "qemu", vmid: 101 }));
    expect(err).toBeInstanceOf(ProxmoxForbiddenError);
    expect(err).toMatchObject({ privilege: "VM.PowerMgmt", aclPath: "/vms/101", status: 403 });
    expect(
      missingPrivileges(await getPermissions(auditor), [{ path: "/vms/101", privilege: "VM.PowerMgmt" }]),
    ).toHaveLength(1);
  });

  it("not found: a missing VM and an unknown path", async () => {
    expect(await failure(getQemuStatus(c, "pve1", 99_999))).toBeInstanceOf(ProxmoxNotFoundError);
    expect(await failure(c.get("/no/such/path", z.unknown()))).toBeInstanceOf(ProxmoxNotFoundError);
  });

  it("parameter errors carry the per-field messages", async () => {
    const err = await failure(c.get("/cluster/resources", z.unknown(), { type: "bogus" }));
    expect(err).toBeInstanceOf(ProxmoxParameterError);
    expect(err instanceof ProxmoxParameterError && err.errors.type).toBeTruthy();
    const post = await failure(c.post("/nodes/pve1/qemu/101/status/start", z.string(), { bogus: 1 }));
    expect(post instanceof ProxmoxParameterError && post.errors.bogus).toBeTruthy();
  });

  it("an offline node: 595 for proxied calls, unknown guests in resources", async () => {
    alpha.setNodeOnline("pve3", false);
    const err = await failure(getNodeStatus(c, "pve3"));
    expect(err).toBeInstanceOf(ProxmoxNodeUnreachableError);
    expect(err).toMatchObject({ node: "pve3" });
    expect(await failure(listQemu(c, "pve3"))).toBeInstanceOf(ProxmoxNodeUnreachableError);
    const resources = await getClusterResources(c);
    expect(resources.find((r) => r.id === "qemu/120")?.status).toBe("unknown");
    expect(resources.find((r) => r.id === "node/pve3")?.status).toBe("offline");
  });
});

describe("fault injection", () => {
  it("down: connection refused, after bounded retries", async () => {
    await alpha.setDown(true);
    const started = Date.now();
    expect(await failure(getVersion(fx.connect(alpha)))).toMatchObject({ code: "unreachable", reason: "refused" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("hang: the request times out", async () => {
    alpha.setHang(true);
    const started = Date.now();
    expect(await failure(getVersion(fx.connect(alpha, { timeoutMs: 400 })))).toMatchObject({
      code: "unreachable",
      reason: "timeout",
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("latency: slower than the timeout fails, within it succeeds", async () => {
    alpha.setLatency(300);
    expect(await failure(getVersion(fx.connect(alpha, { timeoutMs: 150 })))).toMatchObject({ reason: "timeout" });
    const started = Date.now();
    await getVersion(fx.connect(alpha, { timeoutMs: 3_000 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("5xx: GETs are retried three times in all, POSTs once", async () => {
    alpha.setErrorRate(1, 503);
    alpha.clearRequests();
    expect(await failure(getVersion(c))).toMatchObject({ code: "server_error", status: 503 });
    expect(alpha.requests.filter((r) => r.path.startsWith("/api2/json/version"))).toHaveLength(3);
    alpha.clearRequests();
    await failure(stopGuest(c, { node: "pve1", kind: "qemu", vmid: 101 }));
    expect(alpha.requests).toHaveLength(1);
  });
});

describe("pinning against the simulator", () => {
  it("fetchFingerprint reads the pinned fingerprint without credentials", async () => {
    alpha.clearRequests();
    expect((await fetchFingerprint(alpha.url)).fingerprint).toBe(alpha.fingerprint);
    expect(alpha.requests).toHaveLength(0);
  });

  it("a certificate valid under a trusted CA is accepted without a pin, also after rotation", async () => {
    const viaCa = fx.connect(alpha, { fingerprint: undefined, trustedCa: alpha.caPem });
    await expect(getVersion(viaCa)).resolves.toBeDefined();
    await alpha.rotateCertificate();
    await expect(
      getVersion(fx.connect(alpha, { fingerprint: undefined, trustedCa: alpha.caPem })),
    ).resolves.toBeDefined();
    alpha.clearRequests();
    const wrongCa = fx.connect(alpha, { fingerprint: undefined, trustedCa: fx.beta.caPem });
    expect(await failure(getVersion(wrongCa))).toBeInstanceOf(ProxmoxUntrustedCertificateError);
    expect(alpha.requests).toHaveLength(0);
  });

  it("pinned means pinned: a certificate the trusted CA issued, but not the pinned one, is refused before any byte", async () => {
    const oldPin = alpha.fingerprint;
    await alpha.rotateCertificate();
    // The new leaf is valid under the cluster's CA for this host (CA mode accepts it)…
    const viaCa = await connectPinned({
      host: alpha.host,
      port: alpha.port,
      fingerprint: undefined,
      trustedCa: alpha.caPem,
      timeoutMs: 3_000,
    });
    expect(viaCa.authorized).toBe(true);
    viaCa.destroy();
    alpha.clearRequests();
    // …yet with the old pin the same CA's certificate does not pass, even with that CA trusted.
    const err = await failure(
      connectPinned({
        host: alpha.host,
        port: alpha.port,
        fingerprint: oldPin,
        trustedCa: alpha.caPem,
        timeoutMs: 3_000,
      }),
    );
    expect(err).toBeInstanceOf(ProxmoxFingerprintMismatchError);
    expect(alpha.requests).toHaveLength(0);
    // A client takes one mode or the other, never both.
    expect(() => fx.connect(alpha, { fingerprint: oldPin, trustedCa: alpha.caPem })).toThrow(ProxmoxConfigError);
  });

  it("a kept-alive connection the server has closed is replaced, not reported as unreachable (even with no retries)", async () => {
    const client = fx.connect(alpha, { fingerprint: undefined, trustedCa: alpha.caPem, retries: 0 });
    await Promise.all([getVersion(client), getVersion(client), getVersion(client)]);
    // Closes every open connection, as a proxy restart or an idle timeout on the server does.
    await alpha.rotateCertificate();
    await expect(Promise.all([getVersion(client), getVersion(client), getVersion(client)])).resolves.toHaveLength(3);
    client.close();
  });

  it("a rotated certificate fails before the token is sent; the new pin works", async () => {
    const oldPin = alpha.fingerprint;
    const newPin = await alpha.rotateCertificate();
    expect(newPin).not.toBe(oldPin);
    alpha.clearRequests();
    const err = await failure(getVersion(fx.connect(alpha, { fingerprint: oldPin })));
    expect(err).toBeInstanceOf(ProxmoxFingerprintMismatchError);
    expect(err).toMatchObject({ expected: oldPin, actual: newPin });
    expect(alpha.requests.filter((r) => r.hadAuthorization)).toHaveLength(0);
    expect(alpha.requests).toHaveLength(0);
    await expect(getVersion(fx.connect(alpha, { fingerprint: newPin }))).resolves.toMatchObject({
      release: expect.stringMatching(/^9\.1/),
    });
  });
});
