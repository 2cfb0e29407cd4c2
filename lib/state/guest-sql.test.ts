import { describe, expect, it } from "vitest";
import { DEFAULT_GUEST_QUERY, parseGuestQuery } from "./guest-filters";
import { guestFilterSql, guestOrderSql } from "./guest-sql";

describe("guestFilterSql", () => {
  it("is just the cluster for the default view", () => {
    const where = guestFilterSql("c1", DEFAULT_GUEST_QUERY);
    expect(where.text).toBe('g."clusterId" = $1::uuid');
    expect(where.values).toEqual(["c1"]);
  });

  it("adds each filter as a bound value, and matches a numeric search against the vmid too", () => {
    const where = guestFilterSql(
      "c1",
      parseGuestQuery({ q: "101", status: "stopped", node: "pve1", tag: "depin", type: "qemu" }),
    );
    expect(where.values).toEqual(["c1", "stopped", "qemu", "pve1", "depin", "%101%", 101]);
    expect(where.text).toContain('g."vmid" = $7');
    expect(guestFilterSql("c1", parseGuestQuery({ q: "web" })).sql).not.toContain("vmid");
  });

  it("never puts the search text into the SQL, and searches LIKE's wildcards literally", () => {
    const where = guestFilterSql("c1", parseGuestQuery({ q: "50%_off\\'; DROP TABLE x" }));
    expect(where.sql).not.toContain("DROP");
    expect(where.values).toContain("%50\\%\\_off\\\\'; DROP TABLE x%");
  });
});

describe("guestOrderSql", () => {
  it("breaks ties by vmid, and reads usage as 0 where the last sync measured none", () => {
    expect(guestOrderSql(parseGuestQuery({ sort: "cpu", dir: "desc" })).sql).toBe(
      'COALESCE(u."cpu", 0) DESC, g."vmid" ASC',
    );
    expect(guestOrderSql(parseGuestQuery({ sort: "vmid", dir: "desc" })).sql).toBe('g."vmid" DESC');
    expect(guestOrderSql(parseGuestQuery({ sort: "name" })).sql).toBe('g."name" ASC, g."vmid" ASC');
  });
});
