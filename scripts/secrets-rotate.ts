// `npm run secrets:rotate`: after putting a new key first in SOVEREIGN_SECRET_KEY
// ("new:…,old:…"), re-encrypts every cluster token secret with it. Then the old key can go.
import { runCommand, withDatabase } from "./lib/command";

runCommand(() =>
  withDatabase(async ({ db }) => {
    const { rotateClusterSecrets } = await import("@/lib/clusters/rotate");
    const result = await rotateClusterSecrets(db);
    console.log(
      `OK: ${result.reencrypted} of ${result.total} cluster secrets re-encrypted; all now under key "${result.keyId}"`,
    );
    return 0;
  }),
);
