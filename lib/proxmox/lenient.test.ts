// PVE-style payloads as pveproxy really sends them: Perl 0/1 booleans, numbers as strings,
// optional fields missing or null, unknown extra fields.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bool, fastArray, int, looseEnum, num, str, strictEnum, toBool } from "./lenient";
import * as s from "./schemas";

describe("lenient primitives", () => {
  it.each([
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
    [true, true],
    [false, false],
    ["yes", true],
    ["off", false],
  ])("bool %j → %j", (input, out) => {
    expect(bool.req.parse(input)).toBe(out);
  });

  it.each([2, "true-ish", "", {}, [], -1])("bool rejects %j", (input) => {
    expect(bool.req.safeParse(input).success).toBe(false);
    expect(toBool(input)).toBeUndefined();
  });

  it("numbers arrive as numbers or numeric strings", () => {
    expect(num.req.parse("0.52")).toBe(0.52);
    expect(num.req.parse(" 17 ")).toBe(17);
    expect(num.req.parse("1e3")).toBe(1000);
    expect(int.req.parse("4294967296")).toBe(4294967296);
    for (const bad of ["abc", "", "1.2.3", Number.NaN, Number.POSITIVE_INFINITY, true, null]) {
      expect(num.req.safeParse(bad).success).toBe(false);
    }
    expect(int.req.safeParse(1.5).success).toBe(false);
  });

  it("optional fields may be absent or null; required ones may not", () => {
    const o = z.object({ a: str.req, b: num.opt });
    expect(o.parse({ a: "x" })).toEqual({ a: "x" });
    expect(o.parse({ a: "x", b: null })).toEqual({ a: "x", b: undefined });
    expect(o.safeParse({ a: null }).success).toBe(false);
    expect(o.safeParse({}).success).toBe(false);
  });

  it("numeric-looking names sent as JSON numbers become strings", () => {
    expect(str.req.parse(100)).toBe("100");
    expect(str.req.safeParse({}).success).toBe(false);
  });

  it("loose enums pass new values through, strict ones do not", () => {
    const loose = looseEnum(["a", "b"]);
    expect(loose.req.parse("c")).toBe("c");
    const strict = strictEnum(["running", "stopped"]);
    expect(strict.req.parse("running")).toBe("running");
    expect(strict.req.safeParse("paused").success).toBe(false);
  });
});

describe("fastArray: the well-formed fast path gives what zod gives", () => {
  const fast = fastArray(s.clusterResourceSchema);
  const full = z.array(s.clusterResourceSchema);
  const wellFormed = [
    {
      id: "qemu/100",
      type: "qemu",
      vmid: 100,
      node: "pve1",
      status: "running",
      template: false,
      cpu: 0.0312,
      maxcpu: 4,
      mem: 2147483648,
      maxmem: 4294967296,
      uptime: 86400,
      tags: "helium;prod",
      name: "helium-miner",
      "host-arch": "x86_64",
    },
    {
      id: "node/pve1",
      type: "node",
      node: "pve1",
      status: "online",
      cpu: 0.05,
      maxcpu: 16,
      level: "",
      "cgroup-mode": 2,
    },
    {
      id: "storage/pve1/local",
      type: "storage",
      storage: "local",
      node: "pve1",
      shared: true,
      plugintype: "dir",
      content: "iso,backup",
      status: "available",
      disk: 1,
      maxdisk: 2,
    },
    {
      id: "sdn/pve1/localnetwork",
      type: "sdn",
      sdn: "localnetwork",
      node: "pve1",
      status: "ok",
      "some-future-type": { nested: true },
    },
  ];

  it("copies well-formed entries field by field, dropping unknown keys as zod does", () => {
    const out = fast.parse(wellFormed);
    expect(out).toEqual(full.parse(wellFormed));
    expect(out[0]).not.toHaveProperty("host-arch");
    expect(out[0]).not.toBe(wellFormed[0]);
  });

  it.each([
    ["a Perl boolean", { template: 1, shared: 0 }],
    ["a boolean as a string", { template: "1" }],
    ["a number as a string", { mem: "2147483648" }],
    ["a numeric name", { name: 100 }],
    ["a null", { lock: null }],
    ["an integer that is not one", { vmid: 100.5 }],
  ])("falls back to zod for an entry with %s, with zod's coercions or issues", (_why, patch) => {
    const input = [...wellFormed, { ...wellFormed[0], ...patch }];
    const a = fast.safeParse(input);
    const b = full.safeParse(input);
    expect(a.success).toBe(b.success);
    if (a.success && b.success) expect(a.data).toEqual(b.data);
    else
      expect(a.error?.issues.map((i) => [i.path, i.message])).toEqual(b.error?.issues.map((i) => [i.path, i.message]));
  });

  it("rejects what is not an array of objects, naming the path", () => {
    expect(fast.safeParse({ data: [] }).success).toBe(false);
    const bad = fast.safeParse([wellFormed[0], "qemu/101"]);
    expect(bad.error?.issues[0]?.path).toEqual([1]);
  });
});
