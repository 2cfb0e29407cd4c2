// The demo and end-to-end team: one member per role, with fixed ids and emails so screenshots,
// tests and docs can name them. Run alone with `tsx scripts/seed.ts [--force]`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { isLocalDatabaseUrl } from "./lib/local-host";

export type TeamRole = Extract<Role, "admin" | "operator" | "viewer">;
export type TeamPasswords = Record<TeamRole, string>;

export const TEAM: ReadonlyArray<{ id: string; role: TeamRole; email: string; name: string }> = [
  { id: "00000000-0000-4000-8000-00000000a001", role: "admin", email: "admin@sovereign.demo", name: "Ada Admin" },
  {
    id: "00000000-0000-4000-8000-00000000a002",
    role: "operator",
    email: "operator@sovereign.demo",
    name: "Otto Operator",
  },
  { id: "00000000-0000-4000-8000-00000000a003", role: "viewer", email: "viewer@sovereign.demo", name: "Vera Viewer" },
];

export interface SeedOptions {
  passwords: TeamPasswords;
  /** The URL `db` is connected to; checked so a seed never lands on a remote database by mistake. */
  databaseUrl: string;
  force?: boolean;
}

export interface SeedResult {
  created: string[];
  updated: string[];
}

/**
 * Creates or repairs the team. A member already as described is left alone (no new hash, no
 * audit event), so re-running the seed changes nothing.
 */
export async function seedTeam(db: Db, options: SeedOptions): Promise<SeedResult> {
  if (!options.force && !isLocalDatabaseUrl(options.databaseUrl)) {
    throw new Error(
      `Refusing to seed a non-local database (${new URL(options.databaseUrl).hostname}); pass --force if you mean it.`,
    );
  }
  // Hashing is deliberately slow; do it before the transaction so locks are held briefly.
  const existing = await db.user.findMany({ where: { email: { in: TEAM.map((m) => m.email) } } });
  const plans = await Promise.all(
    TEAM.map(async (member) => {
      const password = options.passwords[member.role];
      const current = existing.find((u) => u.email === member.email);
      const passwordOk = current ? await verifyPassword(current.passwordHash, password) : false;
      const upToDate =
        current && passwordOk && current.role === member.role && current.name === member.name && !current.disabledAt;
      return { member, current, upToDate, passwordHash: upToDate ? null : await hashPassword(password) };
    }),
  );

  const result: SeedResult = { created: [], updated: [] };
  if (plans.every((p) => p.upToDate)) return result;

  await db.$transaction(async (tx) => {
    for (const { member, current, upToDate, passwordHash } of plans) {
      if (upToDate || !passwordHash) continue;
      if (current) {
        await tx.user.update({
          where: { id: current.id },
          data: {
            name: member.name,
            role: member.role,
            passwordHash,
            disabledAt: null,
          },
        });
        // A reset password ends the sessions signed in with the old one.
        await revokeAllSessions(tx, current.id);
        result.updated.push(member.email);
      } else {
        await tx.user.create({
          data: { id: member.id, email: member.email, name: member.name, role: member.role, passwordHash },
        });
        result.created.push(member.email);
      }
    }
    await recordAudit(tx, {
      action: "team.seeded",
      actor: { id: null, label: "seed" },
      targetType: "team",
      payload: { ...result },
    });
  });
  return result;
}

const root = path.resolve(import.meta.dirname, "..");
export const DEMO_CREDENTIALS_FILE = path.join(root, ".data", "demo-credentials.json");

/** The demo's passwords, generated on the first run and reused after, so bookmarks keep working. */
export function loadOrCreateDemoPasswords(file = DEMO_CREDENTIALS_FILE): TeamPasswords {
  if (existsSync(file)) {
    const stored: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (isPasswords(stored)) return stored;
  }
  const passwords: TeamPasswords = {
    admin: generatePassword(),
    operator: generatePassword(),
    viewer: generatePassword(),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  return passwords;
}

function isPasswords(value: unknown): value is TeamPasswords {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return TEAM.every((m) => typeof record[m.role] === "string" && (record[m.role] as string).length >= 12);
}

export function formatCredentials(passwords: TeamPasswords): string {
  return TEAM.map((m) => `  ${m.role.padEnd(9)} ${m.email.padEnd(26)} ${passwords[m.role]}`).join("\n");
}

async function main() {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  const { openDatabase } = await import("./lib/open-database");
  const database = await openDatabase();
  try {
    const passwords = loadOrCreateDemoPasswords();
    const result = await seedTeam(database.db, { passwords, databaseUrl: database.url, force: values.force });
    console.log(`Team seeded (created ${result.created.length}, updated ${result.updated.length}):`);
    console.log(formatCredentials(passwords));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
