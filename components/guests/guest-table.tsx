import Link from "next/link";
import { GuestStatusBadge } from "@/components/state/health-badge";
import { formatBytesOf, formatPercent, formatUptime } from "@/lib/format/units";
import { guestQueryString, type GuestQuery, type GuestSort } from "@/lib/state/guest-filters";
import type { GuestPage } from "@/lib/state/guests";
import { GuestActions } from "./guest-actions";

function SortHeader({
  label,
  sort,
  query,
  basePath,
  className = "",
}: {
  label: string;
  sort: GuestSort;
  query: GuestQuery;
  basePath: string;
  className?: string;
}) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 font-medium ${className}`}
    >
      <Link href={`${basePath}${guestQueryString(query, { sort, dir })}`} className="hover:underline">
        {label}
        {active ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    </th>
  );
}

/**
 * One page of guests. Wide tables scroll sideways on a phone with the name column pinned, so
 * a row always says which guest it is.
 */
export function GuestTable({
  clusterId,
  page,
  query,
  basePath,
  canAct,
}: {
  clusterId: string;
  page: GuestPage;
  query: GuestQuery;
  basePath: string;
  canAct: boolean;
}) {
  const first = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const last = Math.min(page.page * page.size, page.total);
  const pin = "sticky left-0 z-[1] bg-surface";
  return (
    <div>
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full min-w-[56rem] text-left text-sm" data-testid="guest-table">
          <thead className="border-b border-border text-xs text-muted">
            <tr>
              <SortHeader label="Name" sort="name" query={query} basePath={basePath} className={pin} />
              {canAct && (
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
              <SortHeader label="ID" sort="vmid" query={query} basePath={basePath} />
              <SortHeader label="Status" sort="status" query={query} basePath={basePath} />
              <SortHeader label="Node" sort="node" query={query} basePath={basePath} />
              <SortHeader label="Type" sort="type" query={query} basePath={basePath} />
              <SortHeader label="CPU" sort="cpu" query={query} basePath={basePath} />
              <SortHeader label="Memory" sort="mem" query={query} basePath={basePath} />
              <SortHeader label="Uptime" sort="uptime" query={query} basePath={basePath} />
              <th scope="col" className="px-3 py-2 font-medium">
                Tags
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {page.rows.map((guest) => (
              <tr key={guest.id} data-testid={`guest-${guest.vmid}`} className="align-top">
                <th scope="row" className={`max-w-36 truncate px-3 py-2 font-medium sm:max-w-48 ${pin}`}>
                  {guest.name}
                  {guest.template && <span className="ml-1 text-xs font-normal text-muted">(template)</span>}
                </th>
                {canAct && (
                  // Right after the pinned name, so a phone shows it without scrolling sideways.
                  <td className="w-40 px-3 py-2">
                    <GuestActions
                      guest={{
                        clusterId,
                        vmid: guest.vmid,
                        name: guest.name,
                        type: guest.type,
                        status: guest.status,
                        template: guest.template,
                      }}
                    />
                  </td>
                )}
                <td className="px-3 py-2 tabular-nums">{guest.vmid}</td>
                <td className="px-3 py-2" data-testid="guest-status">
                  <GuestStatusBadge status={guest.status} />
                  {guest.lock && <span className="ml-1 text-xs text-warn">locked: {guest.lock}</span>}
                </td>
                <td className="px-3 py-2">{guest.node}</td>
                <td className="px-3 py-2">{guest.type === "qemu" ? "VM" : "CT"}</td>
                <td className="px-3 py-2 tabular-nums">
                  {guest.status === "running" && guest.cpu !== null ? formatPercent(guest.cpu) : "–"}
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  {guest.maxmem > 0 && guest.mem !== null ? formatBytesOf(guest.mem, guest.maxmem) : "–"}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {guest.status === "running" && guest.uptime !== null ? formatUptime(guest.uptime) : "–"}
                </td>
                <td className="px-3 py-2 text-xs text-muted">{guest.tags.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 && <p className="p-4 text-sm text-muted">No guest matches these filters.</p>}
      </div>
      <nav aria-label="Guest pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted" data-testid="guest-count">
          {first}–{last} of {page.total} guests
        </p>
        <div className="flex items-center gap-3">
          {page.page > 1 ? (
            <Link
              href={`${basePath}${guestQueryString(query, { page: page.page - 1 })}`}
              className="text-accent hover:underline"
              rel="prev"
            >
              Previous
            </Link>
          ) : (
            <span className="text-muted">Previous</span>
          )}
          <span className="tabular-nums">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link
              href={`${basePath}${guestQueryString(query, { page: page.page + 1 })}`}
              className="text-accent hover:underline"
              rel="next"
            >
              Next
            </Link>
          ) : (
            <span className="text-muted">Next</span>
          )}
        </div>
      </nav>
    </div>
  );
}
