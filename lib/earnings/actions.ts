"use server";
// Server actions for earnings: each is a public POST endpoint, so each goes through serverAction
// (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import { addManualEntry, addNetwork, createApiKey, revokeApiKey, setElectricityCost } from "./mutations";

export const createApiKeyAction = serverAction(createApiKey);
export const revokeApiKeyAction = serverAction(revokeApiKey);
export const addNetworkAction = serverAction(addNetwork);
export const addManualEntryAction = serverAction(addManualEntry);
export const setElectricityCostAction = serverAction(setElectricityCost);
