"use server";
// Server actions for workloads, guest assignment and reward rates: each is a public POST endpoint,
// so each goes through serverAction (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import {
  assignGuests,
  createWorkload,
  deleteRewardRate,
  deleteWorkload,
  setRewardRate,
  unassignGuest,
  updateWorkload,
} from "./mutations";

export const createWorkloadAction = serverAction(createWorkload);
export const updateWorkloadAction = serverAction(updateWorkload);
export const deleteWorkloadAction = serverAction(deleteWorkload);
export const assignGuestsAction = serverAction(assignGuests);
export const unassignGuestAction = serverAction(unassignGuest);
export const setRewardRateAction = serverAction(setRewardRate);
export const deleteRewardRateAction = serverAction(deleteRewardRate);
