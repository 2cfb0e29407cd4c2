// `npm run audit:verify`: walks the audit hash chain and exits non-zero at the first break, so a
// cron job or CI step can alert on tampering (1: broken, 2: could not check).
import { verifyAuditChain } from "@/lib/audit/verify";
import { runCommand, withDatabase } from "./lib/command";

runCommand(
  () =>
    withDatabase(async ({ db }) => {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        console.log(`OK: ${result.checked} events verified`);
        return 0;
      }
      console.log(
        `BROKEN at event #${result.broken.seq} (${result.broken.reason}); ${result.checked} events before it verified`,
      );
      return 1;
    }),
  2,
);
