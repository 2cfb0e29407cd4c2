// Credentials that a task's text may carry, removed wherever Sovereign reads task text (status,
// log, task lists) or builds an error from a server's words. A failed remote migration's worker
// can print its target-endpoint, and with it the token secret; so can a hostile or buggy server.
// Known secrets are removed by value too (errors.ts `redact`); these patterns catch the ones
// Sovereign does not know, such as another cluster's token.

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // PVEAPIToken=user@realm!id=SECRET (also URL-encoded, or with a space after PVEAPIToken)
  [/(PVEAPIToken(?:=|%3D|\s)[^\s=,;'"]*?(?:=|%3D))[^\s,;'"&]+/gi, "$1[redacted]"],
  // A bare apitoken= whose value is not in the PVEAPIToken form
  [/((?<![A-Za-z])apitoken(?:=|%3D))(?!PVEAPIToken)[^\s,;'"&]+/gi, "$1[redacted]"],
  // Ticket cookies and CSRF tokens of a signed-in session
  [/(PVEAuthCookie(?:=|%3D))[^\s,;'"&]+/gi, "$1[redacted]"],
  [/(CSRFPreventionToken(?::\s*|=|%3D))[^\s,;'"&]+/gi, "$1[redacted]"],
  [/(\bticket(?:=|%3D))[^\s,;'"&]+/gi, "$1[redacted]"],
];

/** `text` without anything shaped like a Proxmox credential. */
export function scrubCredentials(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** As scrubCredentials, and each known secret (also URL-encoded) removed by value. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("[redacted]");
  }
  return scrubCredentials(out);
}
