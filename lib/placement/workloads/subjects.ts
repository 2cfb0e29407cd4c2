// What a workload earns from, as the reward-rate table and the engine name it: "network:<id>" for a
// DePIN network in the earnings ledger, "service:<kind>" for a service. Pure, shared by forms,
// mutations and the loader.
import type { WorkloadService } from "@/generated/prisma/enums";

export const WORKLOAD_SERVICES = [
  "ai_inference",
  "storage_provision",
  "trading_bot",
  "other",
] as const satisfies readonly WorkloadService[];

export const SERVICE_LABELS: Record<WorkloadService, string> = {
  ai_inference: "AI inference",
  storage_provision: "Storage provision",
  trading_bot: "Trading bot",
  other: "Other service",
};

export function subjectOf(workload: { networkId: string | null; service: WorkloadService | null }): string {
  return workload.networkId !== null ? `network:${workload.networkId}` : `service:${workload.service ?? "other"}`;
}

export type ParsedSubject = { kind: "network"; networkId: string } | { kind: "service"; service: WorkloadService };

export function parseSubject(subject: string): ParsedSubject | null {
  const [kind, rest] = [subject.slice(0, subject.indexOf(":")), subject.slice(subject.indexOf(":") + 1)];
  if (kind === "network" && rest) return { kind: "network", networkId: rest };
  const service = WORKLOAD_SERVICES.find((s) => s === rest);
  if (kind === "service" && service) return { kind: "service", service };
  return null;
}

/** "Helium", "AI inference": a subject in words, given the networks' names. */
export function subjectLabel(subject: string, networkNames: ReadonlyMap<string, string>): string {
  const parsed = parseSubject(subject);
  if (!parsed) return subject;
  return parsed.kind === "network"
    ? (networkNames.get(parsed.networkId) ?? parsed.networkId)
    : SERVICE_LABELS[parsed.service];
}
