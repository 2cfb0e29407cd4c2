// The one Prisma client. Cached on globalThis so development reloads don't open new pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** A client or the transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { sovereignDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10, allowExitOnIdle: true });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.sovereignDb ?? createClient();
if (env().NODE_ENV !== "production") globalForDb.sovereignDb = db;
