import "server-only";
// The guest table of a cluster page: one page of guests for a filtered, sorted view, plus what
// the filter controls offer. Filters use the (clusterId, status|node|type|name) and tags GIN
// indexes of sync.prisma.
import { db } from "@/lib/db";
import { clampPage, guestOrderBy, guestWhere, type GuestQuery } from "./guest-filters";

export const guestRowSelect = {
  id: true, vmid: true, type: true, name: true, node: true, status: true, template: true, tags: true,
  cpu: true, maxcpu: true, mem: true, maxmem: true, disk: true, maxdisk: true, uptime: true, hastate: true, lock: true,
} as const;

export interface GuestRow {
  id: string;
  vmid: number;
  type: "qemu" | "lxc";
  name: string;
  node: string;
  status: "running" | "stopped" | "paused" | "unknown";
  template: boolean;
  tags: string[];
  cpu: number;
  maxcpu: number;
  mem: number;
  maxmem: number;
  disk: number;
  maxdisk: number;
  uptime: number;
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
  const where = guestWhere(clusterId, query);
  const total = await db.guest.count({ where });
  const page = clampPage(query.page, total, query.size);
  const rows = await db.guest.findMany({ where, orderBy: guestOrderBy(query), skip: (page - 1) * query.size, take: query.size, select: guestRowSelect });
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / query.size)), size: query.size };
}

/** Tags in use in a cluster, for the tag filter; bounded so a tag explosion cannot bloat the page. */
export async function listGuestTags(clusterId: string, limit = 200): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ tag: string }>>`
    SELECT DISTINCT unnest(tags) AS tag FROM "Guest" WHERE "clusterId" = ${clusterId}::uuid ORDER BY tag LIMIT ${limit}`;
  return rows.map((r) => r.tag);
}
