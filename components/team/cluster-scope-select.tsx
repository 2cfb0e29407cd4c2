"use client";
import { inlineControlClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { setClusterScopeAction } from "@/lib/team/actions";

/** An operator's clusters: all, or only those assigned to them (assignments live with the vote weights). */
export function ClusterScopeSelect({
  member,
}: {
  member: { id: string; name: string; clusterScope: "all" | "assigned"; assignedClusters: number };
}) {
  const action = useServerAction();
  return (
    <select
      aria-label={`Clusters ${member.name} may act on`}
      className={`${inlineControlClass} w-44`}
      value={member.clusterScope}
      disabled={action.pending}
      onChange={(event) => {
        const scope = event.target.value === "assigned" ? "assigned" : "all";
        action.run(() => setClusterScopeAction({ userId: member.id, scope }), {
          success:
            scope === "assigned"
              ? `${member.name} now acts only on their ${member.assignedClusters} assigned cluster(s).`
              : `${member.name} now acts on every cluster.`,
        });
      }}
    >
      <option value="all">All clusters</option>
      <option value="assigned">Assigned only ({member.assignedClusters})</option>
    </select>
  );
}
