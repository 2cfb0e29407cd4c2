// Input validation for the registry. Values arrive from forms as strings: numbers are coerced and
// empty optional fields become null.
import { z } from "zod";
import { isFingerprint, normalizeFingerprint } from "@/lib/proxmox";
import { SITE_ROLES } from "./site-roles";

export { SITE_ROLES, SITE_ROLE_LABELS } from "./site-roles";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce.number().int(message).min(min, message).max(max, message).nullable(),
  );

export const clusterIdSchema = z.string().uuid("Unknown cluster.");
export const clusterNameSchema = z
  .string()
  .trim()
  .min(1, "Give the cluster a name.")
  .max(60, "Keep the name under 60 characters.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Use letters, digits, spaces, dots, dashes and underscores.");

export const apiUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && !url.username && !url.password && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter the cluster's https:// address, e.g. https://pve1.example.net:8006.")
  // Only scheme, host and port matter: drop any path so the stored URL is canonical.
  .transform((value) => new URL(value).origin);

export const tokenIdSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9._-]+@[A-Za-z][A-Za-z0-9._-]+![A-Za-z][A-Za-z0-9._-]+$/,
    "A token id looks like sovereign@pve!console.",
  );

// Proxmox secrets are UUIDs; accept any header-safe string so other issuers' formats still work.
export const tokenSecretSchema = z
  .string()
  .trim()
  .min(8, "Paste the token secret Proxmox showed when the token was created.")
  .max(200)
  .regex(/^[^\s;=,]+$/, "A token secret has no spaces, commas, semicolons or equals signs.");

export const fingerprintSchema = z
  .string()
  .trim()
  .refine(isFingerprint, "A fingerprint is 32 hex pairs separated by colons.")
  .transform(normalizeFingerprint);

export const siteSchema = z.object({
  siteName: z.string().trim().min(1, "Name the site (city or data centre).").max(100),
  role: z.enum(SITE_ROLES, { message: "Choose primary, regional backup, remote or edge." }),
  tier: z.coerce.number().int().min(1, "Tier is 1, 2 or 3.").max(3, "Tier is 1, 2 or 3."),
  latitude: z.coerce.number().min(-90, "Latitude is between -90 and 90.").max(90, "Latitude is between -90 and 90."),
  longitude: z.coerce
    .number()
    .min(-180, "Longitude is between -180 and 180.")
    .max(180, "Longitude is between -180 and 180."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code (ISO 3166-1), e.g. FR."),
  region: optionalText(100),
  powerGrid: optionalText(100),
  isp: optionalText(100),
  electricityPricePerKwh: z.coerce
    .number()
    .min(0, "The price cannot be negative.")
    .max(100, "That price per kWh looks wrong."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use the three-letter currency code, e.g. EUR."),
  wattsPerNode: optionalInt(1, 100_000, "Watts per node is a whole number from 1 to 100000."),
});

const optionalNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce.number(message).min(min, message).max(max, message).nullable(),
  );

// A checkbox sends "on" when ticked and nothing otherwise.
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/**
 * What the placement engine needs of a site (lib/placement): power draw per vCPU and per GPU
 * (empty = the engine's defaults), the GPUs it can give guests, the round trip added at the site
 * on top of distance, and maintenance (no new replicas while it lasts). Apart from siteSchema so
 * the demo's registration, which knows none of these, leaves them as an admin set them.
 */
export const placementSiteSchema = z.object({
  wattsPerVcpu: optionalNumber(0, 1000, "Watts per vCPU is a number from 0 to 1000; leave it empty for the default."),
  wattsPerGpu: optionalNumber(0, 5000, "Watts per GPU is a number from 0 to 5000; leave it empty for the default."),
  gpuCount: optionalInt(0, 1000, "GPUs is a whole number from 0 to 1000.").transform((value) => value ?? 0),
  latencyBaseMs: optionalNumber(0, 1000, "The latency base is 0 to 1000 ms; leave it empty for the default."),
  maintenance: checkbox,
});

export const syncIntervalSchema = optionalInt(
  5,
  3600,
  "The sync interval is 5 to 3600 seconds; leave it empty for the default.",
);

export const connectionInputSchema = z.object({
  apiUrl: apiUrlSchema,
  tokenId: tokenIdSchema,
  tokenSecret: tokenSecretSchema,
});

/** Pinned to the fingerprint (the default), or verified by a CA: an explicit choice of the admin. */
export const trustModeSchema = z.enum(["pinned", "ca"], { message: "Choose how to trust the certificate." });

/** Step one of registration: the address only, never a token. */
export const certificateInputSchema = z.object({
  apiUrl: apiUrlSchema,
  expectedFingerprint: fingerprintSchema.nullish().or(z.literal("").transform(() => null)),
});

/** Step two: the token, with the certificate the admin confirmed in step one. */
export const inspectInputSchema = connectionInputSchema.extend({
  // The fingerprint the admin saw and confirmed (trust on first use).
  fingerprint: fingerprintSchema,
  trustMode: trustModeSchema.default("pinned"),
});

export const registerInputSchema = connectionInputSchema.extend({
  name: clusterNameSchema,
  // The fingerprint the admin saw and confirmed (trust on first use).
  fingerprint: fingerprintSchema,
  trustMode: trustModeSchema.default("pinned"),
  syncIntervalSeconds: syncIntervalSchema,
  ...siteSchema.shape,
  ...placementSiteSchema.shape,
});

export const updateInputSchema = siteSchema.extend({
  ...placementSiteSchema.shape,
  clusterId: clusterIdSchema,
  name: clusterNameSchema,
  syncIntervalSeconds: syncIntervalSchema,
});

export const replaceTokenInputSchema = z.object({
  clusterId: clusterIdSchema,
  tokenId: tokenIdSchema,
  tokenSecret: tokenSecretSchema,
});

const formBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

export const setEnabledInputSchema = z.object({ clusterId: clusterIdSchema, enabled: formBoolean });
export const removeInputSchema = z.object({ clusterId: clusterIdSchema, confirmName: z.string().trim() });
export const migrationTokenInputSchema = z.object({
  clusterId: clusterIdSchema,
  tokenId: tokenIdSchema,
  tokenSecret: tokenSecretSchema,
});
export const purgeInputSchema = z.object({ clusterId: clusterIdSchema, confirmation: z.string().trim().max(200) });
/** What an admin types to purge a cluster: its name alone is what removal (archiving) asks. */
export function purgeConfirmation(name: string): string {
  return `purge ${name}`;
}
export const acceptFingerprintInputSchema = z.object({ clusterId: clusterIdSchema, fingerprint: fingerprintSchema });
export type SiteInput = z.infer<typeof siteSchema>;
export type RegisterInput = z.infer<typeof registerInputSchema>;
