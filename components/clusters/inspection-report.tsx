import { Badge } from "@/components/ui/badge";
import type { InspectResult } from "@/lib/clusters/inspect";
import type { PrivilegeGroup } from "@/lib/clusters/privileges";
import { CopyBlock } from "./copy-block";

const GROUPS: Array<{ group: PrivilegeGroup; label: string }> = [
  { group: "read", label: "Read the cluster (sync)" },
  { group: "act", label: "Act on guests" },
  { group: "receive", label: "Receive guests migrated from another cluster" },
];

/** What the inspection with the token found: connection, privileges, and how to fix what is missing. */
export function InspectionReport({ result }: { result: InspectResult }) {
  const { connection, privileges, missing } = result;
  return (
    <div className="space-y-5 text-sm" data-testid="inspection-report">
      <section className="space-y-2">
        <h3 className="font-semibold">Connection</h3>
        {connection.ok ? (
          <p data-testid="connection-ok">
            <Badge tone="ok">connected</Badge> Proxmox VE {connection.pveVersion}
            {connection.clusterName ? `, cluster "${connection.clusterName}"` : ", standalone node"}, {connection.nodes}{" "}
            node{connection.nodes === 1 ? "" : "s"}
            {connection.quorate ? "" : ", not quorate"}.
          </p>
        ) : (
          <p data-testid="connection-failed">
            <Badge tone="danger">{connection.kind.replaceAll("_", " ")}</Badge> {connection.message}
          </p>
        )}
      </section>

      {privileges && (
        <section className="space-y-2">
          <h3 className="font-semibold">Token privileges</h3>
          <ul className="space-y-3">
            {GROUPS.map(({ group, label }) => (
              <li key={group}>
                <p className="font-medium">
                  {label}{" "}
                  {privileges.can[group] ? (
                    <Badge tone="ok">all granted</Badge>
                  ) : (
                    <Badge tone={group === "read" ? "danger" : "warn"}>missing</Badge>
                  )}
                </p>
                <ul className="mt-1 grid gap-1 text-xs sm:grid-cols-2">
                  {privileges.checks
                    .filter((c) => c.group === group)
                    .map((c) => (
                      <li key={`${c.path}-${c.privilege}`} className={c.granted ? "text-muted" : "text-danger"}>
                        {c.granted ? "✓" : "✗"} <span className="font-mono">{c.privilege}</span> on{" "}
                        <span className="font-mono">{c.path}</span> — {c.why}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
          {missing.length > 0 && (
            <ul className="list-disc space-y-1 pl-5 text-warn" data-testid="missing-privileges">
              {missing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <details className="space-y-2" open={!privileges || missing.length > 0 || !connection.ok}>
        <summary className="cursor-pointer font-semibold">
          Create a least-privilege &quot;Sovereign&quot; role and token
        </summary>
        <p className="text-muted">
          Run these as root on any node of the cluster. The token is privilege-separated: it holds only what the role
          grants, on both the user and the token. The token secret is shown once by the fourth command.
        </p>
        <CopyBlock text={result.pveumCommands.join("\n")} label="Commands" />
      </details>
    </div>
  );
}
