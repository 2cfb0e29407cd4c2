// Pure helpers: parameter and path encoding, URL and fingerprint parsing, the remote-migration
// endpoint string, and privilege checks on /access/permissions output.
import { describe, expect, it } from "vitest";
import { hasPrivilege, missingPrivileges } from "./access";
import { apiPath, checkToken, encodeParams } from "./client";
import { ProxmoxConfigError, redact } from "./errors";
import { checkVmid } from "./guests";
import { buildTargetEndpoint, formatPairList } from "./migrate";
import { isFingerprint, normalizeFingerprint, parseTarget } from "./tls";

const FP = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
const SECRET = "5f0c2b9e-4d1a-4c1e-9f3a-8b7d6e5c4a3b";

describe("encoding", () => {
  it("sends booleans as 1/0 and drops undefined", () => {
    expect(encodeParams({ online: true, delete: false, bwlimit: 1024, skip: undefined, target: "pve 2" })).toBe(
      "online=1&delete=0&bwlimit=1024&target=pve+2",
    );
  });

  it("encodes each interpolated path value as one segment", () => {
    const upid = "UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qmstart:100:ops@pve!sync:";
    expect(apiPath`/nodes/${"pve1"}/tasks/${upid}/status`).toBe(`/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`);
    expect(apiPath`/nodes/${"../access"}/status`).toBe("/nodes/..%2Faccess/status");
  });

  it("refuses vmids PVE would reject", () => {
    expect(checkVmid(100)).toBe(100);
    for (const bad of [99, 1_000_000_000, 100.5, Number.NaN]) expect(() => checkVmid(bad)).toThrow(ProxmoxConfigError);
  });
});

describe("targets and fingerprints", () => {
  it("defaults to pveproxy's port 8006", () => {
    expect(parseTarget("https://pve.example")).toEqual({ host: "pve.example", port: 8006 });
    expect(parseTarget("https://10.0.0.1:443/api2/json")).toEqual({ host: "10.0.0.1", port: 443 });
    expect(parseTarget("https://[fd00::1]:8006")).toEqual({ host: "fd00::1", port: 8006 });
  });

  it("refuses non-https URLs and URLs with credentials", () => {
    expect(() => parseTarget("http://pve.example")).toThrow(ProxmoxConfigError);
    expect(() => parseTarget("https://root:pw@pve.example")).toThrow(ProxmoxConfigError);
    expect(() => parseTarget("not a url")).toThrow(ProxmoxConfigError);
  });

  it("normalises fingerprints to PVE's rendering", () => {
    expect(normalizeFingerprint(FP.toLowerCase())).toBe(FP);
    expect(normalizeFingerprint(FP.replace(/:/g, ""))).toBe(FP);
    expect(isFingerprint("AB:CD")).toBe(false);
    expect(() => normalizeFingerprint("zz")).toThrow(ProxmoxConfigError);
  });
});

describe("remote migration endpoint", () => {
  const token = { id: "sovereign@pve!console", secret: SECRET };

  it("builds the proxmox-remote property string", () => {
    expect(buildTargetEndpoint({ url: "https://beta.example:8006", token, fingerprint: FP.toLowerCase() })).toBe(
      `host=beta.example,apitoken=PVEAPIToken=sovereign@pve!console=${SECRET},fingerprint=${FP}`,
    );
  });

  it("adds the port only when it is not 8006, and omits an absent fingerprint", () => {
    expect(buildTargetEndpoint({ url: "https://10.1.2.3:18006", token })).toBe(
      `host=10.1.2.3,apitoken=PVEAPIToken=sovereign@pve!console=${SECRET},port=18006`,
    );
  });

  it("refuses tokens that would break the property string", () => {
    expect(() => buildTargetEndpoint({ url: "https://b", token: { id: token.id, secret: "a,b" } })).toThrow(
      ProxmoxConfigError,
    );
    expect(() => buildTargetEndpoint({ url: "https://b", token: { id: "no-bang@pve", secret: SECRET } })).toThrow(
      ProxmoxConfigError,
    );
    expect(() => checkToken({ id: "a@pve!t", secret: "" })).toThrow(ProxmoxConfigError);
  });

  it("formats storage and bridge mappings", () => {
    expect(formatPairList({ "local-lvm": "tank", local: "local" })).toBe("local-lvm:tank,local:local");
    expect(formatPairList("vmbr0:vmbr1")).toBe("vmbr0:vmbr1");
  });
});

describe("privileges", () => {
  const perms = {
    "/": { "Sys.Audit": true },
    "/vms": { "VM.Audit": true, "VM.PowerMgmt": false },
    "/vms/100": { "VM.Migrate": false },
    "/storage": { "Datastore.Audit": true },
  };

  it("honours propagation down the ACL tree", () => {
    expect(hasPrivilege(perms, "/nodes/pve1", "Sys.Audit")).toBe(true);
    expect(hasPrivilege(perms, "/vms/100", "VM.Audit")).toBe(true);
    // Granted on /vms without propagation: holds there, not below.
    expect(hasPrivilege(perms, "/vms", "VM.PowerMgmt")).toBe(true);
    expect(hasPrivilege(perms, "/vms/100", "VM.PowerMgmt")).toBe(false);
    expect(hasPrivilege(perms, "/vms/100", "VM.Migrate")).toBe(true);
    expect(hasPrivilege(perms, "/vms/101", "VM.Migrate")).toBe(false);
  });

  it("lists what is missing", () => {
    const need = [
      { path: "/", privilege: "Sys.Audit" },
      { path: "/vms", privilege: "VM.Allocate" },
      { path: "/", privilege: "Sys.Incoming" },
    ];
    expect(missingPrivileges(perms, need)).toEqual([need[1], need[2]]);
  });
});

describe("redaction", () => {
  it("removes raw and URI-encoded secrets", () => {
    const weird = "a+b/c=d";
    expect(redact(`x ${weird} y ${encodeURIComponent(weird)}`, [weird])).toBe("x [redacted] y [redacted]");
    expect(redact("nothing here", ["", SECRET])).toBe("nothing here");
  });
});
