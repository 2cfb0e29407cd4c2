// Constructed federations for the audit's tests: the demo's six sites and a builder for variants.
import { auditFederation } from "@/lib/redundancy/audit";
import type { FederationSite, RuleId } from "@/lib/redundancy/types";

const GIB = 1024 ** 3;

export function site(overrides: Partial<FederationSite> & Pick<FederationSite, "name" | "role">): FederationSite {
  return {
    id: overrides.name.toLowerCase(),
    tier: 2,
    lat: null,
    lon: null,
    country: "FR",
    powerGrid: null,
    isp: null,
    nodes: [{ name: `${overrides.name.toLowerCase()}-1`, memoryBytes: 128 * GIB }],
    ...overrides,
  };
}

export const gib = (n: number) => n * GIB;

/** The simulator's demo federation (lib/proxmox/simulator/federations/demo.json), as synced. */
export function demoFederation(): FederationSite[] {
  return [
    site({
      name: "Paris",
      role: "primary",
      tier: 1,
      lat: 48.8566,
      lon: 2.3522,
      country: "FR",
      powerGrid: "RTE (FR)",
      isp: "Orange Business",
      nodes: [1, 2, 3].map((i) => ({ name: `par-pve${i}`, memoryBytes: gib(256) })),
    }),
    site({
      name: "Lyon",
      role: "regional_backup",
      tier: 2,
      lat: 45.764,
      lon: 4.8357,
      country: "FR",
      powerGrid: "RTE (FR)",
      isp: "Orange Business",
      nodes: [1, 2].map((i) => ({ name: `lyo-pve${i}`, memoryBytes: gib(128) })),
    }),
    site({
      name: "Warsaw",
      role: "remote",
      tier: 1,
      lat: 52.2297,
      lon: 21.0122,
      country: "PL",
      powerGrid: "PSE (PL)",
      isp: "Orange Polska",
      nodes: [1, 2, 3].map((i) => ({ name: `waw-pve${i}`, memoryBytes: gib(192) })),
    }),
    site({
      name: "Madrid",
      role: "remote",
      tier: 2,
      lat: 40.4168,
      lon: -3.7038,
      country: "ES",
      powerGrid: "REE (ES)",
      isp: "Telefónica",
      nodes: [1, 2].map((i) => ({ name: `mad-pve${i}`, memoryBytes: gib(128) })),
    }),
    site({
      name: "Lille",
      role: "edge",
      tier: 3,
      lat: 50.6292,
      lon: 3.0573,
      country: "FR",
      powerGrid: "RTE (FR)",
      isp: "Free Pro",
      nodes: [{ name: "lil-pve1", memoryBytes: gib(32) }],
    }),
    site({
      name: "Porto",
      role: "edge",
      tier: 3,
      lat: 41.1579,
      lon: -8.6291,
      country: "PT",
      powerGrid: "REN (PT)",
      isp: "MEO",
      nodes: [{ name: "opo-pve1", memoryBytes: gib(16) }],
    }),
  ];
}

/** The demo with its regional backup fixed: Rouen, ~112 km from Paris, on its own grid and ISP. */
export function healthyFederation(): FederationSite[] {
  return demoFederation().map((s) =>
    s.role === "regional_backup"
      ? {
          ...s,
          name: "Rouen",
          id: "rouen",
          lat: 49.4432,
          lon: 1.0999,
          powerGrid: "Local co-op grid",
          isp: "Bouygues Telecom",
        }
      : s,
  );
}

/** The audit's verdict on one rule. */
export function rule(sites: FederationSite[], id: RuleId) {
  const found = auditFederation(sites).rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** The federation with one site changed. */
export const replace = (sites: FederationSite[], name: string, patch: Partial<FederationSite>) =>
  sites.map((s) => (s.name === name ? { ...s, ...patch } : s));
