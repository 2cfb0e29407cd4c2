// The client's address, as far as it can be known. Next keeps an X-Forwarded-For the client sent
// (it only fills the header in when absent), so the header is believed only as far as the operator
// says proxies stand in front (TRUST_PROXY_HOPS): each appends the address it saw, and the entry
// the outermost trusted proxy appended is the client's. With no proxy the header is the client's
// own word, and the address is unknown (null).

type Headers = Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops <= 0) return null;
  const raw = headers?.["x-forwarded-for"];
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the outermost proxies saw no header; the first entry is then the
  // nearest thing to the client we have.
  const entry = entries.length >= trustedHops ? entries[entries.length - trustedHops] : entries[0];
  return entry && /^[0-9A-Fa-f.:]{2,45}$/.test(entry) ? entry : null;
}

/**
 * For display only (the session list): the trusted address, or else the last X-Forwarded-For entry
 * (Next's own record of the peer, unless the client sent the header), marked unverified.
 */
export function reportedAddress(headers: Headers, trustedHops: number): { address: string | null; verified: boolean } {
  const trusted = clientAddress(headers, trustedHops);
  if (trusted) return { address: trusted, verified: true };
  return { address: clientAddress(headers, 1), verified: false };
}
