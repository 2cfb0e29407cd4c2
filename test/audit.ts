// Tampering with the audit trail as someone who can get past its triggers (a superuser with
// session_replication_role = replica), inside a transaction that is always rolled back: tests
// see what verification says about a tampered chain, and later tests still find it intact.
import { db, type Tx } from "@/lib/db";

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("rolled back on purpose");
  }
}

export async function asSuperuserRolledBack<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
        throw new RolledBack(await body(tx));
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error("unreachable");
}
