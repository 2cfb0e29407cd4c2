// The registry's actions. lib/clusters/actions.ts binds them to the session; tests run them with
// executeAction as any member. Audit payloads name the cluster and what changed, never a secret.
import { randomUUID } from "node:crypto";
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import type { Tx } from "@/lib/db";
import { purgeClusterRows } from "./archive";
import { fetchCertificate, inspectCluster } from "./inspect";
import { lockClusters } from "./locks";
import {
  acceptFingerprintInputSchema,
  certificateInputSchema,
  inspectInputSchema,
  purgeConfirmation,
  purgeInputSchema,
  registerInputSchema,
  removeInputSchema,
  replaceTokenInputSchema,
  setEnabledInputSchema,
  updateInputSchema,
  type SiteInput,
} from "./schemas";
import { encryptSecret } from "./secrets";

function siteData<T extends SiteInput>(input: T) {
  return { ...input, electricityPricePerKwh: String(input.electricityPricePerKwh) };
}

/** A live (registered, not archived) cluster: archived ones are only read, or purged. */
async function clusterOrThrow(tx: Tx, clusterId: string) {
  const cluster = await tx.cluster.findUnique({
    where: { id: clusterId },
    select: { id: true, name: true, fingerprint: true, pendingFingerprint: true, enabled: true, archivedAt: true },
  });
  if (!cluster || cluster.archivedAt) throw new ActionError("not_found", "This cluster is no longer registered.");
  return cluster;
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const other = await tx.cluster.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other)
    throw new ActionError("conflict", "Another cluster already has this name.", { name: ["Choose another name."] });
}

/** Network only, no token: the certificate's fingerprint for the admin to compare and confirm. */
export const fetchCertificateDefinition = defineMutation({
  name: "clusters.fetch-certificate",
  permission: "clusters.manage",
  transaction: false,
  input: certificateInputSchema,
  async run({ apiUrl, expectedFingerprint }) {
    return fetchCertificate(apiUrl, expectedFingerprint);
  },
});

/** Network only, after the admin confirmed the certificate: connection test and privileges. */
export const inspectClusterDefinition = defineMutation({
  name: "clusters.inspect",
  permission: "clusters.manage",
  transaction: false,
  input: inspectInputSchema,
  async run(input) {
    return inspectCluster(input);
  },
});

export const registerCluster = defineMutation({
  name: "clusters.register",
  permission: "clusters.manage",
  input: registerInputSchema,
  async run(input, { tx, audit }) {
    await assertNameFree(tx, input.name);
    // The same cluster twice would count its nodes and guests twice in every total.
    // An archived cluster may come back under a new name: its history stays with the old row.
    const same = await tx.cluster.findFirst({
      where: { apiUrl: input.apiUrl, archivedAt: null },
      select: { name: true },
    });
    if (same)
      throw new ActionError("conflict", `This address is already registered as "${same.name}".`, {
        apiUrl: ["Already registered."],
      });
    const { apiUrl, tokenId, tokenSecret, fingerprint, trustMode, name, syncIntervalSeconds, ...site } = input;
    const id = randomUUID();
    await tx.cluster.create({
      data: {
        id,
        name,
        apiUrl,
        tokenId,
        fingerprint,
        trustMode,
        syncIntervalSeconds,
        ...encryptSecret(id, tokenSecret),
        ...siteData(site),
      },
      select: { id: true },
    });
    audit({
      action: "cluster.registered",
      targetType: "cluster",
      targetId: id,
      payload: {
        name,
        apiUrl,
        tokenId,
        fingerprint,
        trustMode,
        role: site.role,
        tier: site.tier,
        country: site.country,
      },
    });
    return { id };
  },
});

export const updateCluster = defineMutation({
  name: "clusters.update",
  permission: "clusters.manage",
  input: updateInputSchema,
  async run({ clusterId, name, syncIntervalSeconds, ...site }, { tx, audit }) {
    await clusterOrThrow(tx, clusterId);
    await assertNameFree(tx, name, clusterId);
    await tx.cluster.update({
      where: { id: clusterId },
      data: { name, syncIntervalSeconds, ...siteData(site) },
      select: { id: true },
    });
    audit({
      action: "cluster.updated",
      targetType: "cluster",
      targetId: clusterId,
      payload: { name, syncIntervalSeconds, ...site },
    });
    return { id: clusterId };
  },
});

