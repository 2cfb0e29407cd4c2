"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { inspectClusterAction, replaceClusterTokenAction } from "@/lib/clusters/actions";
import type { InspectResult } from "@/lib/clusters/inspect";
import { InspectionReport } from "./inspection-report";
import { useServerAction } from "@/components/ui/use-server-action";

/** A new token is checked against the pinned certificate before it replaces the old one. */
export function ReplaceTokenForm({
  cluster,
}: {
  cluster: { id: string; apiUrl: string; tokenId: string; fingerprint: string; trustMode: "pinned" | "ca" };
}) {
  const { pending, message, fieldErrors, run } = useServerAction({ toast: false });
  const [checked, setChecked] = useState<{ tokenId: string; tokenSecret: string; result: InspectResult } | null>(null);
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onChange={() => setChecked(null)}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const tokenId = String(form.get("tokenId") ?? "");
          const tokenSecret = String(form.get("tokenSecret") ?? "");
          run(
            () =>
              inspectClusterAction({
                apiUrl: cluster.apiUrl,
                tokenId,
                tokenSecret,
                // The token goes only to the certificate the cluster is trusted by.
                fingerprint: cluster.fingerprint,
                trustMode: cluster.trustMode,
              }),
            {
              success: (data) => (data.ok ? null : { error: `Could not reach the cluster: ${data.message}` }),
              onSuccess: (data) => {
                if (data.ok) setChecked({ tokenId, tokenSecret, result: data.result });
              },
            },
          );
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Token id"
            name="tokenId"
            required
            defaultValue={cluster.tokenId}
            autoComplete="off"
            errors={fieldErrors.tokenId}
          />
          <TextField
            label="New token secret"
            name="tokenSecret"
            type="password"
            required
            autoComplete="off"
            errors={fieldErrors.tokenSecret}
          />
        </div>
        <Button type="submit" variant="secondary" pending={pending && !checked}>
          Check the new token
        </Button>
      </form>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {checked && (
        <div className="space-y-3">
          <InspectionReport result={checked.result} />
          {checked.result.connection.ok && (
            <Button
              type="button"
              pending={pending}
              onClick={() =>
                run(
                  () =>
                    replaceClusterTokenAction({
                      clusterId: cluster.id,
                      tokenId: checked.tokenId,
                      tokenSecret: checked.tokenSecret,
                    }),
                  { success: "Token replaced.", onSuccess: () => setChecked(null) },
                )
              }
            >
              Use this token
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
