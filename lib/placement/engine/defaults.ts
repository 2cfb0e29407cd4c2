// The loader's defaults for what a site's record leaves empty. Pure constants, so the cluster form
// can quote them in its hints and the loader, the demo and tests agree.
import { LATENCY_BASE_MS } from "@/lib/geo/distance";

/**
 * Watts one busy vCPU adds: a 64-thread server draws ~450 W under load (the demo's tier-1 node),
 * of which ~7 W per thread; rounded up for memory and disks that grow with the guests.
 */
export const DEFAULT_WATTS_PER_VCPU = 8;
/** A data-centre or prosumer GPU under sustained load (render, inference): 250 W. */
export const DEFAULT_WATTS_PER_GPU = 250;
/** The round trip a site adds on top of distance when none is recorded (lib/geo/distance.ts). */
export const DEFAULT_LATENCY_BASE_MS = LATENCY_BASE_MS;
/** A month for the engine: 730 hours (8,760 / 12), 30.42 days. */
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = 365 / 12;
/** The ledger window the revenue estimate looks back over. */
export const REVENUE_TRAILING_DAYS = 90;
