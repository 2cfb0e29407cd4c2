// Every area's job registration, in one list the worker walks. Add yours here.
import type { RegisterJobs } from "./boss";

export const JOB_AREAS: ReadonlyArray<{ name: string; register: RegisterJobs }> = [];
