import { Badge } from "@/components/ui/badge";
import { UsageBar } from "@/components/state/usage-bar";
import { formatBytesOf, formatCpus, formatUptime } from "@/lib/format/units";
import type { ClusterView } from "@/lib/state/cluster";

export function NodeTable({ nodes }: { nodes: ClusterView["nodes"] }) {
  if (nodes.length === 0) return <p className="text-sm text-muted">No nodes synced yet.</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="nodes">
      {nodes.map((node) => (
        <li key={node.name} className="space-y-2 rounded-md border border-border p-3" data-testid={`node-${node.name}`}>
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium">{node.name}</span>
            <Badge tone={node.status === "online" ? "ok" : "danger"}>{node.status}</Badge>
          </div>
          {node.status === "online" ? (
            <>
              <UsageBar
                label="CPU"
                used={node.cpu * node.maxcpu}
                total={node.maxcpu}
                text={formatCpus(node.cpu * node.maxcpu, node.maxcpu)}
              />
              <UsageBar
                label="Memory"
                used={node.mem}
                total={node.maxmem}
                text={formatBytesOf(node.mem, node.maxmem)}
              />
            </>
          ) : (
            <p className="text-xs text-muted">No current figures while the node is {node.status}.</p>
          )}
          <p className="text-xs text-muted">
            up {formatUptime(node.uptime)} · PVE {node.pveVersion ?? "?"}
            {node.haState ? ` · HA ${node.haState}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
