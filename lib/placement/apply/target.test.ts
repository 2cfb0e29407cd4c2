import { describe, expect, it } from "vitest";
import { explainNoStorage, pickBridge, pickStorage, type StorageRow } from "./target";

const GiB = 1024 ** 3;
const row = (storage: string, over: Partial<StorageRow> = {}): StorageRow => ({
  node: "d1",
  storage,
  shared: false,
  status: "available",
  content: ["images", "rootdir"],
  disk: 100 * GiB,
  maxdisk: 1000 * GiB,
  ...over,
});

describe("pickStorage", () => {
  it("takes the storage on the receiving node (or shared) with the most room that accepts the guest's content", () => {
    const rows = [
      row("local", { content: ["iso", "backup"], disk: 0 }),
      row("small", { disk: 800 * GiB }),
      row("big"),
      row("other-node", { node: "d2", disk: 0 }),
      row("ceph", { shared: true, node: "d2", disk: 50 * GiB }),
    ];
    expect(pickStorage(rows, "d1", "qemu", 16 * GiB)?.storage).toBe("ceph");
    expect(
      pickStorage(
        rows.filter((r) => r.storage !== "ceph"),
        "d1",
        "qemu",
        16 * GiB,
      )?.storage,
    ).toBe("big");
  });

  it("keeps 10 % free after the guest's disks and skips storages that are not available or hold the wrong content", () => {
    expect(pickStorage([row("tight", { disk: 880 * GiB })], "d1", "qemu", 30 * GiB)).toBeNull();
    expect(pickStorage([row("tight", { disk: 880 * GiB })], "d1", "qemu", 10 * GiB)?.storage).toBe("tight");
    expect(pickStorage([row("down", { status: "unknown" })], "d1", "qemu", GiB)).toBeNull();
    expect(pickStorage([row("vmonly", { content: ["images"] })], "d1", "lxc", GiB)).toBeNull();
  });

  it("says why nothing fits", () => {
    expect(explainNoStorage([row("local", { content: ["iso"] })], "d1", "lxc", GiB)).toBe(
      'No storage on d1 accepts container volumes (content "rootdir").',
    );
    expect(explainNoStorage([row("tight", { disk: 990 * GiB })], "d1", "qemu", 20 * GiB)).toBe(
      "No storage on d1 has room for 20 GiB with 10 % kept free (tight has 10 GiB free).",
    );
  });
});

describe("pickBridge", () => {
  it("prefers the active bridge with the gateway, then vmbr0, then the first active bridge", () => {
    expect(
      pickBridge([
        { iface: "vmbr0", type: "bridge", active: true },
        { iface: "vmbr1", type: "bridge", active: true, gateway: "10.0.0.1" },
      ]),
    ).toBe("vmbr1");
    expect(
      pickBridge([
        { iface: "vmbr9", type: "bridge", active: true },
        { iface: "vmbr0", type: "bridge", active: true },
      ]),
    ).toBe("vmbr0");
    expect(
      pickBridge([
        { iface: "vmbr0", type: "bridge", active: false },
        { iface: "ovs0", type: "OVSBridge" },
      ]),
    ).toBe("ovs0");
    expect(pickBridge([{ iface: "eno1", type: "eth", active: true }])).toBeNull();
  });
});
