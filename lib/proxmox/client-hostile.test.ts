// The client against a real, deliberately broken HTTPS server: whatever comes back, the client
// returns a typed error within its timeout and never leaks the token secret.
import net from "node:net";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ProxmoxClient, type RequestLogEntry } from "./client";
import { getVersion } from "./cluster";
import {
  ProxmoxForbiddenError,
  ProxmoxNodeUnreachableError,
  ProxmoxServerError,
  ProxmoxUnauthenticatedError,
} from "./errors";
import { failure } from "@/test/proxmox-client";
import { HOSTILE_TOKEN, json, hostileServerPerTest, VERSION } from "@/test/proxmox-hostile";

const hostile = hostileServerPerTest();

describe("bad input", () => {
  it("truncated JSON", async () => {
    const c = await hostile.serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"data":{"version":"9.1.2","rel');
    });
    expect(await failure(getVersion(c))).toMatchObject({ code: "bad_response", reason: "invalid_json" });
  });

  it("a body cut off before its declared length", async () => {
    const c = await hostile.serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "5000" });
      res.write('{"data":{"version"');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect(await failure(getVersion(c))).toMatchObject({ code: "bad_response", reason: "truncated" });
  });

  it("an HTML page with 200 and with 502", async () => {
    const html = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
    const c = await hostile.serve((req, res) => {
      res.writeHead(req.url?.includes("version") ? 200 : 502, { "Content-Type": "text/html" });
      res.end(html);
    });
    expect(await failure(getVersion(c))).toMatchObject({ code: "bad_response", reason: "not_json" });
    const err = await failure(c.get("/nodes", z.unknown()));
    expect(err).toBeInstanceOf(ProxmoxServerError);
    expect(err.status).toBe(502);
  });

  it("wrong types and a missing envelope", async () => {
    const c = await hostile.serve((req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(req.url?.includes("version") ? JSON.stringify({ data: { version: [], release: "9.1" } }) : "[1,2,3]");
    });
    const err = await failure(getVersion(c));
    expect(err).toMatchObject({ code: "bad_response", reason: "schema" });
    expect(err.message).toMatch(/version/);
    expect(await failure(c.get("/nodes", z.unknown()))).toMatchObject({ reason: "envelope" });
  });

  it("a declared huge body is refused at the headers", async () => {
    const c = await hostile.serve(
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(10 * 1024 * 1024 * 1024) });
        res.write("{");
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    expect(await failure(getVersion(c))).toMatchObject({ reason: "too_large" });
  });

  it("an endless chunked body is cut at the cap", async () => {
    const c = await hostile.serve(
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    expect(await failure(getVersion(c))).toMatchObject({ reason: "too_large" });
  });

  it("a gzip bomb is capped after decompression", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const c = await hostile.serve(
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
        res.end(bomb);
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    expect(await failure(getVersion(c))).toMatchObject({ reason: "too_large" });
  });

  it("a slow drip cannot outlast the total timeout", async () => {
    const c = await hostile.serve(
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 50);
      },
      { timeoutMs: 600 },
    );
    const started = Date.now();
    expect(await failure(getVersion(c))).toMatchObject({ code: "unreachable", reason: "timeout" });
    // Timeouts are not retried, so one attempt bounds the call.
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it("a server that never answers", async () => {
    const c = await hostile.serve(() => undefined, { timeoutMs: 400 });
    expect(await failure(getVersion(c))).toMatchObject({ code: "unreachable", reason: "timeout" });
  });

  it("a corrupt gzip body", async () => {
    const c = await hostile.serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      res.end(Buffer.from("definitely not gzip"));
    });
    expect(await failure(getVersion(c))).toMatchObject({ code: "bad_response" });
  });

  it("gzip answers are decoded", async () => {
    const c = await hostile.serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      res.end(zlib.gzipSync(JSON.stringify({ data: VERSION })));
    });
    await expect(getVersion(c)).resolves.toEqual(VERSION);
  });
});

describe("status codes", () => {
  it("401 with an empty body", async () => {
    const c = await hostile.serve((_req, res) => {
      res.writeHead(401, "Authentication failed!");
      res.end();
    });
    expect(await failure(getVersion(c))).toBeInstanceOf(ProxmoxUnauthenticatedError);
  });

  it("403 names the path and privilege", async () => {
    const c = await hostile.serve(
      json(
        403,
        { data: null, message: "Permission check failed (/vms/100, VM.PowerMgmt)\n" },
        "Permission check failed (/vms/100, VM.PowerMgmt)",
      ),
    );
    const err = await failure(c.post("/nodes/pve1/qemu/100/status/start", z.string()));
    expect(err).toBeInstanceOf(ProxmoxForbiddenError);
    expect(err).toMatchObject({ aclPath: "/vms/100", privilege: "VM.PowerMgmt", status: 403 });
  });

  it("595 names the unreachable node", async () => {
    const c = await hostile.serve((_req, res) => {
      res.writeHead(595, "No route to host");
      res.end();
    });
    const err = await failure(c.get("/nodes/pve3/status", z.unknown()));
    expect(err).toBeInstanceOf(ProxmoxNodeUnreachableError);
    expect(err).toMatchObject({ node: "pve3" });
  });

  it("a request Node refuses to build becomes a typed error, not a throw", async () => {
    const c = await hostile.serve(json(200, { data: VERSION }));
    expect(await failure(c.get("/bad path\n", z.unknown()))).toMatchObject({ code: "invalid_config" });
  });

  it("connection refused", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    hostile.client = new ProxmoxClient({
      url: `https://127.0.0.1:${port}`,
      token: HOSTILE_TOKEN,
      fingerprint: hostile.cert.fingerprint,
      retries: 1,
      retryBaseDelayMs: 1,
    });
    expect(await failure(getVersion(hostile.client))).toMatchObject({ code: "unreachable", reason: "refused" });
  });
});

describe("retries", () => {
  it("retries idempotent GETs on 5xx with backoff, not POSTs", async () => {
    let calls = 0;
    const log: RequestLogEntry[] = [];
    const c = await hostile.serve(
      (req, res) => {
        calls++;
        if (req.method === "GET" && calls < 3) {
          res.writeHead(503, "busy");
          res.end();
          return;
        }
        if (req.method === "POST") {
          res.writeHead(500, "boom");
          res.end();
          return;
        }
        json(200, { data: VERSION })(req, res);
      },
      { onRequest: (e) => log.push(e) },
    );
    await expect(getVersion(c)).resolves.toEqual(VERSION);
    expect(log.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    calls = 0;
    await failure(c.post("/nodes/pve1/qemu/100/status/start", z.string()));
    expect(calls).toBe(1);
  });
});
