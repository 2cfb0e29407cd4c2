"use server";
// Server actions for earnings: each is a public POST endpoint, so each goes through defineAction
// (validate → session → permission → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import { addManualEntry, addNetwork, createApiKey, revokeApiKey, setElectricityCost } from "./mutations";

export const createApiKeyAction = defineAction(createApiKey);
export const revokeApiKeyAction = defineAction(revokeApiKey);
export const addNetworkAction = defineAction(addNetwork);
export const addManualEntryAction = defineAction(addManualEntry);
export const setElectricityCostAction = defineAction(setElectricityCost);
