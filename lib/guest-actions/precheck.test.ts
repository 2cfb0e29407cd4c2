import { describe, expect, it } from "vitest";
import { summarizePrecheck } from "./precheck";

describe("summarizePrecheck", () => {
  it("lists every other node of a VM's cluster with why it is refused", () => {
    const summary = summarizePrecheck(
      {
        kind: "qemu",
        raw: {
          running: true,
          allowed_nodes: ["pve2"],
          not_allowed_nodes: {
            pve3: { unavailable_storages: ["local-zfs"] },
            pve4: { "blocking-ha-resources": [{ sid: "vm:110", cause: "resource-affinity" }] },
          },
          local_disks: [
            { volid: "local-zfs:vm-100-disk-0", size: 1, cdrom: false, is_unused: false },
            { volid: "local:iso/x.iso", size: 1, cdrom: true, is_unused: false },
          ],
          local_resources: ["hostpci0"],
          "mapped-resources": [],
        },
      },
      "pve1",
      ["pve1", "pve2", "pve3", "pve4", "pve5"],
    );
    expect(summary).toEqual({
      running: true,
      nodes: [
        { node: "pve2", allowed: true, reasons: [] },
        { node: "pve3", allowed: false, reasons: ["storage local-zfs is not available there"] },
        { node: "pve4", allowed: false, reasons: ["HA resource vm:110 must stay with it"] },
        { node: "pve5", allowed: false, reasons: ["not offered by Proxmox (offline?)"] },
      ],
      notes: ["1 local disk is copied to the target", "local resource hostpci0 blocks migration"],
    });
  });

  it("reads a container's hyphenated fields", () => {
    const summary = summarizePrecheck(
      {
        kind: "lxc",
        raw: {
          running: false,
          "allowed-nodes": ["b"],
          "not-allowed-nodes": { c: { "blocking-ha-resources": [{ sid: "ct:200", cause: "node-affinity" }] } },
        },
      },
      "a",
      ["a", "b", "c"],
    );
    expect(summary).toEqual({
      running: false,
      nodes: [
        { node: "b", allowed: true, reasons: [] },
        { node: "c", allowed: false, reasons: ["HA resource ct:200 blocks it"] },
      ],
      notes: [],
    });
  });
});
