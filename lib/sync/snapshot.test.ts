import { describe, expect, it } from "vitest";
import type { ClusterResource, ClusterStatusEntry, NodeStatus } from "@/lib/proxmox";
import { buildSnapshot, pveVersionOf, splitTags } from "./snapshot";
import type { ClusterReading } from "./rows";

const GiB = 1024 ** 3;

function nodeStatus(version: string): NodeStatus {
  return {
    cpu: 0.1,
    loadavg: [0.5, 0.4, 0.3],
    memory: { total: 64 * GiB, used: 8 * GiB, free: 56 * GiB },
    rootfs: { total: 100 * GiB, used: 10 * GiB, free: 90 * GiB, avail: 90 * GiB },
    cpuinfo: { model: "EPYC", cores: 16, cpus: 32, sockets: 1 },
    pveversion: `pve-manager/${version}/abcdef12`,
  };
}

function reading(overrides: Partial<ClusterReading> = {}): ClusterReading {
  const status: ClusterStatusEntry[] = [
    { type: "cluster", id: "cluster", name: "lab", quorate: true, nodes: 2 },
    { type: "node", id: "node/pve1", name: "pve1", online: true, ip: "10.0.0.1" },
    { type: "node", id: "node/pve2", name: "pve2", online: true, ip: "10.0.0.2" },
  ];
  const resources: ClusterResource[] = [
    {
      id: "node/pve1",
      type: "node",
      node: "pve1",
      status: "online",
      cpu: 0.25,
      maxcpu: 32,
      mem: 10 * GiB,
      maxmem: 64 * GiB,
    },
    {
      id: "node/pve2",
      type: "node",
      node: "pve2",
      status: "online",
      cpu: 0.5,
      maxcpu: 16,
      mem: 20 * GiB,
      maxmem: 64 * GiB,
    },
    {
      id: "qemu/100",
      type: "qemu",
      vmid: 100,
      node: "pve1",
      status: "running",
      name: "web",
      tags: "Web;prod",
      cpu: 0.1,
      maxcpu: 2,
    },
    { id: "lxc/101", type: "lxc", vmid: 101, node: "pve2", status: "stopped" },
    { id: "qemu/9000", type: "qemu", vmid: 9000, node: "pve2", status: "stopped", template: true },
    // The shared Ceph pool as each node reports it.
    ...["pve1", "pve2"].map((node) => ({
      id: `storage/${node}/ceph`,
      type: "storage",
      node,
      storage: "ceph",
      shared: true,
      status: "available",
      disk: 100,
      maxdisk: 1000,
      content: "images,rootdir",
    })),
    {
      id: "storage/pve1/local",
      type: "storage",
      node: "pve1",
      storage: "local",
      shared: false,
      status: "available",
      disk: 5,
      maxdisk: 50,
    },
    {
      id: "storage/pve2/local",
      type: "storage",
      node: "pve2",
      storage: "local",
      shared: false,
      status: "available",
      disk: 7,
      maxdisk: 50,
    },
  ];
  return {
    status,
    resources,
    nodeStatus: new Map([
      ["pve1", nodeStatus("9.1.2")],
      ["pve2", nodeStatus("9.0.11")],
    ]),
    ha: [],
    tasks: [],
    disks: null,
    ...overrides,
  };
}

describe("buildSnapshot", () => {
  it("maps nodes, guests and storages; totals count shared storage once and skip templates", () => {
    const snap = buildSnapshot(reading());
    expect(snap.nodes.map((n) => [n.name, n.ip, n.pveVersion])).toEqual([
      ["pve1", "10.0.0.1", "9.1.2"],
      ["pve2", "10.0.0.2", "9.0.11"],
    ]);
    expect(snap.facts).toMatchObject({ pveClusterName: "lab", quorate: true, pveVersion: "9.0.11" });
    expect(snap.guests.find((g) => g.vmid === 100)).toMatchObject({
      type: "qemu",
      tags: ["web", "prod"],
      status: "running",
    });
    expect(snap.guests.find((g) => g.vmid === 101)).toMatchObject({ name: "CT 101", tags: [] });
    expect(snap.summary).toMatchObject({
      health: "healthy",
      nodesOnline: 2,
      guestsTotal: 2,
      guestsRunning: 1,
      cpuUsed: 16,
      cpuTotal: 48,
      storageUsed: 112,
      storageTotal: 1100,
    });
    expect(snap.disks).toBeNull();
  });

  it("is degraded when a node is offline, quorum is lost or a node's status call failed; down with no node online", () => {
    const offline = reading();
    offline.resources[1] = { id: "node/pve2", type: "node", node: "pve2", status: "offline" };
    expect(buildSnapshot(offline).summary.health).toBe("degraded");
    const noQuorum = reading();
    noQuorum.status[0] = { type: "cluster", id: "cluster", name: "lab", quorate: false };
    expect(buildSnapshot(noQuorum).summary.health).toBe("degraded");
    expect(buildSnapshot(reading({ nodeStatus: new Map([["pve1", null]]) })).summary.health).toBe("degraded");
    const allDown = reading();
    allDown.resources = allDown.resources.map((r) => (r.type === "node" ? { ...r, status: "offline" } : r));
    expect(buildSnapshot(allDown).summary.health).toBe("down");
  });

  it("reads HA services, and wear-out only where it is a number", () => {
    const snap = buildSnapshot(
      reading({
        ha: [
          { id: "quorum", type: "quorum", node: "pve1", status: "OK", quorate: true },
          { id: "master", type: "master", node: "pve2", status: "pve2 (active)" },
          {
            id: "service:vm:100",
            type: "service",
            node: "pve1",
            status: "vm:100 (pve1, error)",
            sid: "vm:100",
            state: "error",
          },
        ],
        disks: new Map([
          [
            "pve1",
            [
              { devpath: "/dev/sda", size: 1, gpt: true, mounted: false, osdid: -1, wearout: "N/A" },
              { devpath: "/dev/nvme0n1", size: 2, gpt: true, mounted: false, osdid: -1, wearout: 97, health: "PASSED" },
            ],
          ],
        ]),
      }),
    );
    expect(snap.ha).toEqual([expect.objectContaining({ sid: "vm:100", vmid: 100, state: "error" })]);
    expect(snap.facts).toMatchObject({ haQuorate: true, haMasterNode: "pve2" });
    expect(snap.summary.health).toBe("degraded");
    expect(snap.disks?.map((d) => d.wearout)).toEqual([null, 97]);
    expect(snap.diskNodes).toEqual(["pve1"]);
  });

  it("parses versions and tags leniently", () => {
    expect(pveVersionOf("pve-manager/9.1.2/0f5a")).toBe("9.1.2");
    expect(pveVersionOf(undefined)).toBeNull();
    expect(splitTags("a;B , c;a")).toEqual(["a", "b", "c"]);
  });
});
