// Row locks on Cluster, for writers that must not interleave with a registration, a token change
// or a removal of the same rows. Call inside a transaction; the locks last until it ends.
import type { Tx } from "@/lib/db";

/** Locks the given clusters' rows (every row when `ids` is omitted); returns the ids locked. */
export async function lockClusters(tx: Tx, ids?: readonly string[]): Promise<string[]> {
  const rows =
    ids === undefined
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Cluster" ORDER BY id FOR UPDATE`
      : await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Cluster" WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}
