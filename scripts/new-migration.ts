// Writes a migration for what prisma/schema adds to the last committed schema:
// `npm run db:migration -- add-clusters`. It diffs two schema folders (git HEAD's and the working
// tree's), which needs no database. Replaying prisma/migrations into a shadow database is what
// `migrate dev` and `migrate diff --from-migrations` do, and with the JS schema engine of Prisma
// 6.19 both crash here (a WebAssembly "unreachable" panic). Commit each schema change together
// with its migration, so HEAD's schema always equals what the migrations build.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startDatabaseServer } from "./lib/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9-]{1,60}$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in kebab-case>");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
const committed = mkdtempSync(path.join(tmpdir(), "sovereign-schema-"));
// Prisma connects through the config's adapter even for a schema-to-schema diff.
const server = await startDatabaseServer();
try {
  const files = execFileSync("git", ["ls-tree", "--name-only", "HEAD", "prisma/schema/"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  for (const file of files) {
    writeFileSync(
      path.join(committed, path.basename(file)),
      execFileSync("git", ["show", `HEAD:${file}`], { cwd: root }),
    );
  }
  const sql = execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-schema-datamodel", committed, "--to-schema-datamodel", "prisma/schema", "--script"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: server.defaultUrl, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "") {
    console.log("prisma/schema matches the committed schema: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(root, "prisma/migrations", `${stamp}_${name.replaceAll("-", "_")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then \`npm run db:migrate\`.`);
  }
} finally {
  rmSync(committed, { recursive: true, force: true });
  await server.stop();
}
