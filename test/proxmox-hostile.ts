// Test support: one deliberately broken HTTPS server per test, the client pinned to its throwaway
// certificate, and both closed after each test so a hanging behaviour cannot leak into the next.
import { afterEach, beforeAll } from "vitest";
import { ProxmoxClient, type ProxmoxClientOptions } from "@/lib/proxmox/client";
import {
  makeSelfSignedCert,
  startHostileServer,
  type Behaviour,
  type HostileServer,
  type ThrowawayCert,
} from "@/test/proxmox-hostile-server";

export const HOSTILE_SECRET = "5f0c2b9e-4d1a-4c1e-9f3a-8b7d6e5c4a3b";
export const HOSTILE_TOKEN = { id: "sovereign@pve!sync", secret: HOSTILE_SECRET };
export const VERSION = { version: "9.1.2", release: "9.1", repoid: "9d436f37" };

/** A behaviour that answers every request with `body` as JSON. */
export const json =
  (status: number, body: unknown, reason?: string): Behaviour =>
  (_req, res) => {
    res.writeHead(status, reason, { "Content-Type": "application/json;charset=UTF-8" });
    res.end(JSON.stringify(body));
  };

export interface HostileHarness {
  cert: ThrowawayCert;
  /** Set by serve(), or by a test that starts its own; closed after the test. */
  server?: HostileServer;
  client?: ProxmoxClient;
  /** Starts a server with `behaviour` and a client pinned to it (short timeout, fast retries). */
  serve(behaviour: Behaviour, opts?: Partial<ProxmoxClientOptions>): Promise<ProxmoxClient>;
}

/** Registers the per-file certificate and per-test clean-up; call at the top of a test file. */
export function hostileServerPerTest(): HostileHarness {
  const h: HostileHarness = {
    cert: undefined as unknown as ThrowawayCert,
    async serve(behaviour, opts = {}) {
      const server = await startHostileServer(h.cert, behaviour);
      h.server = server;
      h.client = new ProxmoxClient({
        url: server.url,
        token: HOSTILE_TOKEN,
        fingerprint: h.cert.fingerprint,
        timeoutMs: 1_000,
        retryBaseDelayMs: 10,
        ...opts,
      });
      return h.client;
    },
  };
  beforeAll(() => {
    h.cert = makeSelfSignedCert();
  });
  afterEach(async () => {
    h.client?.close();
    await h.server?.close();
    h.server = undefined;
    h.client = undefined;
  });
  return h;
}
