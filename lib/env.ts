// The only reader of process.env. Parsed once, on first use, so scripts that never touch a key
// don't need it set.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { z } from "zod";

const optionalString = z.string().trim().min(1).optional().catch(undefined);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  // next-auth signs session tokens with it; 32+ random characters.
  NEXTAUTH_SECRET: z.string().min(32, { message: "NEXTAUTH_SECRET must be at least 32 characters" }),
  // The public address of the console (an origin: http(s)://host[:port]); invitation links and
  // sign-in callbacks are built from it, and session cookies are Secure when it is https.
  APP_URL: originSchema("APP_URL").default("http://localhost:3000"),
  // next-auth reads it itself; when set it must be the same origin as APP_URL.
  NEXTAUTH_URL: originSchema("NEXTAUTH_URL").optional(),
  // How many reverse proxies stand in front of the console, each appending the address it saw to
  // X-Forwarded-For. 0: none, the header is the client's own and is ignored.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // A session's absolute lifetime from sign-in; activity does not extend it.
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  // Optional mail: smtp://user:pass@host:port. Without it, admins copy invitation links by hand.
  SMTP_URL: optionalString,
  SMTP_FROM: z.string().default("Sovereign <sovereign@localhost>"),
  // Encrypts cluster token secrets (lib/clusters/secrets.ts): base64 of 32 random bytes, or a
  // keyring "kid1:base64,kid2:base64" whose first key encrypts and all decrypt, so keys rotate.
  // Optional here so tools that never touch a cluster run without it; secrets.ts refuses to work
  // without it.
  SOVEREIGN_SECRET_KEY: z
    .string()
    .trim()
    .min(1)
    .optional()
    .refine((value) => value === undefined || isKeyring(value), {
      message: 'SOVEREIGN_SECRET_KEY must be base64 of 32 bytes, or "kid:base64,kid:base64" (first key is current)',
    }),
  // Signs the audit trail's checkpoints (lib/audit/checkpoints.ts): an Ed25519 private key, as
  // base64 of its PKCS#8 DER (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`),
  // base64 of its 32-byte seed, or PEM. Keep it outside the database. Without it no checkpoint is
  // written, and verification says so: truncation of the newest events then goes unnoticed.
  AUDIT_SIGNING_KEY: z
    .string()
    .trim()
    .min(1)
    .optional()
    .refine((value) => value === undefined || parseSigningKey(value) !== null, {
      message: "AUDIT_SIGNING_KEY must be an Ed25519 private key: base64 PKCS#8 DER, base64 32-byte seed, or PEM",
    }),
  // Default time between two syncs of a cluster; a cluster may override it.
  SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(15),
  // Enables /map/bench, which draws a synthetic federation for `npm run bench:map`. Off by default
  // so production never serves it.
  MAP_BENCH: z.stringbool().default(false),
});

function originSchema(name: string) {
  return z
    .string()
    .trim()
    .refine((value) => originOf(value) !== null, {
      message: `${name} must be an http(s) origin such as https://sovereign.example.org (no path, query or credentials)`,
    });
}

/** The URL's origin if the value is exactly an http(s) origin (a trailing slash allowed), else null. */
export function originOf(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  const bare = !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash;
  return (url.protocol === "https:" || url.protocol === "http:") && bare ? url.origin : null;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses a SOVEREIGN_SECRET_KEY value; a bare key gets the id "k1". Null if malformed. */
export function parseKeyring(value: string): Array<{ id: string; key: Buffer }> | null {
  const entries = value.split(",").map((part) => part.trim());
  const keys: Array<{ id: string; key: Buffer }> = [];
  for (const entry of entries) {
    const colon = entry.indexOf(":");
    const id = colon === -1 ? (entries.length === 1 ? "k1" : "") : entry.slice(0, colon);
    const material = colon === -1 ? entry : entry.slice(colon + 1);
    if (!KEY_ID.test(id) || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(material)) return null;
    const key = Buffer.from(material, "base64");
    if (key.length !== 32 || keys.some((k) => k.id === id)) return null;
    keys.push({ id, key });
  }
  return keys.length > 0 ? keys : null;
}

// PKCS#8 DER of an Ed25519 key is this prefix followed by its 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** Parses an Ed25519 private key given as PEM, base64 PKCS#8 DER or base64 seed; null otherwise. */
export function parseSigningKey(value: string): KeyObject | null {
  try {
    const text = value.trim();
    const key = text.startsWith("-----BEGIN")
      ? createPrivateKey(text.replace(/\\n/g, "\n"))
      : (() => {
          if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
          const der = Buffer.from(text, "base64");
          const pkcs8 = der.length === 32 ? Buffer.concat([ED25519_PKCS8_PREFIX, der]) : der;
          return createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
        })();
    return key && key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

function isKeyring(value: string): boolean {
  return parseKeyring(value) !== null;
}

export type Env = z.infer<typeof envSchema>;

// The values .env.example (and older versions of it) ship with: public, so never a real secret.
const EXAMPLE_SECRETS = new Set([
  "local-only-change-me-to-32-random-characters",
  "bG9jYWwtZGV2ZWxvcG1lbnQta2V5LWNoYW5nZS1tZSE=",
]);
const PLACEHOLDER_WORDS = /change-?me|example|placeholder|secret|password|sovereign/i;

/** Why NEXTAUTH_SECRET is not fit for production, or null. */
export function weakSessionSecret(value: string): string | null {
  if (EXAMPLE_SECRETS.has(value)) return "is the public example value";
  if (PLACEHOLDER_WORDS.test(value)) return "looks like a placeholder";
  if (new Set(value).size < 12) return "repeats too few characters to be random";
  return null;
}

/**
 * Why a SOVEREIGN_SECRET_KEY keyring is not fit for production, or null. 32 random bytes are all
 * printable ASCII with a probability of about 1e-14: such a key is a typed phrase in base64.
 */
export function weakKeyring(value: string): string | null {
  const materials = value.split(",").map((entry) => entry.trim().replace(/^[^:]*:/, ""));
  if (materials.some((material) => EXAMPLE_SECRETS.has(material))) return "contains the public example key";
  for (const { id, key } of parseKeyring(value) ?? []) {
    if (key.every((byte) => byte >= 0x20 && byte < 0x7f)) return `key "${id}" is a phrase, not random bytes`;
    if (new Set(key).size < 16) return `key "${id}" repeats too few bytes to be random`;
  }
  return null;
}

/**
 * What a production server refuses to start with, as one line, or null. Skipped while `next build`
 * loads the route modules (the build sees placeholders, never the runtime secrets).
 */
export function productionProblem(values: Env, phase = process.env.NEXT_PHASE): string | null {
  if (values.NODE_ENV !== "production" || phase === "phase-production-build") return null;
  const secret = weakSessionSecret(values.NEXTAUTH_SECRET);
  if (secret) return `NEXTAUTH_SECRET ${secret}: generate one with openssl rand -base64 32`;
  const key = values.SOVEREIGN_SECRET_KEY && weakKeyring(values.SOVEREIGN_SECRET_KEY);
  if (key) return `SOVEREIGN_SECRET_KEY ${key}: generate one with openssl rand -base64 32`;
  if (values.NEXTAUTH_URL && originOf(values.NEXTAUTH_URL) !== originOf(values.APP_URL)) {
    return "NEXTAUTH_URL must be the same origin as APP_URL (or be left unset)";
  }
  return null;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment (see .env.example):\n${problems}`);
  }
  const refused = productionProblem(parsed.data);
  if (refused) throw new Error(`Invalid environment (see .env.example): ${refused}`);
  cached = parsed.data;
  return cached;
}
