import { describe, expect, it } from "vitest";
import { DEFAULT_GUEST_QUERY, clampPage, guestQueryString, parseGuestQuery } from "./guest-filters";

describe("parseGuestQuery", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parseGuestQuery({})).toEqual({ sort: "name", dir: "asc", page: 1, size: 50 });
    expect(DEFAULT_GUEST_QUERY).toEqual({ sort: "name", dir: "asc", page: 1, size: 50 });
  });

  it("reads every filter, trimming text and taking the first of repeated keys", () => {
    const query = parseGuestQuery({
      q: "  web ",
      status: "running",
      node: "pve2",
      tag: "depin",
      type: "lxc",
      sort: "cpu",
      dir: "desc",
      page: "3",
      size: "100",
    });
    expect(query).toEqual({
      q: "web",
      status: "running",
      node: "pve2",
      tag: "depin",
      type: "lxc",
      sort: "cpu",
      dir: "desc",
      page: 3,
      size: 100,
    });
    expect(parseGuestQuery({ status: ["stopped", "running"] }).status).toBe("stopped");
  });

  it("falls back to defaults for malformed values instead of failing the page", () => {
    const query = parseGuestQuery({
      q: "",
      status: "exploded",
      type: "docker",
      sort: "password",
      dir: "sideways",
      page: "-4",
      size: "7",
      node: "x".repeat(500),
    });
    expect(query).toEqual({ sort: "name", dir: "asc", page: 1, size: 50 });
    expect(parseGuestQuery({ page: "2.5" }).page).toBe(1);
    expect(parseGuestQuery({ page: "abc" }).page).toBe(1);
  });
});

describe("guestQueryString", () => {
  it("omits defaults and resets the page when a filter changes", () => {
    const query = parseGuestQuery({ status: "running", page: "4" });
    expect(guestQueryString(DEFAULT_GUEST_QUERY)).toBe("");
    expect(guestQueryString(query)).toBe("?status=running&page=4");
    expect(guestQueryString(query, { page: 5 })).toBe("?status=running&page=5");
    expect(guestQueryString(query, { node: "pve1" })).toBe("?status=running&node=pve1");
    expect(guestQueryString(query, { status: undefined })).toBe("");
    expect(guestQueryString(DEFAULT_GUEST_QUERY, { sort: "cpu", dir: "desc" })).toBe("?sort=cpu&dir=desc");
  });

  it("round-trips through the parser", () => {
    const query = parseGuestQuery({ q: "a b&c", tag: "t", sort: "uptime", dir: "desc", page: "2", size: "25" });
    const back = parseGuestQuery(Object.fromEntries(new URLSearchParams(guestQueryString(query).slice(1))));
    expect(back).toEqual(query);
  });
});

describe("paging", () => {
  it("clamps the page to what exists", () => {
    expect(clampPage(9, 120, 50)).toBe(3);
    expect(clampPage(2, 0, 50)).toBe(1);
    expect(clampPage(2, 120, 50)).toBe(2);
  });
});
