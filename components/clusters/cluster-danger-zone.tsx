"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { removeClusterAction, setClusterEnabledAction } from "@/lib/clusters/actions";
import { useServerAction } from "@/components/ui/use-server-action";

export function ClusterDangerZone({ cluster }: { cluster: { id: string; name: string; enabled: boolean } }) {
  const router = useRouter();
  const { pending, message, fieldErrors, run } = useServerAction({ toast: false });
  const [confirmName, setConfirmName] = useState("");
  return (
    <div className="space-y-5 text-sm">
      <div className="space-y-2">
        <p className="text-muted">
          {cluster.enabled
            ? "Disabling stops syncing; the last known state stays visible, marked as disabled."
            : "Sync is disabled. Enable it to resume."}
        </p>
        <ConfirmButton
          label={cluster.enabled ? "Disable sync" : "Enable sync"}
          variant="secondary"
          title={cluster.enabled ? `Disable ${cluster.name}?` : `Enable ${cluster.name}?`}
          body={
            cluster.enabled
              ? "Sovereign stops reading this cluster until you enable it again."
              : "Sovereign resumes reading this cluster on its schedule."
          }
          confirmLabel={cluster.enabled ? "Disable" : "Enable"}
          pending={pending}
          onConfirm={() =>
            run(() => setClusterEnabledAction({ clusterId: cluster.id, enabled: !cluster.enabled }), {
              success: (d) => (d.enabled ? "Sync enabled." : "Sync disabled."),
            })
          }
        />
      </div>
      <div className="space-y-2">
        <p className="text-muted">
          Removing archives the cluster: it leaves the live pages and is no longer synced, while its earnings,
          electricity costs and history stay. An admin can purge it later from the Clusters page. Nothing changes on the
          cluster itself; revoke the token there too.
        </p>
        <TextField
          label={`Type "${cluster.name}" to confirm`}
          name="confirmName"
          value={confirmName}
          onChange={(e) => setConfirmName(e.target.value)}
          autoComplete="off"
          errors={fieldErrors.confirmName}
        />
        {confirmName === cluster.name ? (
          <ConfirmButton
            label="Remove cluster"
            title={`Remove ${cluster.name}?`}
            body="It leaves the overview, the map, placement and the registry, and is no longer synced. Its revenue ledger, electricity costs and history are kept for earnings and the audit trail."
            confirmLabel="Remove"
            pending={pending}
            onConfirm={() =>
              run(() => removeClusterAction({ clusterId: cluster.id, confirmName }), {
                onSuccess: () => router.push("/clusters"),
              })
            }
          />
        ) : (
          <Button type="button" variant="secondary" disabled>
            Remove cluster
          </Button>
        )}
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
