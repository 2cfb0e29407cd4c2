// Integration-test support for workloads: the workload form as the browser sends it, and synced
// guests written straight into the read model.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export const unique = () => randomUUID().slice(0, 8);

export function workloadForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  // As the form sends it: strings, empty optional fields.
  return {
    name: `helium ${unique()}`,
    networkId: "helium",
    service: "",
    tag: "",
    vcpu: "2",
    memoryMb: "2048",
    diskGb: "32",
    replicas: "3",
    priority: "50",
    allowedCountries: "fr, de",
    minSpreadKm: "",
    pinnedClusterIds: "",
    excludedClusterIds: "",
    latencyLatitude: "",
    latencyLongitude: "",
    maxLatencyMs: "",
    ...overrides,
  };
}

export async function guestOn(clusterId: string, vmid: number, tags: string[] = [], template = false) {
  await db.guest.create({
    data: {
      clusterId,
      vmid,
      type: "qemu",
      name: `g-${vmid}`,
      node: "pve1",
      status: "running",
      tags,
      template,
      maxcpu: 2,
      maxmem: 2 * 1024 ** 3,
      maxdisk: 32 * 1024 ** 3,
    },
  });
}