export const replaceClusterToken = defineMutation({
  name: "clusters.replace-token",
  permission: "clusters.manage",
  input: replaceTokenInputSchema,
  async run({ clusterId, tokenId, tokenSecret }, { tx, audit }) {
    await clusterOrThrow(tx, clusterId);
    await tx.cluster.update({
      where: { id: clusterId },
      data: { tokenId, ...encryptSecret(clusterId, tokenSecret) },
      select: { id: true },
    });
    audit({ action: "cluster.token-replaced", targetType: "cluster", targetId: clusterId, payload: { tokenId } });
    return { id: clusterId };
  },
});

export const setClusterEnabled = defineMutation({
  name: "clusters.set-enabled",
  permission: "clusters.manage",
  input: setEnabledInputSchema,
  async run({ clusterId, enabled }, { tx, audit }) {
    const cluster = await clusterOrThrow(tx, clusterId);
    await tx.cluster.update({ where: { id: clusterId }, data: { enabled }, select: { id: true } });
    audit({
      action: enabled ? "cluster.enabled" : "cluster.disabled",
      targetType: "cluster",
      targetId: clusterId,
      payload: { name: cluster.name },
    });
    return { enabled };
  },
});

/**
 * Removing a cluster archives it: it leaves the live pages and is never synced or acted on again,
 * while its revenue ledger, rollups, electricity costs and history stay for earnings and audit.
 */
export const removeCluster = defineMutation({
  name: "clusters.remove",
  permission: "clusters.manage",
  input: removeInputSchema,
  async run({ clusterId, confirmName }, { tx, audit }) {
    const cluster = await clusterOrThrow(tx, clusterId);
    if (confirmName !== cluster.name)
      throw new ActionError("validation", "Type the cluster's name exactly to remove it.", {
        confirmName: ["Does not match the cluster's name."],
      });
    await tx.cluster.update({
      where: { id: clusterId },
      data: { archivedAt: new Date(), enabled: false },
      select: { id: true },
    });
    audit({
      action: "cluster.archived",
      targetType: "cluster",
      targetId: clusterId,
      payload: { name: cluster.name, fingerprint: cluster.fingerprint },
    });
    return { archived: true };
  },
});

/**
 * Deletes an archived cluster with its ledger, rollups, electricity costs and history, for good.
 * A separate admin action: the admin types "purge <name>", and the audit event keeps the counts.
 */
export const purgeCluster = defineMutation({
  name: "clusters.purge",
  permission: "clusters.manage",
  input: purgeInputSchema,
  async run({ clusterId, confirmation }, { tx, audit }) {
    await lockClusters(tx, [clusterId]);
    const cluster = await tx.cluster.findUnique({
      where: { id: clusterId },
      select: { name: true, archivedAt: true, fingerprint: true },
    });
    if (!cluster) throw new ActionError("not_found", "This cluster no longer exists.");
    if (!cluster.archivedAt)
      throw new ActionError("conflict", "Remove (archive) the cluster first; only an archived cluster can be purged.");
    if (confirmation !== purgeConfirmation(cluster.name))
      throw new ActionError("validation", `Type "${purgeConfirmation(cluster.name)}" exactly to purge it.`, {
        confirmation: ["Does not match."],
      });
    const deleted = await purgeClusterRows(tx, [clusterId]);
    audit({
      action: "cluster.purged",
      targetType: "cluster",
      targetId: clusterId,
      payload: { name: cluster.name, fingerprint: cluster.fingerprint, archivedAt: cluster.archivedAt, deleted },
    });
    return { purged: true, deleted };
  },
});

export const acceptClusterFingerprint = defineMutation({
  name: "clusters.accept-fingerprint",
  permission: "clusters.manage",
  input: acceptFingerprintInputSchema,
  async run({ clusterId, fingerprint }, { tx, audit }) {
    const cluster = await clusterOrThrow(tx, clusterId);
    // The admin accepts exactly the fingerprint they compared: if the certificate changed again
    // since the page was drawn, they must look again.
    if (!cluster.pendingFingerprint || cluster.pendingFingerprint !== fingerprint) {
      throw new ActionError(
        "conflict",
        "The cluster's pending certificate changed since you looked. Reload and compare again.",
      );
    }
    await tx.cluster.update({
      where: { id: clusterId },
      data: {
        fingerprint,
        pendingFingerprint: null,
        pendingFingerprintSeenAt: null,
        lastErrorKind: null,
        lastErrorMessage: null,
        lastErrorAt: null,
        health: "unknown",
      },
      select: { id: true },
    });
    audit({
      action: "cluster.fingerprint-accepted",
      targetType: "cluster",
      targetId: clusterId,
      payload: { name: cluster.name, previous: cluster.fingerprint, accepted: fingerprint },
    });
    return { fingerprint };
  },
});
