// Writes a migration for the difference between prisma/migrations and prisma/schema:
// `npm run db:migration -- add-clusters`. We don't use `prisma migrate dev`: with the JS schema
// engine (Prisma 6.19) its data-loss check cannot use an external shadow database and fails,
// while `migrate diff --from-migrations` can (see prisma.config.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDatabaseServer } from "./lib/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9-]{1,60}$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in kebab-case>");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
const server = await startDatabaseServer();
try {
  const sql = execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema", "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: server.defaultUrl, CHECKPOINT_DISABLE: "1" }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "") {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(root, "prisma/migrations", `${stamp}_${name.replaceAll("-", "_")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then \`npm run db:migrate\`.`);
  }
} finally {
  await server.stop();
}
