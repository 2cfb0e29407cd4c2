// Which link targets a proposal's description may carry. Descriptions are written by members and
// read by everyone, so a link may only lead to the web (http, https), to an email (mailto) or
// within the console (a relative path or an anchor); anything else (javascript:, data:, vbscript:,
// file:) loses its target and stays visible text.

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The URL as it may be used in a link, or null when it may not be. */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  if (url === "") return null;
  // A scheme is letters, digits, + - . before a colon that comes before any / ? or #.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url);
  if (!scheme) {
    // Relative: a path, a query or an anchor; "//host" would leave the console with any scheme.
    return url.startsWith("//") || url.startsWith("\\") ? null : url;
  }
  return SAFE_PROTOCOLS.has(`${(scheme[1] ?? "").toLowerCase()}:`) ? url : null;
}

/** True for links that leave the console: they open in a new tab, without referrer or opener. */
export function isExternal(url: string): boolean {
  return /^https?:/i.test(url);
}
