// The only reader of process.env. Parsed once, on first use, so scripts that never touch a key
// don't need it set.
import { z } from "zod";

const optionalString = z.string().trim().min(1).optional().catch(undefined);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  // next-auth signs session tokens with it; 32+ random characters.
  NEXTAUTH_SECRET: z.string().min(32, { message: "NEXTAUTH_SECRET must be at least 32 characters" }),
  // The public address of the console; invitation links are built from it.
  APP_URL: z.string().url().default("http://localhost:3000"),
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
  // Default time between two syncs of a cluster; a cluster may override it.
  SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(15),
  // Enables /map/bench, which draws a synthetic federation for `npm run bench:map`. Off by default
  // so production never serves it.
  MAP_BENCH: z.stringbool().default(false),
});

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

function isKeyring(value: string): boolean {
  return parseKeyring(value) !== null;
}

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment (see .env.example):\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
