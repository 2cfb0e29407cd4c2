// The security headers every response carries (proxy.ts sets them): a nonce-based Content Security
// Policy, no framing, no MIME sniffing, a short referrer, and a Permissions-Policy that grants this
// origin only what the console uses. Pure, so the exact values are unit-tested.

export interface SecurityHeaderOptions {
  /** Fresh per request, base64; Next reads it from the request's CSP header and puts it on its scripts. */
  nonce: string;
  /** `next dev`: React Refresh evaluates code at run time, so scripts may `eval` there, and only there. */
  development: boolean;
  /** Served over https (see `isServedOverHttps`): then HSTS, and insecure subresources are upgraded. */
  https: boolean;
}

/** One year, the usual minimum for HSTS preload lists; subdomains are left to their own owners. */
export const HSTS_VALUE = "max-age=31536000";

// Features granted to this origin only: check-ins read the phone's location and take a photo;
// the copy buttons (invitation links, cluster setup commands) write to the clipboard.
const ALLOWED_FEATURES = ["camera", "geolocation", "clipboard-write"];
// Everything else a browser could delegate, refused outright. Only names Chromium knows: an unknown
// one is reported as an error in the console of every page.
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = [
  ...ALLOWED_FEATURES.map((feature) => `${feature}=(self)`),
  ...DENIED_FEATURES.map((feature) => `${feature}=()`),
].join(", ");

/**
 * The Content-Security-Policy value. Scripts run only with this response's nonce (and what those
 * scripts load, 'strict-dynamic'); styles may be inline because React and recharts set `style`
 * attributes, which a nonce cannot cover. Images may be data: or blob: URLs (chart exports).
 */
export function contentSecurityPolicy({ nonce, development, https }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every security header of a response, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // Invitation links carry their token in the path: no other site learns even that it was visited.
    "Referrer-Policy": "same-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    ...(options.https ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}

/**
 * Whether the console is served over https: its public address (APP_URL) says so, or this request
 * came over TLS, which Next reads from the connection or from X-Forwarded-Proto set by a reverse
 * proxy. A client spoofing that header on plain http gains nothing: browsers ignore HSTS received
 * over http (RFC 6797 §8.1).
 */
export function isServedOverHttps(appUrl: string, requestProtocol: string): boolean {
  return appUrl.startsWith("https:") || requestProtocol === "https:";
}

/** 16 random bytes, base64: unguessable and fresh for each request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
