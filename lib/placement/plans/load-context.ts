// What the loader hands the planner pages beside the engine's input: the clusters, guests and
// workloads as they read on screen, and the warnings behind the numbers.
import type { SiteRole, WorkloadService } from "@/generated/prisma/enums";
import type { SiteHealth } from "@/lib/map/site-health";
import type { PlacementInput } from "@/lib/placement/engine/types";
import type { WhatIf } from "./what-if";

export interface ContextCluster {
  id: string;
  name: string;
  siteName: string;
  role: SiteRole;
  tier: number;
  /** As the map colours it. */
  health: SiteHealth;
  maintenance: boolean;
  latitude: number;
  longitude: number;
  country: string;
  region: string | null;
  currency: string;
  /** Per kWh in the site's currency, after the what-if. */
  electricityPrice: number;
  /** The stored price, before the what-if. */
  storedElectricityPrice: number;
  electricityUsdPerKwh: number;
  excluded: boolean;
}

export interface ContextGuest {
  clusterId: string;
  vmid: number;
  name: string;
  type: "qemu" | "lxc";
  status: string;
}

export interface ContextWorkload {
  id: string;
  name: string;
  subject: string;
  networkId: string | null;
  service: WorkloadService | null;
  tag: string | null;
  desiredReplicas: number;
  currentReplicas: number;
}

export interface PlacementContext {
  clusters: ContextCluster[];
  /** By guestKey (clusterId:vmid), the workloads' guests only. */
  guests: Record<string, ContextGuest>;
  workloads: ContextWorkload[];
  networks: Array<{ id: string; name: string }>;
  /** Things the numbers rest on that an operator should know (a currency without a price…). */
  warnings: string[];
  whatIf: WhatIf;
}

export interface LoadedPlacement {
  input: PlacementInput;
  context: PlacementContext;
}
