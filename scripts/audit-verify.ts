// `npm run audit:verify`: walks the audit hash chain and exits non-zero at the first break, so a
// cron job or CI step can alert on tampering.
import { verifyAuditChain } from "@/lib/audit/verify";
import { openDatabase } from "./lib/open-database";

async function main(): Promise<number> {
  const database = await openDatabase();
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`OK: ${result.checked} events verified`);
      return 0;
    }
    console.log(
      `BROKEN at event #${result.broken.seq} (${result.broken.reason}); ${result.checked} events before it verified`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
