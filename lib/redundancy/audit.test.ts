import { describe, expect, it } from "vitest";
// On the WGS84 mean-radius sphere Paris–Lyon is 391.5 km (the ellipsoid says ~392): the audit shows 391.
import { auditFederation } from "./audit";
import { demoFederation, healthyFederation, replace, rule, site } from "@/test/redundancy-federations";

describe("the demo federation", () => {
  it("fails the regional backup rule on Lyon's distance, grid and ISP, and passes the rest", () => {
    const report = auditFederation(demoFederation());
    const statuses = Object.fromEntries(report.rules.map((r) => [r.id, r.status]));
    expect(statuses).toEqual({
      "one-primary": "pass",
      "regional-backup": "fail",
      "remote-site": "pass",
      "edge-presence": "pass",
      "tier-hardware": "pass",
    });
    const backup = rule(demoFederation(), "regional-backup");
    expect(backup.reason).toContain("Regional backup Lyon is 391 km from primary Paris; it should be 50–200 km");
    expect(backup.reason).toContain("shares power grid RTE (FR) and ISP Orange Business with Paris");
    expect(backup.siteIds).toEqual(["lyon"]);
    expect(report.score).toBe(75);
    expect(report.phase.reached).toBe("foundation");
    expect(report.phase.next?.phase).toBe("expansion");
    expect(report.phase.next?.needs.join(" ")).toContain("391 km");
  });
});

describe("exactly one primary", () => {
  it("fails with no primary, and the distance rules say why they cannot be checked", () => {
    const sites = demoFederation().filter((s) => s.role !== "primary");
    expect(rule(sites, "one-primary")).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("No site is marked primary"),
    });
    expect(rule(sites, "regional-backup")).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("no primary site"),
    });
    expect(rule(sites, "remote-site")).toMatchObject({ status: "fail" });
    expect(auditFederation(sites).phase).toMatchObject({ reached: null, next: { phase: "foundation" } });
  });

  it("fails with two primaries and names both", () => {
    const sites = replace(demoFederation(), "Warsaw", { role: "primary" });
    const result = rule(sites, "one-primary");
    expect(result.status).toBe("fail");
    expect(result.reason).toContain("2 sites are marked primary: Paris and Warsaw");
    expect(result.siteIds).toEqual(["paris", "warsaw"]);
    expect(rule(sites, "regional-backup").reason).toContain("2 primaries (Paris and Warsaw)");
  });

  it("fails when the primary has no coordinates", () => {
    const sites = replace(demoFederation(), "Paris", { lat: null, lon: null });
    expect(rule(sites, "regional-backup")).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("primary Paris has no coordinates"),
    });
    expect(rule(sites, "remote-site")).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("primary Paris has no coordinates"),
    });
  });
});

describe("regional backup", () => {
  it("passes 50–200 km away on another grid and ISP, and says so", () => {
    const result = rule(healthyFederation(), "regional-backup");
    expect(result.status).toBe("pass");
    expect(result.reason).toMatch(
      /Regional backup Rouen is 11\d km from primary Paris, on another power grid \(Local co-op grid, not RTE \(FR\)\) and ISP/,
    );
  });

  it("fails when it is too close", () => {
    const sites = replace(healthyFederation(), "Rouen", { lat: 48.8049, lon: 2.1204 }); // Versailles, ~18 km
    expect(rule(sites, "regional-backup")).toMatchObject({
      status: "fail",
      reason: expect.stringMatching(/is 1\d km from primary Paris; it should be 50–200 km/),
    });
  });

  it("fails at the right distance on the same power grid, or with the same ISP", () => {
    const grid = rule(replace(healthyFederation(), "Rouen", { powerGrid: " rte (fr)" }), "regional-backup");
    expect(grid).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("shares power grid rte (fr) with Paris"),
    });
    const isp = rule(replace(healthyFederation(), "Rouen", { isp: "Orange Business" }), "regional-backup");
    expect(isp).toMatchObject({ status: "fail", reason: expect.stringContaining("shares ISP Orange Business") });
  });

  it("advises when its grid or ISP is not recorded", () => {
    const result = rule(replace(healthyFederation(), "Rouen", { isp: null }), "regional-backup");
    expect(result).toMatchObject({
      status: "advise",
      reason: expect.stringContaining("ISP of Rouen or Paris is not recorded"),
    });
  });

  it("advises when it has no coordinates", () => {
    const result = rule(replace(healthyFederation(), "Rouen", { lat: null, lon: null }), "regional-backup");
    expect(result).toMatchObject({ status: "advise", reason: expect.stringContaining("Rouen has no coordinates") });
  });

  it("fails when there is none, and passes if any one of several qualifies", () => {
    expect(
      rule(
        demoFederation().filter((s) => s.role !== "regional_backup"),
        "regional-backup",
      ),
    ).toMatchObject({ status: "fail", reason: expect.stringContaining("No regional backup") });
    const both = [...demoFederation(), ...healthyFederation().filter((s) => s.name === "Rouen")];
    expect(rule(both, "regional-backup").status).toBe("pass");
  });
});

