// `npm run audit:verify [-- --public-key <key>] [--checkpoints <export.json>]`: walks the audit
// hash chain and holds it against the signed checkpoints, and exits non-zero at the first break,
// so a cron job or CI step can alert on tampering (1: broken or truncated, 2: could not check).
// The public key defaults to the one of AUDIT_SIGNING_KEY; --checkpoints checks against a copy
// exported from the audit page (kept outside the database), instead of the database's own.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fromExport, parsePublicKey } from "@/lib/audit/checkpoint";
import { auditSigningKey } from "@/lib/audit/checkpoints";
import { describeBreak, describeFinding } from "@/lib/audit/report";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createPublicKey } from "node:crypto";
import { runCommand, withDatabase } from "./lib/command";

function options() {
  const { values } = parseArgs({
    options: { "public-key": { type: "string" }, checkpoints: { type: "string" } },
    strict: true,
  });
  const given = values["public-key"];
  const publicKey = given ? parsePublicKey(given) : null;
  if (given && !publicKey)
    throw new Error("--public-key is not an Ed25519 public key (PEM, base64 SPKI or raw 32 bytes)");
  const file = values.checkpoints;
  const checkpoints = file ? fromExport(JSON.parse(readFileSync(file, "utf8"))) : undefined;
  return { publicKey, checkpoints };
}

runCommand(async () => {
  const { publicKey: given, checkpoints } = options();
  return withDatabase(async ({ db }) => {
    const signing = given ? null : auditSigningKey();
    const publicKey = given ?? (signing ? createPublicKey(signing) : null);
    const result = await verifyAuditChain(db, { publicKey, checkpoints });
    console.log(
      result.ok
        ? `OK: ${result.checked} events verified`
        : result.broken
          ? `BROKEN: ${describeBreak(result.broken, result.checked)}`
          : `BROKEN: ${result.checked} events link up, but their checkpoints disagree`,
    );
    console.log(describeFinding(result.checkpoints));
    return result.ok ? 0 : 1;
  });
}, 2);
