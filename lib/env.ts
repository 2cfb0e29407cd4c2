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
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  // Optional mail: smtp://user:pass@host:port. Without it, admins copy invitation links by hand.
  SMTP_URL: optionalString,
  SMTP_FROM: z.string().default("Sovereign <sovereign@localhost>"),
});

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
