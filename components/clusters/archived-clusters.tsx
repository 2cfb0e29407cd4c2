"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { purgeClusterAction } from "@/lib/clusters/actions";

export interface ArchivedCluster {
  id: string;
  name: string;
  siteName: string;
  country: string;
  archivedAt: Date | null;
  _count: { revenueDaily: number; electricityCost: number; history: number };
}

/** Removed clusters: kept for earnings and audit, purged for good only by an admin who types so. */
export function ArchivedClusters({ clusters, canPurge }: { clusters: ArchivedCluster[]; canPurge: boolean }) {
  return (
    <ul className="divide-y divide-border">
      {clusters.map((cluster) => (
        <li key={cluster.id} className="space-y-2 py-3 text-sm" data-testid="archived-cluster">
          <p>
            <span className="font-medium">{cluster.name}</span>{" "}
            <span className="text-muted">
              {cluster.siteName}, {cluster.country} · archived{" "}
              {cluster.archivedAt && <FormattedDate value={cluster.archivedAt} />} · {cluster._count.revenueDaily}{" "}
              revenue days, {cluster._count.electricityCost} electricity costs, {cluster._count.history} history samples
              kept
            </span>
          </p>
          {canPurge && <PurgeCluster cluster={cluster} />}
        </li>
      ))}
    </ul>
  );
}

function PurgeCluster({ cluster }: { cluster: ArchivedCluster }) {
  const { pending, message, fieldErrors, run } = useServerAction({ toast: false });
  const [typed, setTyped] = useState("");
  const expected = `purge ${cluster.name}`;
  return (
    <div className="space-y-2">
      <TextField
        label={`Type "${expected}" to purge it`}
        name="confirmation"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        errors={fieldErrors.confirmation}
      />
      {typed === expected ? (
        <ConfirmButton
          label="Purge cluster"
          title={`Purge ${cluster.name}?`}
          body="Its revenue ledger, rollups, electricity costs and history are deleted for good, and earnings reports lose them. The audit trail keeps a record of the purge. This cannot be undone."
          confirmLabel="Purge for good"
          pending={pending}
          onConfirm={() =>
            run(() => purgeClusterAction({ clusterId: cluster.id, confirmation: typed }), {
              success: () => `${cluster.name} purged.`,
            })
          }
        />
      ) : (
        <Button type="button" variant="secondary" disabled>
          Purge cluster
        </Button>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
