// The one Prisma client. Created on first use (so `next build` can import modules without a
// database configured) and cached on globalThis so development reloads don't open new pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * Left out of every query unless one selects them by name: the encrypted cluster tokens. A query
 * that forgets a column list therefore cannot carry it to a page. lib/clusters/secrets.ts's
 * `encryptedSecretSelect` is the opt-in, for connecting to a cluster and rotating keys.
 */
const omit = {
  cluster: {
    tokenSecretCiphertext: true,
    tokenSecretIv: true,
    tokenSecretTag: true,
    tokenSecretKeyId: true,
    // The migration token's secret (lib/clusters/migration-token.ts), likewise.
    migrationTokenSecretCiphertext: true,
    migrationTokenSecretIv: true,
    migrationTokenSecretTag: true,
    migrationTokenSecretKeyId: true,
  },
} as const;

export type Db = PrismaClient<never, typeof omit>;
/** A client or the transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { sovereignDb?: Db };

function client(): Db {
  if (!globalForDb.sovereignDb) {
    const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10, allowExitOnIdle: true });
    globalForDb.sovereignDb = new PrismaClient({ adapter, omit });
  }
  return globalForDb.sovereignDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
