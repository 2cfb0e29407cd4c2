// Runs a command with DATABASE_URL pointing at a started database: `tsx scripts/with-db.ts next dev`.
import { startDatabaseServer, run } from "./lib/database";
import path from "node:path";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args…]");
  process.exit(2);
}
const server = await startDatabaseServer();
const bin = path.resolve(import.meta.dirname, "..", "node_modules/.bin", command);
try {
  await run(bin, args, { DATABASE_URL: server.defaultUrl });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await server.stop();
}
