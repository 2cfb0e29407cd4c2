// The CLI scripts' way to reach the database: the configured server, or the embedded one, with
// the Prisma client imported only after DATABASE_URL is set (lib/db.ts reads it at import).
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import path from "node:path";
import { startDatabaseServer, type DatabaseServer } from "./database";
import { onShutdown } from "./shutdown";
import type { Db } from "@/lib/db";

export interface OpenDatabase {
  db: Db;
  url: string;
  server: DatabaseServer;
  close(): Promise<void>;
}

export async function openDatabase(): Promise<OpenDatabase> {
  const embedded = !process.env.DATABASE_URL;
  const server = await startDatabaseServer();
  let closed = false;
  const stopServer = async () => {
    if (closed) return;
    closed = true;
    await server.stop();
  };
  onShutdown(stopServer);
  const url = server.defaultUrl;
  try {
    // The embedded database is ours to keep current; a configured one is migrated by whoever runs
    // it (`npm run db:migrate`, the container's entrypoint), never behind their back.
    if (embedded) await migrateQuietly(url);
    process.env.DATABASE_URL = url;
    // lib/env.ts validates every key at once, but CLI scripts never sign a session: a throwaway
    // secret satisfies the check without making anyone configure one just to seed or verify.
    process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
    const { db } = await import("@/lib/db");
    return {
      db,
      url,
      server,
      close: async () => {
        await db.$disconnect();
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}

/**
 * `prisma migrate deploy` with its chatter (config warnings, "no pending migrations") kept out of
 * the way of what the CLI prints; shown in full only when it fails.
 */
export function migrateQuietly(url: string): Promise<void> {
  const prisma = path.resolve(import.meta.dirname, "..", "..", "node_modules/.bin/prisma");
  return new Promise((resolve, reject) => {
    execFile(
      prisma,
      ["migrate", "deploy"],
      {
        env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
        cwd: path.resolve(import.meta.dirname, "..", ".."),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve();
        process.stderr.write(stdout + stderr);
        reject(new Error(`prisma migrate deploy failed (${error.code ?? "signal"})`));
      },
    );
  });
}
