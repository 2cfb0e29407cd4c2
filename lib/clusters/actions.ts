"use server";
// The registry's server actions: each is a public POST endpoint, so each goes through
// defineAction (validate → session → permission → run → audit).
import { defineAction } from "@/lib/actions/define-action";
import {
  acceptClusterFingerprint,
  inspectClusterDefinition,
  registerCluster,
  removeCluster,
  replaceClusterToken,
  setClusterEnabled,
  syncClusterNow,
  updateCluster,
} from "./mutations";

export const inspectClusterAction = defineAction(inspectClusterDefinition);
export const registerClusterAction = defineAction(registerCluster);
export const updateClusterAction = defineAction(updateCluster);
export const replaceClusterTokenAction = defineAction(replaceClusterToken);
export const setClusterEnabledAction = defineAction(setClusterEnabled);
export const removeClusterAction = defineAction(removeCluster);
export const acceptClusterFingerprintAction = defineAction(acceptClusterFingerprint);
export const syncClusterNowAction = defineAction(syncClusterNow);
