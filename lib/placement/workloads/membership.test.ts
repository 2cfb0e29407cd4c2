import { describe, expect, it } from "vitest";
import { workloadMembership } from "./membership";

const guest = (vmid: number, tags: string[], template = false) => ({ clusterId: "c1", vmid, tags, template });

describe("workload membership", () => {
  it("an assignment wins over a tag; between tags the higher priority, then the name; templates never belong", () => {
    const workloads = [
      { id: "low", name: "b", tag: "helium", priority: 10 },
      { id: "high", name: "z", tag: "depin", priority: 90 },
      { id: "tie", name: "a", tag: "render", priority: 10 },
      { id: "assigned", name: "m", tag: null, priority: 0 },
    ];
    const members = workloadMembership(
      workloads,
      [
        guest(100, ["helium", "depin"]),
        guest(101, ["Helium"]),
        guest(102, ["render", "helium"]),
        guest(103, ["depin"]),
        guest(104, ["helium"], true),
      ],
      [
        { clusterId: "c1", vmid: 103, workloadId: "assigned" },
        { clusterId: "c1", vmid: 105, workloadId: "gone" },
      ],
    );
    expect(Object.fromEntries(members)).toEqual({
      "c1:100": "high",
      "c1:101": "low",
      "c1:102": "tie",
      "c1:103": "assigned",
    });
  });
});
