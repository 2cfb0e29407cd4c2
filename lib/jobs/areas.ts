// Every area's job registration, in one list the worker walks. Add yours here.
import { registerGovernanceJobs } from "@/lib/governance/jobs";
import type { RegisterJobs } from "./boss";

export const JOB_AREAS: ReadonlyArray<{ name: string; register: RegisterJobs }> = [{ name: "governance", register: registerGovernanceJobs }];
