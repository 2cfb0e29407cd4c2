"use client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { setMigrationTokenAction } from "@/lib/clusters/actions";
import { CopyBlock } from "./copy-block";

/**
 * The token remote migrations into this cluster use. It is handed to the source cluster, so it
 * holds only what receiving a migration needs; the console token never leaves Sovereign.
 */
export function MigrationTokenForm({
  cluster,
  commands,
}: {
  cluster: { id: string; migrationTokenId: string | null };
  commands: string[];
}) {
  const { pending, message, fieldErrors, run } = useServerAction({ toast: false });
  return (
    <div className="space-y-4 text-sm">
      <p data-testid="migration-token-status">
        {cluster.migrationTokenId ? (
          <>
            Guests migrated here use <span className="font-mono">{cluster.migrationTokenId}</span>.
          </>
        ) : (
          "No migration token yet: guests cannot be moved to this cluster."
        )}
      </p>
      <details open={!cluster.migrationTokenId}>
        <summary className="cursor-pointer font-semibold">Create a migration-only token</summary>
        <p className="my-2 text-muted">
          Run these as root on any node of this cluster. The token gets Sys.Audit and Sys.Incoming on / (not below),
          VM.Allocate on /vms, Datastore.AllocateSpace on /storage and SDN.Use on /sdn/zones/localnetwork: only what
          receiving a migration needs. The secret is shown once by the token command.
        </p>
        <CopyBlock text={commands.join("\n")} label="Migration token commands" />
      </details>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          run(
            () =>
              setMigrationTokenAction({
                clusterId: cluster.id,
                tokenId: String(form.get("tokenId") ?? ""),
                tokenSecret: String(form.get("tokenSecret") ?? ""),
              }),
            { success: "Migration token saved." },
          );
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Migration token id"
            name="tokenId"
            required
            defaultValue={cluster.migrationTokenId ?? "sovereign-migrate@pve!incoming"}
            autoComplete="off"
            errors={fieldErrors.tokenId}
          />
          <TextField
            label="Migration token secret"
            name="tokenSecret"
            type="password"
            required
            autoComplete="off"
            errors={fieldErrors.tokenSecret}
            hint="Checked on the cluster, then stored encrypted."
          />
        </div>
        <Button type="submit" variant="secondary" pending={pending}>
          {cluster.migrationTokenId ? "Replace migration token" : "Add migration token"}
        </Button>
      </form>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
