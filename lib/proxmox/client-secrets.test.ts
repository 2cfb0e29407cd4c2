// Pinning, trust on first use and secret hygiene against a real HTTPS server that records the
// raw bytes it receives, and task waiting against a task that never ends.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ProxmoxClient, type RequestLogEntry } from "./client";
import { getVersion } from "./cluster";
import {
  ProxmoxError,
  ProxmoxFingerprintMismatchError,
  ProxmoxInvalidUpidError,
  ProxmoxParameterError,
  ProxmoxTaskTimeoutError,
  ProxmoxUnreachableError,
  ProxmoxUntrustedCertificateError,
} from "./errors";
import { makeSelfSignedCert, startHostileServer } from "@/test/proxmox-hostile-server";
import { waitForTask } from "./tasks";
import { fetchFingerprint } from "./tls";
import { failure } from "@/test/proxmox-client";
import { HOSTILE_SECRET as SECRET, HOSTILE_TOKEN, json, hostileServerPerTest, VERSION } from "@/test/proxmox-hostile";

const hostile = hostileServerPerTest();

function expectNoSecret(err: ProxmoxError, log: RequestLogEntry[] = []): void {
  for (const text of [
    err.message,
    String(err),
    JSON.stringify(err),
    inspect(err),
    err.stack ?? "",
    JSON.stringify(log),
  ]) {
    expect(text).not.toContain(SECRET);
  }
}

describe("pinning", () => {
  it("sends the token only to the pinned certificate", async () => {
    const c = await hostile.serve(json(200, { data: VERSION }));
    await expect(getVersion(c)).resolves.toEqual(VERSION);
    expect(hostile.server?.received()).toContain(`Authorization: PVEAPIToken=sovereign@pve!sync=${SECRET}`);
  });

  it("on a fingerprint mismatch fails before writing a single byte", async () => {
    const other = makeSelfSignedCert("other");
    const c = await hostile.serve(json(200, { data: VERSION }), { fingerprint: other.fingerprint });
    const err = await failure(getVersion(c));
    expect(err).toBeInstanceOf(ProxmoxFingerprintMismatchError);
    expect(err).toMatchObject({
      expected: other.fingerprint,
      actual: hostile.cert.fingerprint,
      method: "GET",
      path: "/version",
    });
    expect(hostile.server?.connections()).toBeGreaterThan(0);
    expect(hostile.server?.received()).toBe("");
  });

  it("without a pin, a private certificate is refused, also before any byte", async () => {
    hostile.server = await startHostileServer(hostile.cert, json(200, { data: VERSION }));
    hostile.client = new ProxmoxClient({ url: hostile.server.url, token: HOSTILE_TOKEN });
    const err = await failure(getVersion(hostile.client));
    expect(err).toBeInstanceOf(ProxmoxUntrustedCertificateError);
    expect(hostile.server.received()).toBe("");
  });

  it("fetchFingerprint reads the leaf for trust on first use without sending anything", async () => {
    hostile.server = await startHostileServer(hostile.cert, json(200, { data: VERSION }));
    const info = await fetchFingerprint(hostile.server.url);
    expect(info).toMatchObject({ fingerprint: hostile.cert.fingerprint, trusted: false, subject: "CN=hostile.test" });
    expect(hostile.server.received()).toBe("");
  });
});

describe("waitForTask", () => {
  it("gives up after its timeout while the task keeps running", async () => {
    const upid = "UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qmigrate:100:sovereign@pve!sync:";
    let polls = 0;
    const c = await hostile.serve((req, res) => {
      polls++;
      const running = {
        upid,
        node: "pve1",
        pid: 1,
        pstart: 2,
        starttime: 3,
        type: "qmigrate",
        id: "100",
        user: "sovereign@pve",
        status: "running",
      };
      json(200, { data: req.url?.includes("/log") ? [{ n: polls, t: `line ${polls}` }] : running })(req, res);
    });
    const seen: number[] = [];
    const err = await failure(
      waitForTask(c, upid, { timeoutMs: 250, pollMs: 40, onProgress: (p) => seen.push(...p.newLines.map((l) => l.n)) }),
    );
    expect(err).toBeInstanceOf(ProxmoxTaskTimeoutError);
    expect(err).toMatchObject({ upid });
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses a malformed UPID before any request", async () => {
    const c = await hostile.serve(json(200, { data: null }));
    expect(await failure(waitForTask(c, "UPID:bogus"))).toBeInstanceOf(ProxmoxInvalidUpidError);
    expect(hostile.server?.received()).toBe("");
  });
});

describe("the token secret stays secret", () => {
  it("even when the server echoes it back in errors", async () => {
    const log: RequestLogEntry[] = [];
    const c = await hostile.serve(
      (req, res) => {
        const auth = String(req.headers.authorization);
        res.writeHead(400, `bad ${auth}`.replace(/[^\x20-\x7e]/g, ""), { "Content-Type": "application/json" });
        res.end(
          JSON.stringify({
            data: null,
            message: `Parameter verification failed. ${auth} ${req.body}\n`,
            errors: { "target-endpoint": `bad value ${decodeURIComponent(req.body)}` },
          }),
        );
      },
      { onRequest: (e) => log.push(e) },
    );
    const err = await failure(
      c.post("/nodes/pve1/qemu/100/remote_migrate", z.string(), {
        "target-endpoint": `apitoken=PVEAPIToken=a@b!c=${SECRET}`,
      }),
    );
    expect(err).toBeInstanceOf(ProxmoxParameterError);
    expect(err.message).toContain("[redacted]");
    expectNoSecret(err, log);
  });

  it("is absent from the client's own serialisation", () => {
    const c = new ProxmoxClient({ url: "https://pve.example:8006", token: HOSTILE_TOKEN });
    for (const text of [JSON.stringify(c), String(c), inspect(c), inspect(c, { showHidden: true, depth: 5 })]) {
      expect(text).not.toContain(SECRET);
    }
    c.close();
  });

  it("is absent from connection errors", async () => {
    const c = new ProxmoxClient({ url: "https://127.0.0.1:1", token: HOSTILE_TOKEN, retries: 0 });
    const err = await failure(getVersion(c));
    expect(err).toBeInstanceOf(ProxmoxUnreachableError);
    expectNoSecret(err);
    c.close();
  });

  it("bad secrets and token ids are refused without echoing them", () => {
    expect(() => new ProxmoxClient({ url: "https://h", token: { id: "nobang@pve", secret: SECRET } })).toThrow(
      /user@realm!tokenname/,
    );
    const attempt = (): ProxmoxClient =>
      new ProxmoxClient({ url: "https://h", token: { id: "a@pve!t", secret: `${SECRET}\r\nX: 1` } });
    expect(attempt).toThrow(ProxmoxError);
    expect(() => new ProxmoxClient({ url: "https://h", token: { id: "a\u0001@pve!t", secret: SECRET } })).toThrow(
      ProxmoxError,
    );
    expect(() => attempt()).not.toThrow(new RegExp(SECRET));
  });
});
