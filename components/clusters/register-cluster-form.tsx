"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { inspectClusterAction, registerClusterAction } from "@/lib/clusters/actions";
import type { InspectResult } from "@/lib/clusters/inspect";
import { InspectionReport } from "./inspection-report";
import { SiteFields, siteValues } from "./site-fields";

interface Connection {
  apiUrl: string;
  tokenId: string;
  tokenSecret: string;
}

/**
 * Two steps: check the connection (fingerprint, token, privileges), then confirm the fingerprint
 * and fill in the site. Changing the address or token sends the admin back to step one, so the
 * fingerprint registered is always the one they saw for that address.
 */
export function RegisterClusterForm() {
  const router = useRouter();
  // Both steps show their outcome inline, beside the form that caused it.
  const { pending, fieldErrors: errors, message, run } = useServerAction({ toast: false, refresh: false });
  const [inspected, setInspected] = useState<{ connection: Connection; result: InspectResult } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const connectionForm = useRef<HTMLFormElement>(null);

  function connectionValues(): Connection {
    const form = new FormData(connectionForm.current ?? undefined);
    return {
      apiUrl: String(form.get("apiUrl") ?? ""),
      tokenId: String(form.get("tokenId") ?? ""),
      tokenSecret: String(form.get("tokenSecret") ?? ""),
    };
  }

  return (
    <div className="space-y-6">
      <Card title="1. Connect">
        <form
          ref={connectionForm}
          className="space-y-3"
          onChange={() => {
            if (inspected) {
              setInspected(null);
              setConfirmed(false);
            }
          }}
          onSubmit={(event) => {
            event.preventDefault();
            const connection = connectionValues();
            const expectedFingerprint = String(new FormData(event.currentTarget).get("expectedFingerprint") ?? "");
            run(() => inspectClusterAction({ ...connection, expectedFingerprint }), {
              success: (data) =>
                data.ok
                  ? null
                  : { error: `Could not reach the cluster (${data.kind.replaceAll("_", " ")}): ${data.message}` },
              onSuccess: (data) => {
                if (!data.ok) return;
                setInspected({ connection, result: data.result });
                setConfirmed(false);
              },
            });
          }}
        >
          <TextField
            label="API URL"
            name="apiUrl"
            type="url"
            required
            placeholder="https://pve1.example.net:8006"
            errors={errors.apiUrl}
            hint="Any node of the cluster; port 8006 unless you changed it."
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Token id"
              name="tokenId"
              required
              placeholder="sovereign@pve!console"
              autoComplete="off"
              errors={errors.tokenId}
            />
            <TextField
              label="Token secret"
              name="tokenSecret"
              type="password"
              required
              autoComplete="off"
              errors={errors.tokenSecret}
              hint="Stored encrypted; never shown again."
            />
          </div>
          <TextField
            label="Expected fingerprint (optional)"
            name="expectedFingerprint"
            autoComplete="off"
            placeholder="AA:BB:…"
            errors={errors.expectedFingerprint}
            hint="If you already have it from the node, Sovereign compares it for you."
          />
          <Button type="submit" pending={pending && !inspected}>
            Check connection
          </Button>
        </form>
        {message && !inspected && (
          <div className="mt-3">
            <Notice tone="error">{message.text}</Notice>
          </div>
        )}
      </Card>

      {inspected && (
        <Card title="2. Review">
          <InspectionReport result={inspected.result} />
        </Card>
      )}

      {inspected && inspected.result.fingerprintMatches !== false && (
        <Card title="3. Confirm and describe the site">
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              run(
                () =>
                  registerClusterAction({
                    ...inspected.connection,
                    fingerprint: inspected.result.certificate.fingerprint,
                    ...siteValues(form),
                  }),
                {
                  onSuccess: () => {
                    router.push("/clusters");
                    router.refresh();
                  },
                },
              );
            }}
          >
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="trust"
                className="mt-1 size-4"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
              />
              <span>
                I compared the fingerprint{" "}
                <span className="break-all font-mono text-xs">{inspected.result.certificate.fingerprint}</span> with the
                cluster&apos;s and trust it.
              </span>
            </label>
            <SiteFields
              errors={errors}
              defaults={{ name: inspected.result.connection.ok ? (inspected.result.connection.clusterName ?? "") : "" }}
            />
            {message && <Notice tone="error">{message.text}</Notice>}
            <Button type="submit" pending={pending} disabled={!confirmed}>
              Register cluster
            </Button>
          </form>
        </Card>
      )}
    </div>
  );
}
