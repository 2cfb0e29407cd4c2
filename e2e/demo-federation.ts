// The demo federation the simulator serves (lib/proxmox/simulator/federations/demo.json), read as
// the specs need it: its sites, nodes and guests, to insert as a registry and a sync would.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GuestSpec } from "../lib/proxmox/simulator/spec";

export interface DemoCluster {
  name: string;
  nodes: Array<{ name: string; cores: number; memoryGiB: number }>;
  guests: Array<
    Partial<Pick<GuestSpec, "vmid" | "type" | "name" | "node" | "status" | "tags" | "cores" | "memoryMiB" | "diskGiB">>
  >;
  site: {
    lat: number;
    lon: number;
    city: string;
    role: string;
    tier: number;
    country: string;
    region?: string;
    powerGrid?: string;
    isp?: string;
    electricityPricePerKwh: number;
    currency: string;
  };
}

export const demo = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../lib/proxmox/simulator/federations/demo.json"), "utf8"),
) as { clusters: DemoCluster[] };
