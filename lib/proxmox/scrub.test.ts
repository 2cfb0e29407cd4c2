// Task text and server errors are scrubbed of credentials on every path Sovereign reads them:
// task status exit messages, task logs, task lists, and errors built from a server's words. The
// server here is a real HTTPS server that echoes a remote-migration target-endpoint, token
// included, as a careless or hostile source cluster could.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failure } from "@/test/proxmox-client";
import { hostileServerPerTest, json } from "@/test/proxmox-hostile";
import { scrubCredentials, scrubText } from "./scrub";
import { getTaskLog, getTaskStatus, listClusterTasks, listNodeTasks } from "./tasks";

const OTHER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const ENDPOINT = `host=10.0.0.2,apitoken=PVEAPIToken=sovereign-migrate@pve!incoming=${OTHER},fingerprint=AA`;
const UPID = "UPID:pve1:0000ABCD:00001234:65000000:qmigrate:100:sovereign@pve!console:";
const hostile = hostileServerPerTest();

describe("scrubCredentials", () => {
  it("removes token secrets, tickets and CSRF tokens in their usual and URL-encoded forms", () => {
    expect(scrubCredentials(ENDPOINT)).toBe(
      "host=10.0.0.2,apitoken=PVEAPIToken=sovereign-migrate@pve!incoming=[redacted],fingerprint=AA",
    );
    expect(scrubCredentials(`x ${encodeURIComponent(ENDPOINT)} y`)).not.toContain(OTHER);
    expect(scrubCredentials(`Authorization: PVEAPIToken a@pve!b=${OTHER}`)).not.toContain(OTHER);
    expect(scrubCredentials("apitoken=abc123secret,host=x")).toBe("apitoken=[redacted],host=x");
    expect(scrubCredentials("Cookie: PVEAuthCookie=PVE:root@pam:65::sig; x")).toBe(
      "Cookie: PVEAuthCookie=[redacted]; x",
    );
    expect(scrubCredentials("CSRFPreventionToken: 65000000:abc")).toBe("CSRFPreventionToken: [redacted]");
    expect(scrubCredentials("VM 100 not running")).toBe("VM 100 not running");
    expect(scrubText(`a ${OTHER} b`, [OTHER])).toBe("a [redacted] b");
  });
});

describe("every task text the client returns is scrubbed", () => {
  it("task status exit message", async () => {
    const c = await hostile.serve(
      json(200, {
        data: {
          upid: UPID,
          node: "pve1",
          pid: 1,
          pstart: 1,
          starttime: 1,
          type: "qmigrate",
          id: "100",
          user: "sovereign@pve!console",
          status: "stopped",
          exitstatus: `migration aborted: ${ENDPOINT}`,
        },
      }),
    );
    const status = await getTaskStatus(c, UPID);
    expect(status.exitstatus).toMatch(/^migration aborted: host=10\.0\.0\.2,apitoken=PVEAPIToken=.*\[redacted\]/);
    expect(JSON.stringify(status)).not.toContain(OTHER);
  });

  it("task log lines", async () => {
    const c = await hostile.serve(
      json(200, {
        data: [
          { n: 1, t: "starting" },
          { n: 2, t: `target-endpoint ${ENDPOINT}` },
        ],
      }),
    );
    const log = await getTaskLog(c, UPID);
    expect(log).toHaveLength(2);
    expect(JSON.stringify(log)).not.toContain(OTHER);
  });

  it("cluster and node task lists (what the sync stores)", async () => {
    const entry = {
      upid: UPID,
      node: "pve1",
      type: "qmigrate",
      id: "100",
      user: "u@pve",
      starttime: 1,
      pid: 1,
      pstart: 1,
      status: `failed ${ENDPOINT}`,
    };
    const c = await hostile.serve(json(200, { data: [entry] }));
    expect(JSON.stringify(await listClusterTasks(c))).not.toContain(OTHER);
    expect(JSON.stringify(await listNodeTasks(c, "pve1"))).not.toContain(OTHER);
  });

  it("errors built from the server's words", async () => {
    const c = await hostile.serve(json(500, { data: null, message: `remote migration failed: ${ENDPOINT}\n` }));
    const err = await failure(c.post("/nodes/pve1/qemu/100/remote_migrate", z.string()));
    for (const text of [err.message, JSON.stringify(err), String(err)]) expect(text).not.toContain(OTHER);
  });
});
