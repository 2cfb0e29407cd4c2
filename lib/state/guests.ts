import "server-only";
// The guest table of a cluster page: one page of guests for a filtered, sorted view, plus what
// the filter controls offer. Filters use the (clusterId, status|node|type|name) and tags GIN
// indexes of sync.prisma; usage comes from the cluster's one GuestMetrics row, unnested once per
// query and joined by vmid (a few thousand array elements: well under a millisecond).
import { db } from "@/lib/db";
import { clampPage, type GuestQuery } from "./guest-filters";
import { guestFilterSql, guestOrderSql } from "./guest-sql";

export interface GuestRow {
  id: string;
  vmid: number;
  type: "qemu" | "lxc";
  name: string;
  node: string;
  status: "running" | "stopped" | "paused" | "unknown";
  template: boolean;
  tags: string[];
  // Usage is null where the last sync measured none: a guest newer than it, or every guest while
  // the unlogged GuestMetrics row is empty after a database crash, until the next sync.
  cpu: number | null;
  maxcpu: number;
  mem: number | null;
  maxmem: number;
  disk: number | null;
  maxdisk: number;
  uptime: number | null;
  hastate: string | null;
  lock: string | null;
}

export interface GuestPage {
  rows: GuestRow[];
  total: number;
  /** The page shown, clamped to the last one when the URL asks for more. */
  page: number;
  pageCount: number;
  size: number;
}

export async function listGuests(clusterId: string, query: GuestQuery): Promise<GuestPage> {
  const where = guestFilterSql(clusterId, query);
  const [{ total = 0 } = {}] = await db.$queryRaw<
    Array<{ total: number }>
  >`SELECT count(*)::int AS total FROM "Guest" g WHERE ${where}`;
  const page = clampPage(query.page, total, query.size);
  // MATERIALIZED: unnested once and hash-joined. Inlined, the planner took unnest's default
  // estimate and re-ran it per guest row (docs/performance.md).
  const rows = await db.$queryRaw<GuestRow[]>`
    WITH u AS MATERIALIZED (
      SELECT x."vmid", x."cpu", x."mem", x."disk", x."uptime"
      FROM "GuestMetrics" m, unnest(m."vmid", m."cpu", m."mem", m."disk", m."uptime") AS x("vmid", "cpu", "mem", "disk", "uptime")
      WHERE m."clusterId" = ${clusterId}::uuid
    )
    SELECT g."id"::text AS id, g."vmid", g."type"::text AS type, g."name", g."node", g."status"::text AS status, g."template", g."tags",
           u."cpu", g."maxcpu", u."mem", g."maxmem", u."disk", g."maxdisk", u."uptime", g."hastate", g."lock"
    FROM "Guest" g LEFT JOIN u ON u."vmid" = g."vmid"
    WHERE ${where}
    ORDER BY ${guestOrderSql(query)}
    LIMIT ${query.size} OFFSET ${(page - 1) * query.size}`;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / query.size)), size: query.size };
}

/** Tags in use in a cluster, for the tag filter; bounded so a tag explosion cannot bloat the page. */
export async function listGuestTags(clusterId: string, limit = 200): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ tag: string }>>`
    SELECT DISTINCT unnest(tags) AS tag FROM "Guest" WHERE "clusterId" = ${clusterId}::uuid ORDER BY tag LIMIT ${limit}`;
  return rows.map((r) => r.tag);
}
