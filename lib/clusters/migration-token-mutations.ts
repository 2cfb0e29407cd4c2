// Adding or replacing a cluster's migration token (the one remote migrations INTO it use). The
// token is checked on the cluster first, pinned like every other call: it must hold exactly the
// migration grants (lib/proxmox/migration-grants.ts), no less (migrations would fail) and no more
// (the token is handed to the source cluster). Audit names the token id, never the secret.
import { defineMutation } from "@/lib/actions/execute";
import { ActionError } from "@/lib/actions/result";
import { compareWithGrants, getPermissions, isProxmoxError, ProxmoxClient } from "@/lib/proxmox";
import { pinOf } from "./connection";
import { encryptMigrationToken } from "./migration-token";
import { migrationTokenInputSchema } from "./schemas";

export const setMigrationToken = defineMutation({
  name: "clusters.set-migration-token",
  permission: "clusters.manage",
  // A network round trip to the cluster: no transaction held open.
  transaction: false,
  input: migrationTokenInputSchema,
  async run({ clusterId, tokenId, tokenSecret }, { tx, audit }) {
    const cluster = await tx.cluster.findUnique({
      where: { id: clusterId },
      select: { id: true, name: true, apiUrl: true, fingerprint: true, trustMode: true, tokenId: true },
    });
    if (!cluster) throw new ActionError("not_found", "This cluster is no longer registered.");
    if (tokenId === cluster.tokenId)
      throw new ActionError("validation", "Use a separate token: the console token never leaves Sovereign.", {
        tokenId: ["This is the console token."],
      });
    const client = new ProxmoxClient({
      url: cluster.apiUrl,
      token: { id: tokenId, secret: tokenSecret },
      fingerprint: pinOf(cluster),
      timeoutMs: 10_000,
      retries: 0,
    });
    let comparison;
    try {
      comparison = compareWithGrants(await getPermissions(client));
    } catch (error) {
      if (isProxmoxError(error))
        throw new ActionError("conflict", `The cluster did not accept this token: ${error.message}`);
      throw error;
    } finally {
      client.close();
    }
    if (comparison.missing.length > 0)
      throw new ActionError(
        "validation",
        `The token lacks ${comparison.missing.join(", ")}: migrations into ${cluster.name} would fail.`,
      );
    if (comparison.extra.length > 0)
      throw new ActionError(
        "validation",
        `The token also holds ${comparison.extra.join(", ")}. It is handed to the source cluster: give it only the migration grants.`,
      );
    await tx.cluster.update({
      where: { id: clusterId },
      data: encryptMigrationToken(clusterId, tokenId, tokenSecret),
      select: { id: true },
    });
    audit({
      action: "cluster.migration-token-set",
      targetType: "cluster",
      targetId: clusterId,
      payload: { name: cluster.name, tokenId },
    });
    return { tokenId };
  },
});
