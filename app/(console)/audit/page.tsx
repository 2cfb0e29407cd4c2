import Link from "next/link";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { FormattedDate } from "@/components/ui/formatted-date";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schemas";
import { requirePermission } from "@/lib/auth/session";

export const metadata = { title: "Audit" };

function pageHref(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]);
  params.set("page", String(page));
  return `/audit?${params}`;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("audit.view");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const { events, total, pages } = await listAuditEvents(filter);

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, append-only and hash-chained: altering or removing an event breaks the chain."
        actions={<VerifyChainButton />}
      />
      <Card className="mb-4">
        <form className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end" action="/audit">
          <label className="text-sm">
            Actor
            <input name="actor" defaultValue={filter.actor} placeholder="email" className={controlClass} />
          </label>
          <label className="text-sm">
            Action
            <input name="action" defaultValue={filter.action} placeholder="e.g. team." className={controlClass} />
          </label>
          <label className="text-sm">
            Target
            <input name="target" defaultValue={filter.target} placeholder="type or id" className={controlClass} />
          </label>
          <label className="text-sm">
            From
            <input name="from" type="date" defaultValue={filter.from} className={controlClass} />
          </label>
          <label className="text-sm">
            To
            <input name="to" type="date" defaultValue={filter.to} className={controlClass} />
          </label>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary")}>
              Filter
            </button>
            <Link href="/audit" className={buttonClass("ghost")}>
              Clear
            </Link>
          </div>
        </form>
      </Card>
      <Card title={`${total} event${total === 1 ? "" : "s"}`}>
        {events.length === 0 ? (
          <p className="text-sm text-muted">No events match these filters.</p>
        ) : (
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="text-xs text-muted">
                <tr>
                  <th className="px-4 py-2 sm:px-2">#</th>
                  <th className="px-2 py-2">When</th>
                  <th className="px-2 py-2">Actor</th>
                  <th className="px-2 py-2">Action</th>
                  <th className="px-2 py-2">Target</th>
                  <th className="px-2 py-2">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {events.map((event) => (
                  <tr key={event.seq} id={`event-${event.seq}`} data-testid="audit-row" className="align-top">
                    <td className="px-4 py-2 font-mono text-xs sm:px-2">{event.seq}</td>
                    <td className="whitespace-nowrap px-2 py-2">
                      <FormattedDate value={event.at} />
                    </td>
                    <td className="px-2 py-2">{event.actorLabel}</td>
                    <td className="px-2 py-2 font-mono text-xs">{event.action}</td>
                    <td className="px-2 py-2 text-xs">
                      {event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"}
                    </td>
                    <td className="max-w-xs px-2 py-2">
                      <code className="block truncate text-xs text-muted" title={JSON.stringify(event.payload)}>
                        {JSON.stringify(event.payload)}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {filter.page > 1 ? <Link href={pageHref(filter, filter.page - 1)}>← Newer</Link> : <span />}
          <span className="text-muted">
            Page {filter.page} of {pages}
          </span>
          {filter.page < pages ? <Link href={pageHref(filter, filter.page + 1)}>Older →</Link> : <span />}
        </nav>
      </Card>
    </>
  );
}
