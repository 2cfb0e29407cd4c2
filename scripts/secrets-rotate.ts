// `npm run secrets:rotate`: after putting a new key first in SOVEREIGN_SECRET_KEY
// ("new:…,old:…"), re-encrypts every cluster token secret with it. Then the old key can go.
import { openDatabase } from "./lib/open-database";

async function main(): Promise<number> {
  const database = await openDatabase();
  try {
    const { rotateClusterSecrets } = await import("@/lib/clusters/rotate");
    const result = await rotateClusterSecrets(database.db);
    console.log(
      `OK: ${result.reencrypted} of ${result.total} cluster secrets re-encrypted; all now under key "${result.keyId}"`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Our errors never carry a secret (lib/clusters/secrets.ts); print the message only.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
