// The operator commands' shared frame (admin:create, audit:verify, secrets:rotate): the database
// for the length of the command, and an exit code a cron job or provisioning tool can act on.
import { openDatabase, type OpenDatabase } from "./open-database";

/** Opens the configured (or embedded) database for `command` and closes it however it ends. */
export async function withDatabase<T>(command: (database: OpenDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await command(database);
  } finally {
    await database.close();
  }
}

/**
 * Runs a command whose result is its exit code. A failure prints its message only (our errors
 * never carry a secret; a stack could echo input) and exits with `failureCode`.
 */
export function runCommand(main: () => Promise<number>, failureCode = 1): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(failureCode);
    },
  );
}
