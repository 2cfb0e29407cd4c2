// Re-encrypts every cluster token secret (console and migration tokens) under the current SOVEREIGN_SECRET_KEY key, in one
// transaction: either every row moves to the new key or none does, so an interrupted rotation
// never leaves a row under a key about to be dropped.
import type { Db } from "@/lib/db";
import { lockClusters } from "./locks";
import { migrationTokenSelect, reencryptMigrationTokenIfStale } from "./migration-token";
import { encryptedSecretSelect, keyring, reencryptIfStale, type Keyring } from "./secrets";

export interface RotationResult {
  total: number;
  reencrypted: number;
  keyId: string;
}

/**
 * `only` limits the rotation to those clusters (tests share one database with other files running
 * at the same time, whose clusters must keep a key they know); `npm run secrets:rotate` rotates all.
 */
export async function rotateClusterSecrets(
  db: Db,
  ring: Keyring = keyring(),
  only?: readonly string[],
): Promise<RotationResult> {
  const where = only === undefined ? {} : { id: { in: [...only] } };
  return db.$transaction(
    async (tx) => {
      // A registration or token change racing the rotation waits for it.
      await lockClusters(tx, only);
      const rows = await tx.cluster.findMany({
        where,
        select: { id: true, ...encryptedSecretSelect, ...migrationTokenSelect },
      });
      let reencrypted = 0;
      for (const row of rows) {
        const next = reencryptIfStale(row.id, row, ring);
        const nextMigration = reencryptMigrationTokenIfStale(row.id, row, ring);
        if (!next && !nextMigration) continue;
        await tx.cluster.update({ where: { id: row.id }, data: { ...next, ...nextMigration } });
        reencrypted += 1;
      }
      return { total: rows.length, reencrypted, keyId: ring.current.id };
    },
    { timeout: 60_000 },
  );
}
