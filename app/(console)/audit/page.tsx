import Link from "next/link";
import { CheckpointCard } from "@/components/audit/checkpoint-card";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { controlClass } from "@/components/ui/field";
import { FormattedDate } from "@/components/ui/formatted-date";
import { checkpointSummary, listAuditEvents } from "@/lib/audit/queries";
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
  const [{ events, total, pages }, checkpoints] = await Promise.all([listAuditEvents(filter), checkpointSummary()]);

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, append-only and hash-chained, with signed checkpoints: altering, removing or cutting off events is detected."
        actions={<VerifyChainButton />}
      />
      <CheckpointCard summary={checkpoints} />
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
        <DataTable
          rows={events}
          rowKey={(event) => event.seq}
          rowProps={(event) => ({ id: `event-${event.seq}`, "data-testid": "audit-row" })}
          empty="No events match these filters."
          columns={[
            { header: "#", cell: (event) => event.seq, className: "font-mono text-xs" },
            { header: "When", cell: (event) => <FormattedDate value={event.at} />, className: "whitespace-nowrap" },
            { header: "Actor", cell: (event) => event.actorLabel },
            { header: "Action", cell: (event) => event.action, className: "font-mono text-xs" },
            {
              header: "Target",
              cell: (event) => (event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"),
              className: "text-xs",
            },
            {
              header: "Details",
              cell: (event) => (
                <code className="block truncate text-xs text-muted" title={JSON.stringify(event.payload)}>
                  {JSON.stringify(event.payload)}
                </code>
              ),
              className: "max-w-xs",
            },
          ]}
        />
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
