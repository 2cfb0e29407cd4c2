// The guest table's view as SQL: its filters and its order, over "Guest" g joined with the
// cluster's usage (u: cpu, mem, disk, uptime from GuestMetrics, see lib/state/guests.ts). Every
// value is a bound parameter; column names come from the fixed table below, never from the URL.
import { Prisma } from "@/generated/prisma/client";
import type { GuestQuery, GuestSort } from "./guest-filters";

/** LIKE's own wildcards in a search are searched for, not expanded. */
const likeText = (text: string): string => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/** The view's filters: always the cluster, then each one the URL sets. */
export function guestFilterSql(clusterId: string, query: GuestQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`g."clusterId" = ${clusterId}::uuid`];
  if (query.status) and.push(Prisma.sql`g."status" = ${query.status}::"GuestStatus"`);
  if (query.type) and.push(Prisma.sql`g."type" = ${query.type}::"GuestType"`);
  if (query.node) and.push(Prisma.sql`g."node" = ${query.node}`);
  if (query.tag) and.push(Prisma.sql`g."tags" @> ARRAY[${query.tag}]::text[]`);
  if (query.q) {
    const name = Prisma.sql`g."name" ILIKE ${likeText(query.q)}`;
    // A number is most often a vmid: "101" finds guest 101 as well as names containing 101.
    and.push(/^\d{1,9}$/.test(query.q) ? Prisma.sql`(${name} OR g."vmid" = ${Number(query.q)})` : name);
  }
  return Prisma.join(and, " AND ");
}

// A guest the last sync did not measure (a new guest, or every one after a crash emptied the
// unlogged metrics) sorts as if its usage were 0, as Proxmox reports a stopped guest's.
const SORT_COLUMNS: Record<GuestSort, Prisma.Sql> = {
  name: Prisma.sql`g."name"`,
  vmid: Prisma.sql`g."vmid"`,
  status: Prisma.sql`g."status"`,
  node: Prisma.sql`g."node"`,
  type: Prisma.sql`g."type"`,
  cpu: Prisma.sql`COALESCE(u."cpu", 0)`,
  mem: Prisma.sql`COALESCE(u."mem", 0)`,
  uptime: Prisma.sql`COALESCE(u."uptime", 0)`,
};

/** Sorted by the chosen column, then by vmid so pages never overlap or skip rows. */
export function guestOrderSql(query: GuestQuery): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const primary = Prisma.sql`${SORT_COLUMNS[query.sort]} ${dir}`;
  return query.sort === "vmid" ? primary : Prisma.sql`${primary}, g."vmid" ASC`;
}
