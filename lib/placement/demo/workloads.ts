// The demo federation's workloads, reward rates and placement site data (lib/proxmox/simulator/
// federations/demo.json's guest tags and cluster names). Plain data with fixed ids, so the demo
// seed and the end-to-end specs (which insert by SQL) describe the same federation. Chosen so the
// planner has something to say. The simulator gives its generated service guests the same tags at
// random (helium, render, trading…), so the named guests are assigned explicitly; the render
// workers are found by the "gpu" tag only they carry, and the other workloads' "sov-*" tags are
// the convention for guests created later. The planner has something to say: helium earns more per hotspot in Poland than at the weakest sites,
// electricity in Warsaw makes its GPU expensive beside Madrid's, and a trading bot in Porto is
// too far from the exchange in Frankfurt.
import type { WorkloadService } from "@/generated/prisma/enums";

export interface DemoWorkload {
  id: string;
  name: string;
  tag: string;
  /** Assigned in the UI (WorkloadGuest): cluster name and vmid. */
  guests: ReadonlyArray<{ cluster: string; vmid: number }>;
  networkId: string | null;
  service: WorkloadService | null;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpu: boolean;
  replicas: number;
  priority: number;
  allowedCountries: string[];
  minSpreadKm: number | null;
  distinctRegions: boolean;
  latency: { latitude: number; longitude: number; maxMs: number } | null;
}

const base = {
  gpu: false,
  priority: 50,
  allowedCountries: [],
  minSpreadKm: null,
  distinctRegions: false,
  latency: null,
  service: null,
  networkId: null,
};

export const DEMO_WORKLOADS: readonly DemoWorkload[] = [
  {
    ...base,
    id: "7d0c2a10-0001-4a00-8000-00000000d001",
    name: "Helium hotspots",
    tag: "sov-helium",
    guests: [
      { cluster: "paris", vmid: 100 },
      { cluster: "lyon", vmid: 100 },
      { cluster: "madrid", vmid: 101 },
      { cluster: "lille-edge", vmid: 100 },
      { cluster: "porto-edge", vmid: 100 },
    ],
    networkId: "helium",
    vcpu: 2,
    memoryMb: 2048,
    diskGb: 32,
    replicas: 5,
    minSpreadKm: 100,
  },
  {
    ...base,
    id: "7d0c2a10-0001-4a00-8000-00000000d002",
    name: "Filecoin storage",
    tag: "sov-filecoin",
    guests: [
      { cluster: "paris", vmid: 101 },
      { cluster: "warsaw", vmid: 100 },
    ],
    networkId: "filecoin",
    vcpu: 16,
    memoryMb: 65536,
    diskGb: 2048,
    replicas: 2,
    priority: 70,
    distinctRegions: true,
    allowedCountries: ["DE", "ES", "FR", "PL", "PT"],
  },
  {
    ...base,
    id: "7d0c2a10-0001-4a00-8000-00000000d003",
    name: "Render GPU workers",
    tag: "gpu",
    guests: [],
    networkId: "render",
    vcpu: 16,
    memoryMb: 49152,
    diskGb: 512,
    gpu: true,
    replicas: 2,
    priority: 60,
    minSpreadKm: 500,
  },
  {
    ...base,
    id: "7d0c2a10-0001-4a00-8000-00000000d004",
    name: "Akash providers",
    tag: "sov-akash",
    guests: [
      { cluster: "paris", vmid: 103 },
      { cluster: "warsaw", vmid: 102 },
    ],
    networkId: "akash",
    vcpu: 8,
    memoryMb: 16384,
    diskGb: 200,
    replicas: 2,
    minSpreadKm: 300,
  },
  {
    ...base,
    id: "7d0c2a10-0001-4a00-8000-00000000d005",
    name: "LLM inference",
    tag: "sov-inference",
    guests: [
      { cluster: "paris", vmid: 104 },
      { cluster: "madrid", vmid: 100 },
    ],
    service: "ai_inference",
    vcpu: 16,
    memoryMb: 65536,
    diskGb: 400,
    replicas: 2,
    priority: 80,
    latency: { latitude: 48.8566, longitude: 2.3522, maxMs: 25 },
  },
  // Stopped in the demo, but a member all the same: it moves with its disk.
  {
    ...base,
    id: "7d0c2a10-0001-4a00-8000-00000000d006",
    name: "Trading bots",
    tag: "sov-trading",
    guests: [
      { cluster: "paris", vmid: 105 },
      { cluster: "porto-edge", vmid: 101 },
    ],
    service: "trading_bot",
    vcpu: 2,
    memoryMb: 2048,
    diskGb: 16,
    replicas: 2,
    priority: 90,
    latency: { latitude: 50.1109, longitude: 8.6821, maxMs: 12 },
  },
];

/** USD a month per replica where the ledger has no history; region "" = anywhere. */
export const DEMO_REWARD_RATES: ReadonlyArray<{ subject: string; region: string; monthlyUsdPerReplica: number }> = [
  { subject: "network:helium", region: "", monthlyUsdPerReplica: 180 },
  { subject: "network:helium", region: "PL", monthlyUsdPerReplica: 420 },
  { subject: "network:filecoin", region: "", monthlyUsdPerReplica: 300 },
  { subject: "network:render", region: "", monthlyUsdPerReplica: 900 },
  { subject: "network:akash", region: "", monthlyUsdPerReplica: 350 },
  { subject: "network:iotex", region: "", monthlyUsdPerReplica: 60 },
  { subject: "service:ai_inference", region: "", monthlyUsdPerReplica: 1200 },
  { subject: "service:trading_bot", region: "", monthlyUsdPerReplica: 400 },
];

/** Per demo cluster: GPUs for guests, power draw and the site's latency base (null = defaults). */
export const DEMO_PLACEMENT_SITES: Readonly<
  Record<
    string,
    { gpuCount: number; wattsPerVcpu: number | null; wattsPerGpu: number | null; latencyBaseMs: number | null }
  >
> = {
  paris: { gpuCount: 2, wattsPerVcpu: 7, wattsPerGpu: 300, latencyBaseMs: 1.5 },
  lyon: { gpuCount: 0, wattsPerVcpu: null, wattsPerGpu: null, latencyBaseMs: null },
  warsaw: { gpuCount: 2, wattsPerVcpu: 9, wattsPerGpu: 320, latencyBaseMs: null },
  madrid: { gpuCount: 2, wattsPerVcpu: null, wattsPerGpu: 280, latencyBaseMs: null },
  "lille-edge": { gpuCount: 0, wattsPerVcpu: 5, wattsPerGpu: null, latencyBaseMs: 4 },
  "porto-edge": { gpuCount: 0, wattsPerVcpu: 5, wattsPerGpu: null, latencyBaseMs: 4 },
};
