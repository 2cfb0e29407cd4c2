"use server";
// The registry's server actions: each is a public POST endpoint, so each goes through
// serverAction (validate → session → permission → run → audit).
import { serverAction } from "@/lib/actions/server-action";
import {
  acceptClusterFingerprint,
  fetchCertificateDefinition,
  inspectClusterDefinition,
  purgeCluster,
  registerCluster,
  removeCluster,
  replaceClusterToken,
  setClusterEnabled,
  updateCluster,
} from "./mutations";
import { setMigrationToken } from "./migration-token-mutations";

export const fetchClusterCertificateAction = serverAction(fetchCertificateDefinition);
export const inspectClusterAction = serverAction(inspectClusterDefinition);
export const registerClusterAction = serverAction(registerCluster);
export const updateClusterAction = serverAction(updateCluster);
export const replaceClusterTokenAction = serverAction(replaceClusterToken);
export const setClusterEnabledAction = serverAction(setClusterEnabled);
export const removeClusterAction = serverAction(removeCluster);
export const purgeClusterAction = serverAction(purgeCluster);
export const acceptClusterFingerprintAction = serverAction(acceptClusterFingerprint);
export const setMigrationTokenAction = serverAction(setMigrationToken);
