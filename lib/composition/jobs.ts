// Every area's job registration, in one list the worker walks. Add yours here.
import { registerAuditJobs } from "./audit-jobs";
import { registerGovernanceJobs } from "@/lib/governance/jobs";
import { registerPlacementJobs } from "@/lib/placement/apply/jobs";
import { registerSyncJobs } from "@/lib/sync/jobs";
import type { RegisterJobs } from "@/lib/jobs/boss";

export const JOB_AREAS: ReadonlyArray<{ name: string; register: RegisterJobs }> = [
  { name: "sync", register: registerSyncJobs },
  { name: "governance", register: registerGovernanceJobs },
  { name: "placement", register: registerPlacementJobs },
  { name: "audit", register: registerAuditJobs },
];
