// The one Prisma client. Created on first use (so `next build` can import modules without a
// database configured) and cached on globalThis so development reloads don't open new pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or the transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { sovereignDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.sovereignDb) {
    const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10, allowExitOnIdle: true });
    globalForDb.sovereignDb = new PrismaClient({ adapter });
  }
  return globalForDb.sovereignDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
