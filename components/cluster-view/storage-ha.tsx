import { Badge } from "@/components/ui/badge";
import { UsageBar } from "@/components/state/usage-bar";
import { formatBytesOf } from "@/lib/format/units";
import type { ClusterView } from "@/lib/state/cluster";

export function StorageList({ storages }: { storages: ClusterView["storages"] }) {
  if (storages.length === 0) return <p className="text-sm text-muted">No storages synced yet.</p>;
  return (
    <ul className="space-y-3" data-testid="storages">
      {storages.map((s) => (
        <li key={`${s.storage}-${s.node}`}>
          <UsageBar
            label={`${s.storage}${s.shared ? " (shared)" : ` on ${s.node}`}${s.plugintype ? ` · ${s.plugintype}` : ""}`}
            used={s.disk}
            total={s.maxdisk}
            text={s.status === "available" ? formatBytesOf(s.disk, s.maxdisk) : s.status}
          />
        </li>
      ))}
    </ul>
  );
}

const HA_TONE: Record<string, "ok" | "warn" | "danger" | "neutral"> = {
  started: "ok",
  stopped: "neutral",
  disabled: "neutral",
  error: "danger",
  fence: "danger",
  recovery: "warn",
  migrate: "warn",
  relocate: "warn",
};

export function HaList({
  ha,
  quorate,
  master,
}: {
  ha: ClusterView["ha"];
  quorate: boolean | null;
  master: string | null;
}) {
  return (
    <div className="space-y-3 text-sm" data-testid="ha">
      <p className="text-muted">
        HA manager: {quorate === null ? "unknown" : quorate ? "quorate" : "no quorum"}
        {master ? ` · master ${master}` : ""}
      </p>
      {ha.length === 0 ? (
        <p className="text-muted">No HA-managed guests.</p>
      ) : (
        <ul className="divide-y divide-border">
          {ha.map((r) => (
            <li key={r.sid} className="flex items-center justify-between gap-2 py-1.5">
              <span>
                <span className="font-medium">{r.sid}</span> <span className="text-muted">on {r.node}</span>
                {r.group && <span className="text-muted"> · {r.group}</span>}
              </span>
              <Badge tone={HA_TONE[r.state ?? ""] ?? "neutral"}>{r.state ?? "?"}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
