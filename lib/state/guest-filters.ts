// The cluster page's guest table is driven by the URL (?q=&status=&node=&tag=&type=&sort=&dir=
// &page=&size=), so a filtered view can be shared and reloaded. Anything malformed falls back to
// its default instead of failing the page: a stale bookmark should still open.
import { z } from "zod";

export const GUEST_STATUSES = ["running", "stopped", "paused", "unknown"] as const;
export const GUEST_TYPES = ["qemu", "lxc"] as const;
export const GUEST_SORTS = ["name", "vmid", "status", "node", "type", "cpu", "mem", "uptime"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

export type GuestSort = (typeof GUEST_SORTS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? undefined : value))
    .optional()
    .catch(undefined);

export const guestQuerySchema = z.object({
  q: optionalText(100),
  status: z.enum(GUEST_STATUSES).optional().catch(undefined),
  node: optionalText(64),
  tag: optionalText(64),
  type: z.enum(GUEST_TYPES).optional().catch(undefined),
  sort: z.enum(GUEST_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .default(50)
    .catch(50),
});

export type GuestQuery = z.output<typeof guestQuerySchema>;
export type SearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_GUEST_QUERY: GuestQuery = guestQuerySchema.parse({});

/** Next hands repeated keys as arrays; the first value wins. */
export function parseGuestQuery(params: SearchParams): GuestQuery {
  const first: Record<string, string | undefined> = {};
  for (const key of Object.keys(guestQuerySchema.shape)) {
    const value = params[key];
    first[key] = Array.isArray(value) ? value[0] : value;
  }
  return guestQuerySchema.parse(first);
}

/** The query string for a view, leaving out defaults so links stay short ("" for the default view). */
export function guestQueryString(query: GuestQuery, change: Partial<GuestQuery> = {}): string {
  // Any change other than paging goes back to page 1: page 7 of another filter is meaningless.
  const resetsPage = Object.keys(change).some((key) => key !== "page");
  const next: GuestQuery = { ...query, ...change, ...(resetsPage && change.page === undefined ? { page: 1 } : {}) };
  const search = new URLSearchParams();
  for (const key of Object.keys(guestQuerySchema.shape) as Array<keyof GuestQuery>) {
    const value = next[key];
    if (value === undefined || value === DEFAULT_GUEST_QUERY[key]) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The page actually shown: past the end goes to the last page, so a shrunken list is not empty. */
export function clampPage(page: number, total: number, size: number): number {
  const pages = Math.max(1, Math.ceil(total / size));
  return Math.min(Math.max(1, page), pages);
}
