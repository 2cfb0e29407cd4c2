import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatAge, formatPercent } from "@/lib/format/units";
import type { Problem } from "@/lib/state/summary";

function describe(problem: Problem): string {
  const age = problem.ageMs == null ? "" : ` (last known state ${formatAge(problem.ageMs)} old)`;
  switch (problem.kind) {
    case "certificate_changed":
      return "Certificate changed: sync is paused until an admin compares and accepts it";
    case "cluster_down":
      return `Unreachable${problem.detail ? `: ${problem.detail}` : ""}${age}`;
    case "sync_stale":
      return `No sync recently${age}`;
    case "quorum_lost":
      return "Quorum lost";
    case "node_offline":
      return `Node ${problem.subject} is offline`;
    case "storage_full":
      return `Storage ${problem.subject} is ${formatPercent(problem.ratio ?? 0)} full`;
    case "ha_error":
      return `HA ${problem.subject}: ${problem.detail ?? "error"}`;
    case "task_failed":
      return `Task ${problem.subject} failed${problem.detail ? `: ${problem.detail}` : ""}`;
  }
}

export function ProblemList({ problems, limit = 12 }: { problems: Problem[]; limit?: number }) {
  if (problems.length === 0)
    return <p className="text-sm text-muted">No problems: every cluster answers and nothing needs a look.</p>;
  const shown = problems.slice(0, limit);
  return (
    <>
      <ul className="divide-y divide-border text-sm" data-testid="problems">
        {shown.map((problem, i) => (
          <li
            key={`${problem.kind}-${problem.clusterId}-${problem.subject}-${i}`}
            className="flex items-start justify-between gap-3 py-2"
          >
            <div className="min-w-0">
              <Link href={`/clusters/${problem.clusterId}`} className="font-medium text-accent hover:underline">
                {problem.clusterName}
              </Link>
              <p className="break-words text-muted">{describe(problem)}</p>
            </div>
            <Badge tone={problem.severity === "critical" ? "danger" : "warn"}>{problem.severity}</Badge>
          </li>
        ))}
      </ul>
      {problems.length > limit && <p className="mt-2 text-xs text-muted">and {problems.length - limit} more.</p>}
    </>
  );
}
