"use server";
// Server actions for workloads, guest assignment and reward rates: each is a public POST endpoint,
// so each goes through defineAction (validate → session → permission → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { assignGuests, createWorkload, deleteRewardRate, deleteWorkload, setRewardRate, unassignGuest, updateWorkload } from "./workload-mutations";

export const createWorkloadAction = defineAction(createWorkload);
export const updateWorkloadAction = defineAction(updateWorkload);
export const deleteWorkloadAction = defineAction(deleteWorkload);
export const assignGuestsAction = defineAction(assignGuests);
export const unassignGuestAction = defineAction(unassignGuest);
export const setRewardRateAction = defineAction(setRewardRate);
export const deleteRewardRateAction = defineAction(deleteRewardRate);
