// The endpoint schemas on payloads shaped as PVE sends them, quirks included.
// PVE-style payloads as pveproxy really sends them: Perl 0/1 booleans, numbers as strings,
// optional fields missing or null, unknown extra fields.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as g from "./guest-schemas";
import * as s from "./schemas";

describe("endpoint schemas on PVE-style payloads", () => {
  it("cluster resources: guests, nodes, storage, pools and unknown extras", () => {
    const rows = z.array(s.clusterResourceSchema).parse([
      {
        id: "qemu/100",
        type: "qemu",
        vmid: 100,
        node: "pve1",
        status: "running",
        template: 0,
        cpu: 0.0312,
        maxcpu: 4,
        mem: "2147483648",
        maxmem: 4294967296,
        uptime: 86400,
        tags: "helium;prod",
        diskread: 0,
        diskwrite: 0,
        netin: 1,
        netout: 2,
        disk: 0,
        maxdisk: 34359738368,
        name: "helium-miner",
      },
      { id: "lxc/101", type: "lxc", vmid: "101", node: "pve2", status: "unknown", template: "1", name: 101 },
      {
        id: "node/pve1",
        type: "node",
        node: "pve1",
        status: "online",
        cpu: "0.05",
        maxcpu: 16,
        level: "",
        "cgroup-mode": 2,
        "host-arch": "x86_64",
      },
      {
        id: "storage/pve1/local",
        type: "storage",
        storage: "local",
        node: "pve1",
        shared: 0,
        plugintype: "dir",
        content: "iso,vztmpl,backup",
        status: "available",
        disk: 1,
        maxdisk: 2,
      },
      { id: "/pool/prod", type: "pool", pool: "prod", lock: null },
      { id: "network/pve1/zone/z1", type: "network", network: "z1", "network-type": "zone" },
    ]);
    expect(rows[0]).toMatchObject({ mem: 2147483648, template: false, tags: "helium;prod" });
    expect(rows[1]).toMatchObject({ vmid: 101, template: true, name: "101", status: "unknown" });
    expect(rows[2]).not.toHaveProperty("host-arch");
    expect(rows[3]?.shared).toBe(false);
    expect(rows[4]?.lock).toBeUndefined();
  });

  it('cluster status with 0/1 and "1" booleans; standalone node without a cluster entry', () => {
    const rows = z.array(s.clusterStatusEntrySchema).parse([
      { type: "cluster", id: "cluster", name: "alpha", nodes: 3, version: 7, quorate: "1" },
      { type: "node", id: "node/pve1", name: "pve1", nodeid: 1, ip: "10.0.0.1", local: 1, online: 1, level: "" },
      { type: "node", id: "node/pve2", name: "pve2", nodeid: "2", local: 0, online: 0 },
    ]);
    expect(rows.map((r) => [r.quorate, r.online])).toEqual([
      [true, undefined],
      [undefined, true],
      [undefined, false],
    ]);
  });

  it("node status with loadavg strings and implementation extras", () => {
    const st = s.nodeStatusSchema.parse({
      cpu: 0.0421,
      loadavg: ["0.52", "0.61", "0.70"],
      memory: { total: 68719476736, used: "12884901888", free: 1, available: 2 },
      rootfs: { total: 1, used: 1, free: 0, avail: 0 },
      cpuinfo: { model: "AMD EPYC", cores: 16, cpus: 32, sockets: 1, mhz: "2994.374", flags: "fpu vme", hvm: "1" },
      pveversion: "pve-manager/9.1.2/9d436f37a0ac4172",
      "current-kernel": { sysname: "Linux", release: "6.14.8-2-pve", version: "#1 SMP", machine: "x86_64" },
      "boot-info": { mode: "efi", secureboot: 0 },
      uptime: 123,
      kversion: "Linux 6.14",
      swap: { total: 0, used: 0, free: 0 },
      ksm: { shared: 0 },
    });
    expect(st.loadavg).toEqual([0.52, 0.61, 0.7]);
    expect(st["boot-info"]?.secureboot).toBe(false);
    expect(st.memory.used).toBe(12884901888);
  });

  it('disks: wearout is a number or "N/A"', () => {
    const disks = z.array(s.diskSchema).parse([
      {
        devpath: "/dev/nvme0n1",
        size: 1000204886016,
        gpt: 1,
        mounted: 0,
        osdid: -1,
        "osdid-list": null,
        health: "PASSED",
        wearout: 97,
        type: "nvme",
        rpm: 0,
        model: "Samsung 980",
      },
      {
        devpath: "/dev/sda",
        size: "4000787030016",
        gpt: 0,
        mounted: "1",
        osdid: "-1",
        health: "FAILED!",
        wearout: "N/A",
        type: "hdd",
        rpm: 7200,
        used: "LVM",
      },
      { devpath: "/dev/sdb", size: 1, gpt: 1, mounted: 0, osdid: 3, "osdid-list": [3], wearout: "88" },
    ]);
    expect(disks.map((d) => d.wearout)).toEqual([97, "N/A", 88]);
    expect(disks[1]?.mounted).toBe(true);
    expect(disks[2]?.["osdid-list"]).toEqual([3]);
    expect(
      s.diskSchema.safeParse({ devpath: "/dev/sdc", size: 1, gpt: 0, mounted: 0, osdid: -1, wearout: "worn" }).success,
    ).toBe(false);
  });

  it("guest status with the HA object and 0/1 flags", () => {
    const vm = g.qemuStatusSchema.parse({
      vmid: 100,
      status: "running",
      ha: { managed: 1, state: "started" },
      agent: "1",
      template: 0,
      qmpstatus: "running",
      pid: "4242",
    });
    expect(vm.ha).toEqual({ managed: true, state: "started" });
    expect(vm.pid).toBe(4242);
    const ct = g.lxcStatusSchema.parse({ vmid: 101, status: "stopped", ha: { managed: 0 }, maxswap: 536870912 });
    expect(ct.ha.managed).toBe(false);
  });

  it("migrate precheck of an 8.x cluster (no dbus/mapped info) still parses", () => {
    const pre = g.qemuMigratePrecheckSchema.parse({
      running: 0,
      allowed_nodes: ["pve2"],
      not_allowed_nodes: { pve3: { unavailable_storages: ["local-zfs"] } },
      local_disks: [{ volid: "local-lvm:vm-100-disk-0", size: 34359738368, cdrom: 0, is_unused: 0 }],
      local_resources: [],
      "mapped-resources": [],
    });
    expect(pre.running).toBe(false);
    expect(pre.not_allowed_nodes?.pve3?.unavailable_storages).toEqual(["local-zfs"]);
  });

  it("task status, log and node tasks", () => {
    const upid = "UPID:pve1:0000A1B2:0012F3E4:665F0C1D:qmstart:100:sovereign@pve!sync:";
    const st = g.taskStatusSchema.parse({
      upid,
      node: "pve1",
      pid: 41394,
      pstart: "1241060",
      starttime: 1717505053,
      type: "qmstart",
      id: "100",
      user: "sovereign@pve",
      tokenid: "sync",
      status: "stopped",
      exitstatus: "OK",
    });
    expect(st.pstart).toBe(1241060);
    expect(g.taskStatusSchema.safeParse({ ...st, status: "paused" }).success).toBe(false);
    expect(
      z.array(g.taskLogLineSchema).parse([
        { n: 1, t: "starting" },
        { n: "2", t: "TASK OK" },
      ])[1]?.n,
    ).toBe(2);
    expect(g.upidSchema.safeParse(upid).success).toBe(true);
    expect(g.upidSchema.safeParse("not-a-upid").success).toBe(false);
  });

  it("HA status entries of every type", () => {
    const rows = z.array(s.haStatusEntrySchema).parse([
      { id: "quorum", type: "quorum", node: "pve1", status: "OK", quorate: 1 },
      {
        id: "master",
        type: "master",
        node: "pve1",
        status: "pve1 (active, Thu Nov 26 10:00:00 2026)",
        timestamp: 1795600000,
      },
      {
        id: "fencing",
        type: "fencing",
        node: "pve1",
        status: "armed",
        "armed-state": "armed",
        resource_mode: "freeze",
      },
      { id: "lrm:pve2", type: "lrm", node: "pve2", status: "pve2 (active, …)", timestamp: "1795600000" },
      {
        id: "service:vm:100",
        type: "service",
        node: "pve1",
        status: "vm:100 (pve1, started)",
        sid: "vm:100",
        crm_state: "started",
        state: "started",
        request_state: "started",
        max_restart: 1,
        max_relocate: 1,
        failback: 1,
      },
    ]);
    expect(rows[0]?.quorate).toBe(true);
    expect(rows[3]?.timestamp).toBe(1795600000);
  });

  it("permissions map privileges to propagate flags", () => {
    const perms = s.permissionsSchema.parse({
      "/": { "Sys.Audit": 1 },
      "/vms": { "VM.PowerMgmt": "0", "VM.Audit": true },
    });
    expect(perms).toEqual({ "/": { "Sys.Audit": true }, "/vms": { "VM.PowerMgmt": false, "VM.Audit": true } });
  });

  it("rrd rows keep time and the sampled data sources", () => {
    const rows = z
      .array(s.rrdRowSchema)
      .parse([{ time: 1795600000, cpu: 0.05, memused: "1024" }, { time: 1795600060 }]);
    expect(rows).toEqual([{ time: 1795600000, cpu: 0.05, memused: 1024 }, { time: 1795600060 }]);
    expect(s.rrdRowSchema.safeParse({ time: 1, cpu: "high" }).success).toBe(false);
  });

  it("wrong types are rejected", () => {
    expect(s.clusterResourceSchema.safeParse({ id: "qemu/100", type: "qemu", vmid: "one hundred" }).success).toBe(
      false,
    );
    expect(s.versionSchema.safeParse({ version: "9.1.2" }).success).toBe(false);
    expect(z.array(s.nodeIndexEntrySchema).safeParse({ node: "pve1" }).success).toBe(false);
  });
});
