// Plain-language verdicts of a verification, shared by `npm run audit:verify` and the audit page.
import type { ChainBreak } from "./chain";
import type { CheckpointFinding } from "./checkpoint";

const REASONS: Record<ChainBreak["reason"], string> = {
  "content-altered": "its content no longer matches its hash",
  "link-broken": "it does not point at the event before it",
};

export function describeBreak(broken: ChainBreak, checked: number): string {
  return `Chain broken at event #${broken.seq}: ${REASONS[broken.reason]}. ${checked} events before it are intact.`;
}

export function describeFinding(finding: CheckpointFinding): string {
  switch (finding.status) {
    case "ok":
      return (
        `${finding.checked} signed checkpoint${finding.checked === 1 ? " matches" : "s match"}; the last covers event ` +
        `#${finding.lastSeq} (${finding.lastAt.toISOString()})` +
        (finding.uncovered > 0 ? `, and ${finding.uncovered} newer event(s) await the next checkpoint.` : ".")
      );
    case "none":
      return "No signed checkpoint yet: cutting off the newest events could not be detected.";
    case "unverifiable":
      return `${finding.count} checkpoint(s) exist, but no public key was given to check their signatures.`;
    case "bad-signature":
      return `The checkpoint of event #${finding.seq} (${finding.at.toISOString()}) has an invalid signature: it was forged or signed by another key.`;
    case "truncated":
      return (
        `TRUNCATED: the checkpoint signed ${finding.at.toISOString()} covers event #${finding.seq}, which is gone ` +
        `(the newest event is ${finding.headSeq === null ? "none" : `#${finding.headSeq}`}): events were cut off.`
      );
    case "rewritten":
      return `REWRITTEN: event #${finding.seq} no longer has the hash its checkpoint (${finding.at.toISOString()}) signed: the chain before it was rewritten.`;
  }
}
