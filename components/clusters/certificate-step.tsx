"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { fetchClusterCertificateAction } from "@/lib/clusters/actions";
import type { CertificateCheck, TrustMode } from "@/lib/clusters/inspect";
import { CertificateReport } from "./certificate-report";

export interface ConfirmedCertificate {
  apiUrl: string;
  fingerprint: string;
  trustMode: TrustMode;
}

/**
 * Registration's first step: fetch the certificate WITHOUT credentials, show it, and let the
 * admin confirm it (pinned, or explicitly CA-verified). Only then does the token step appear.
 * Any change to the address starts over.
 */
export function CertificateStep({
  confirmed,
  onConfirm,
  onReset,
}: {
  confirmed: ConfirmedCertificate | null;
  onConfirm: (confirmed: ConfirmedCertificate) => void;
  onReset: () => void;
}) {
  const { pending, fieldErrors: errors, message, run } = useServerAction({ toast: false, refresh: false });
  const [fetched, setFetched] = useState<{ apiUrl: string; check: CertificateCheck } | null>(null);
  const [compared, setCompared] = useState(false);
  const [trustMode, setTrustMode] = useState<TrustMode>("pinned");

  function reset() {
    if (!fetched && !confirmed) return;
    setFetched(null);
    setCompared(false);
    setTrustMode("pinned");
    onReset();
  }

  const check = fetched?.check;
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onChange={reset}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const apiUrl = String(form.get("apiUrl") ?? "");
          const expectedFingerprint = String(form.get("expectedFingerprint") ?? "");
          run(() => fetchClusterCertificateAction({ apiUrl, expectedFingerprint }), {
            success: (data) =>
              data.ok
                ? null
                : { error: `Could not reach the cluster (${data.kind.replaceAll("_", " ")}): ${data.message}` },
            onSuccess: (data) => {
              if (data.ok) setFetched({ apiUrl, check: data.result });
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
        <TextField
          label="Expected fingerprint (optional)"
          name="expectedFingerprint"
          autoComplete="off"
          placeholder="AA:BB:…"
          errors={errors.expectedFingerprint}
          hint="If you already have it from the node, Sovereign compares it for you."
        />
        <Button type="submit" variant={fetched ? "secondary" : "primary"} pending={pending}>
          Fetch certificate
        </Button>
      </form>
      {message && !fetched && <Notice tone="error">{message.text}</Notice>}

      {fetched && check && (
        <div className="space-y-3">
          <CertificateReport check={check} />
          {check.fingerprintMatches !== false && !confirmed && (
            <div className="space-y-3">
              <fieldset className="space-y-2 text-sm">
                <legend className="font-semibold">How Sovereign trusts this cluster</legend>
                <label className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="trustMode"
                    className="mt-1 size-4"
                    checked={trustMode === "pinned"}
                    onChange={() => setTrustMode("pinned")}
                  />
                  <span>
                    Pinned: only this exact certificate. A renewed certificate stops the sync until an admin accepts it.
                  </span>
                </label>
                <label className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="trustMode"
                    className="mt-1 size-4"
                    disabled={!check.certificate.trusted}
                    checked={trustMode === "ca"}
                    onChange={() => setTrustMode("ca")}
                  />
                  <span className={check.certificate.trusted ? "" : "text-muted"}>
                    Verified by a certificate authority: any certificate a public CA issues for this address (ACME,
                    renewed automatically).
                    {check.certificate.trusted ? "" : " Not available: no public CA vouches for it."}
                  </span>
                </label>
              </fieldset>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1 size-4"
                  checked={compared}
                  onChange={(e) => setCompared(e.target.checked)}
                />
                <span>
                  I compared the fingerprint{" "}
                  <span className="break-all font-mono text-xs">{check.certificate.fingerprint}</span> with the
                  cluster&apos;s and trust it.
                </span>
              </label>
              <Button
                type="button"
                disabled={!compared}
                onClick={() =>
                  onConfirm({ apiUrl: fetched.apiUrl, fingerprint: check.certificate.fingerprint, trustMode })
                }
              >
                Confirm certificate
              </Button>
            </div>
          )}
          {confirmed && (
            <Notice tone="ok">
              Certificate confirmed ({confirmed.trustMode === "pinned" ? "pinned" : "verified by a CA"}). Now the token.
            </Notice>
          )}
        </div>
      )}
    </div>
  );
}
