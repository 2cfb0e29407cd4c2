import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import { describeImport, type ImportRecord } from "@/lib/earnings/import-history";

/**
 * Past CSV uploads, newest first: what each imported, skipped and rejected, and for one that
 * stopped part-way the line to resume after, as a link that fills in the upload form above.
 */
export function ImportHistory({ imports }: { imports: ImportRecord[] }) {
  if (imports.length === 0) return <p className="text-sm text-muted">No CSV has been imported yet.</p>;
  return (
    <ul className="divide-y divide-border" aria-label="Past imports">
      {imports.map((record) => {
        const outcome = describeImport(record);
        return (
          <li key={record.id} className="space-y-1 py-3 text-sm" data-testid="past-import">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-all">{record.fileName ?? "unnamed file"}</span>
              <Badge tone={outcome.tone}>{outcome.label}</Badge>
              <span className="text-xs text-muted">
                <FormattedDate value={record.startedAt} /> · {record.actorLabel}
              </span>
            </div>
            <p>{outcome.detail}</p>
            {outcome.resumeAfterLine !== null && (
              <p>
                <Link
                  href={`/earnings/import?resume=${outcome.resumeAfterLine}#upload`}
                  className="font-medium text-accent underline underline-offset-2"
                >
                  Resume after line {outcome.resumeAfterLine}
                </Link>
                <span className="text-muted">
                  {" "}
                  — choose the same file; rows already imported would be skipped anyway.
                </span>
              </p>
            )}
            {record.problems.length > 0 && (
              <details>
                <summary className="cursor-pointer text-xs text-muted">
                  {record.rejected > record.problems.length
                    ? `First ${record.problems.length} of ${record.rejected} rejected rows`
                    : "Rejected rows"}
                </summary>
                <ul className="mt-1 space-y-0.5 text-xs">
                  {record.problems.map((p, i) => (
                    <li key={i}>
                      line <span className="tabular-nums">{p.line}</span>, {p.column === "_" ? "row" : p.column}:{" "}
                      {p.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
