"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { inspectClusterAction, registerClusterAction } from "@/lib/clusters/actions";
import type { InspectResult } from "@/lib/clusters/inspect";
import { CertificateStep, type ConfirmedCertificate } from "./certificate-step";
import { InspectionReport } from "./inspection-report";
import { SiteFields, siteValues } from "./site-fields";

interface Connection {
  tokenId: string;
  tokenSecret: string;
}

/**
 * Three steps: confirm the certificate (fetched without credentials), then check the token
 * against that confirmed certificate, then describe the site. Changing the address sends the
 * admin back to step one, so the token only ever goes to the certificate they confirmed.
 */
export function RegisterClusterForm() {
  const router = useRouter();
  // Each step shows its outcome inline, beside the form that caused it.
  const { pending, fieldErrors: errors, message, run } = useServerAction({ toast: false, refresh: false });
  const [certificate, setCertificate] = useState<ConfirmedCertificate | null>(null);
  const [inspected, setInspected] = useState<{ connection: Connection; result: InspectResult } | null>(null);

  return (
    <div className="space-y-6">
      <Card title="1. Certificate">
        <CertificateStep
          confirmed={certificate}
          onConfirm={setCertificate}
          onReset={() => {
            setCertificate(null);
            setInspected(null);
          }}
        />
      </Card>

      {certificate && (
        <Card title="2. Token">
          <form
            className="space-y-3"
            onChange={() => setInspected(null)}
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const connection = {
                tokenId: String(form.get("tokenId") ?? ""),
                tokenSecret: String(form.get("tokenSecret") ?? ""),
              };
              run(() => inspectClusterAction({ ...certificate, ...connection }), {
                success: (data) =>
                  data.ok
                    ? null
                    : { error: `Could not reach the cluster (${data.kind.replaceAll("_", " ")}): ${data.message}` },
                onSuccess: (data) => {
                  if (data.ok) setInspected({ connection, result: data.result });
                },
              });
            }}
          >
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
            <Button type="submit" pending={pending && !inspected}>
              Check connection
            </Button>
          </form>
          {message && !inspected && (
            <div className="mt-3">
              <Notice tone="error">{message.text}</Notice>
            </div>
          )}
          {inspected && (
            <div className="mt-4">
              <InspectionReport result={inspected.result} />
            </div>
          )}
        </Card>
      )}

      {certificate && inspected && (
        <Card title="3. Describe the site">
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              run(() => registerClusterAction({ ...certificate, ...inspected.connection, ...siteValues(form) }), {
                onSuccess: () => {
                  router.push("/clusters");
                  router.refresh();
                },
              });
            }}
          >
            <SiteFields
              errors={errors}
              defaults={{ name: inspected.result.connection.ok ? (inspected.result.connection.clusterName ?? "") : "" }}
            />
            {message && <Notice tone="error">{message.text}</Notice>}
            <Button type="submit" pending={pending}>
              Register cluster
            </Button>
          </form>
        </Card>
      )}
    </div>
  );
}
