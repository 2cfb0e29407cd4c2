// Edge presence, tier hardware, and the score and phase the rules add up to.
import { describe, expect, it } from "vitest";
import { auditFederation, scoreOf } from "./audit";
import { demoFederation, gib, healthyFederation, replace, rule, site } from "@/test/redundancy-federations";
import { shortList } from "./words";

describe("edge presence", () => {
  it("passes with edge sites and only advises without", () => {
    expect(rule(demoFederation(), "edge-presence")).toMatchObject({
      status: "pass",
      reason: "2 edge sites: Lille and Porto.",
    });
    expect(
      rule(
        demoFederation().filter((s) => s.role !== "edge"),
        "edge-presence",
      ).status,
    ).toBe("advise");
  });
});

describe("tier hardware", () => {
  it("passes when every node meets its tier", () => {
    expect(rule(demoFederation(), "tier-hardware")).toMatchObject({
      status: "pass",
      reason: "Every node (12) across 6 sites meets its tier's RAM floor.",
    });
  });

  it("fails a node under its tier's floor, naming node, site and sizes", () => {
    const sites = replace(demoFederation(), "Warsaw", {
      nodes: [
        { name: "waw-pve1", memoryBytes: gib(192) },
        { name: "waw-pve2", memoryBytes: gib(48) },
      ],
    });
    const result = rule(sites, "tier-hardware");
    expect(result).toMatchObject({
      status: "fail",
      reason: "Node waw-pve2 of Warsaw has 52 GB of RAM; tier 1 needs 64 GB.",
      siteIds: ["warsaw"],
    });
  });

  it("accepts a nominal 64 GB machine whose kernel reports a little less than 64 GiB", () => {
    const sites = replace(demoFederation(), "Warsaw", { nodes: [{ name: "waw-pve1", memoryBytes: gib(62.7) }] });
    expect(rule(sites, "tier-hardware").status).toBe("pass");
  });

  it("advises when nodes are not synced yet or a tier is out of range", () => {
    expect(rule(replace(demoFederation(), "Porto", { nodes: [] }), "tier-hardware")).toMatchObject({
      status: "advise",
      reason: expect.stringContaining("Porto has no synced nodes yet"),
    });
    expect(
      rule(replace(demoFederation(), "Porto", { nodes: [{ name: "opo-pve1", memoryBytes: 0 }] }), "tier-hardware")
        .status,
    ).toBe("advise");
    expect(rule(replace(demoFederation(), "Porto", { tier: 4 }), "tier-hardware").reason).toContain("tier 4");
  });

  it("lists the first few shortfalls and counts the rest", () => {
    const sites = [
      site({
        name: "Big",
        role: "primary",
        tier: 1,
        nodes: Array.from({ length: 6 }, (_, i) => ({ name: `n${i}`, memoryBytes: gib(8) })),
      }),
    ];
    expect(rule(sites, "tier-hardware").reason).toMatch(/; and 2 more\.$/);
  });
});

describe("score and phases", () => {
  it("scores a fully passing federation 100 and a failing one lower, advice at half", () => {
    expect(auditFederation(healthyFederation()).score).toBe(100);
    expect(scoreOf([{ id: "edge-presence", title: "", status: "advise", reason: "", siteIds: [] }])).toBe(50);
    expect(scoreOf([])).toBe(0);
  });

  it("reaches sovereignty when every rule passes across three countries", () => {
    expect(auditFederation(healthyFederation()).phase).toEqual({ reached: "sovereignty", next: null });
  });

  it("stops at expansion while the federation lacks remote or edge sites or has under five sites", () => {
    const sites = healthyFederation().filter((s) => s.role !== "edge");
    const { phase } = auditFederation(sites);
    expect(phase.reached).toBe("expansion");
    expect(phase.next?.phase).toBe("federation");
    expect(phase.next?.needs.join(" ")).toContain("No edge site");
    expect(phase.next?.needs.join(" ")).toContain("At least 5 sites: the federation has 4");
  });

  it("stops at federation while any rule only advises, or the sites span under three countries", () => {
    const sites = healthyFederation().map((s) => ({ ...s, country: s.role === "remote" ? "DE" : "FR" }));
    const { phase } = auditFederation(sites);
    expect(phase.reached).toBe("federation");
    expect(phase.next?.needs).toEqual(["Sites in at least 3 countries: the federation spans 2."]);
  });

  it("has no phase and a low score for an empty federation", () => {
    const report = auditFederation([]);
    expect(report.phase).toMatchObject({ reached: null, next: { phase: "foundation" } });
    expect(report.score).toBeLessThan(20);
  });
});

describe("long federations", () => {
  it("keeps a rule's reason short when many sites fail it", () => {
    const far = Array.from({ length: 12 }, (_, i) =>
      site({ name: `Far${i}`, role: "regional_backup", lat: 40 + i * 0.1, lon: -3 }),
    );
    const result = rule([...demoFederation().filter((s) => s.role !== "regional_backup"), ...far], "regional-backup");
    expect(result.status).toBe("fail");
    expect(result.reason).toMatch(/And 9 more sites like them\.$/);
    expect(result.reason.split("Regional backup").length - 1).toBe(3);
  });
});

describe("shortList", () => {
  it("names up to four, then the first three and a count", () => {
    expect(shortList(["a", "b", "c", "d"])).toBe("a, b, c and d");
    expect(shortList(["a", "b", "c", "d", "e", "f"])).toBe("a, b, c and 3 more");
  });
});
