import { describe, expect, it } from "vitest";
import { ProxmoxInvalidUpidError } from "./errors";
import { formatUpid, isUpid, parseUpid, splitTaskUser } from "./upid";

describe("UPID", () => {
  const examples = [
    "UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qmstart:100:root@pam:",
    "UPID:node-2:00001234:1234ABCDE:665F0C1D:qmigrate:101:sovereign@pve!sync:",
    "UPID:edge1:00000001:00000002:00000003:vzdump::root@pam:",
    "UPID:x:FFFFFFFF:FFFFFFFF:FFFFFFFF:hastart:999999999:a@b:",
  ];

  it.each(examples)("round-trips %s", (upid) => {
    expect(formatUpid(parseUpid(upid))).toBe(upid);
  });

  it("parses the hex fields and keeps the token user whole", () => {
    expect(parseUpid("UPID:node-2:00001234:1234ABCDE:665F0C1D:qmigrate:101:sovereign@pve!sync:")).toEqual({
      node: "node-2",
      pid: 0x1234,
      pstart: 0x1234abcde,
      starttime: 0x665f0c1d,
      type: "qmigrate",
      id: "101",
      user: "sovereign@pve!sync",
    });
  });

  it("accepts lowercase hex and formats it uppercase, as PVE does", () => {
    const parsed = parseUpid("UPID:pve1:0000a1b2:0012f3e4:665f0c1d:qmstart:100:root@pam:");
    expect(formatUpid(parsed)).toBe("UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qmstart:100:root@pam:");
  });

  it("formats fields back to the same parse (property round trip)", () => {
    for (let i = 0; i < 200; i++) {
      const upid = {
        node: `n${i}`,
        pid: (i * 7919) % 0xffffffff,
        pstart: i * 104729,
        starttime: 1_700_000_000 + i,
        type: "qmstart",
        id: String(100 + i),
        user: i % 2 ? "root@pam" : "ops@pve!tok",
      };
      expect(parseUpid(formatUpid(upid))).toEqual(upid);
    }
  });

  it.each([
    "",
    "UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qmstart:100:root@pam", // no trailing colon
    "UPID:-bad:0000A1B2:0012F3E4:665F0C1D:qmstart:100:root@pam:",
    "UPID:pve1:A1B2:0012F3E4:665F0C1D:qmstart:100:root@pam:",
    "UPID:pve1:0000A1B2:0012F3E4:665F0C1D::100:root@pam:",
    "UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qm/start:100:root@pam:",
    "upid:pve1:0000A1B2:0012F3E4:665F0C1D:qmstart:100:root@pam:",
  ])("rejects %j", (bad) => {
    expect(isUpid(bad)).toBe(false);
    expect(() => parseUpid(bad)).toThrow(ProxmoxInvalidUpidError);
  });

  it("refuses to format values PVE could not parse", () => {
    const base = parseUpid(examples[0] ?? "");
    expect(() => formatUpid({ ...base, pid: -1 })).toThrow(ProxmoxInvalidUpidError);
    expect(() => formatUpid({ ...base, pid: 2 ** 33 })).toThrow(ProxmoxInvalidUpidError);
    expect(() => formatUpid({ ...base, type: "a:b" })).toThrow(ProxmoxInvalidUpidError);
  });

  it("splits token users like the task API", () => {
    expect(splitTaskUser("ops@pve!sync")).toEqual({ userid: "ops@pve", tokenid: "sync" });
    expect(splitTaskUser("root@pam")).toEqual({ userid: "root@pam", tokenid: undefined });
  });
});