describe("remote site", () => {
  it("passes 500 km or more away in another country", () => {
    const result = rule(demoFederation(), "remote-site");
    expect(result.status).toBe("pass");
    expect(result.reason).toMatch(
      /2 remote sites are 500 km or more from primary Paris, in other countries: Warsaw \(1,3\d\d km, PL\) and Madrid \(1,0\d\d km, ES\)/,
    );
  });

  it("advises when the only far remote is in the same country", () => {
    const sites = demoFederation()
      .filter((s) => s.name !== "Warsaw")
      .map((s) => (s.name === "Madrid" ? { ...s, name: "Marseille", lat: 43.2965, lon: 5.3698, country: "FR" } : s));
    expect(rule(sites, "remote-site")).toMatchObject({
      status: "advise",
      reason: expect.stringContaining("not recorded in another country (FR)"),
    });
  });

  it("fails when every remote is under 500 km, naming the distances", () => {
    const sites = demoFederation()
      .filter((s) => s.name !== "Warsaw")
      .map((s) => (s.name === "Madrid" ? { ...s, name: "Reims", lat: 49.2583, lon: 4.0317 } : s));
    expect(rule(sites, "remote-site")).toMatchObject({
      status: "fail",
      reason: expect.stringMatching(/No remote site is 500 km or more from primary Paris: remote Reims is 1\d\d km/),
    });
  });

  it("fails with no remote at all", () => {
    expect(
      rule(
        demoFederation().filter((s) => s.role !== "remote"),
        "remote-site",
      ),
    ).toMatchObject({ status: "fail", reason: expect.stringContaining("No remote site.") });
  });

  it("advises rather than fails when a remote has no coordinates", () => {
    const sites = demoFederation()
      .filter((s) => s.name !== "Warsaw")
      .map((s) => (s.name === "Madrid" ? { ...s, lat: null, lon: null } : s));
    expect(rule(sites, "remote-site")).toMatchObject({
      status: "advise",
      reason: expect.stringContaining("Madrid has no coordinates"),
    });
  });

  it("measures across the antimeridian the short way", () => {
    // A Fiji primary with a Samoa remote (~1,150 km) passes; measured the long way it would be ~38,000 km either way,
    // so also check the distance shown is the short one.
    const sites = [
      site({ name: "Suva", role: "primary", lat: -18.1416, lon: 178.4419, country: "FJ" }),
      site({ name: "Apia", role: "remote", lat: -13.8507, lon: -171.7514, country: "WS" }),
      site({
        name: "Lautoka",
        role: "regional_backup",
        lat: -17.6242,
        lon: 177.4528,
        country: "FJ",
        powerGrid: "west",
        isp: "b",
      }),
    ];
    expect(rule(sites, "remote-site")).toMatchObject({
      status: "pass",
      reason: expect.stringMatching(/Remote Apia is 1,1\d\d km from primary Suva/),
    });
    expect(rule(sites, "regional-backup").reason).toMatch(/Lautoka is 1\d\d km from primary Suva/);
  });
});
