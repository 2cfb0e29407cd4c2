// A small two-cluster federation with one guest per action under test, so contract and
// behaviour tests never depend on each other's side effects.
import { migrationToken } from "@/lib/proxmox/simulator/generate";
import type { FederationSpec, GuestSpec, TokenSpec } from "@/lib/proxmox/simulator/spec";

export const ROOT: TokenSpec = {
  tokenId: "root@pam!test",
  secret: "0b6d2c4e-7f1a-4c3b-9e8d-5a6f7b8c9d0e",
  privsep: false,
};
export const SOVEREIGN: TokenSpec = {
  tokenId: "sovereign@pve!console",
  secret: "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  acl: [{ path: "/", role: "Sovereign" }],
};
/** dst's migration token: exactly the documented migration grants. */
export const MIGRATION: TokenSpec = migrationToken("dst", 7);
/** The migration grants without Sys.Incoming: the tunnel is refused. */
export const NO_INCOMING: TokenSpec = {
  tokenId: "migrate@pve!partial",
  secret: "22222222-3333-4444-8555-666666666666",
  acl: (MIGRATION.acl ?? []).map((e) =>
    e.path === "/" ? { ...e, privileges: (e.privileges ?? []).filter((p) => p !== "Sys.Incoming") } : e,
  ),
};
/** Sees and powers only VM 100: proves filtering and the 403 text. */
export const NARROW: TokenSpec = {
  tokenId: "ops@pve!narrow",
  secret: "11111111-2222-4333-8444-555555555555",
  privsep: true,
  userAcl: [{ path: "/", role: "Administrator" }],
  acl: [{ path: "/vms/100", privileges: ["VM.Audit"] }],
};

const vm = (vmid: number, type: "qemu" | "lxc", status: "running" | "stopped", node = "pve1"): GuestSpec => ({
  vmid,
  type,
  status,
  node,
  name: `${type}-${vmid}`,
  tags: ["test"],
  cores: 2,
  memoryMiB: 2048,
  diskGiB: 16,
});

export function fixture(seed = 7): FederationSpec {
  return {
    seed,
    clusters: [
      {
        name: "src",
        nodes: ["pve1", "pve2", "pve3"].map((name) => ({ name, cores: 16, memoryGiB: 64, rootDiskGiB: 100 })),
        guests: [
          vm(100, "qemu", "running"),
          vm(101, "qemu", "stopped"),
          vm(102, "lxc", "running"),
          vm(103, "lxc", "stopped"),
          vm(104, "qemu", "running"),
          vm(105, "qemu", "running"),
          vm(106, "qemu", "stopped"),
          vm(107, "lxc", "running"),
          vm(108, "lxc", "running"),
          vm(109, "lxc", "stopped"),
          vm(110, "qemu", "stopped"),
          vm(111, "lxc", "stopped"),
          vm(112, "qemu", "running"),
          vm(113, "lxc", "running"),
          vm(114, "qemu", "running"),
          vm(115, "qemu", "running"),
          vm(116, "qemu", "stopped"),
          vm(200, "qemu", "running", "pve3"),
        ],
        ha: [{ sid: "vm:100", state: "started" }],
        tokens: [ROOT, SOVEREIGN, NARROW],
      },
      {
        name: "dst",
        nodes: [{ name: "dst1", cores: 16, memoryGiB: 64, rootDiskGiB: 100 }],
        guests: [vm(300, "qemu", "running", "dst1")],
        tokens: [
          ROOT,
          SOVEREIGN,
          MIGRATION,
          NO_INCOMING,
          {
            tokenId: "weak@pve!ro",
            secret: "99999999-8888-4777-8666-555555555555",
            acl: [{ path: "/", role: "PVEAuditor" }],
          },
        ],
      },
    ],
  };
}
