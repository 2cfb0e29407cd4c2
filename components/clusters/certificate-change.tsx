"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { acceptClusterFingerprintAction } from "@/lib/clusters/actions";
import { useServerAction } from "@/components/ui/use-server-action";

/** Old and new fingerprints side by side; accepting pins the new one and resumes sync. */
export function CertificateChange({
  clusterId,
  current,
  pending: pendingFingerprint,
}: {
  clusterId: string;
  current: string;
  pending: string;
}) {
  const { pending, message, run } = useServerAction({ toast: false });
  return (
    <div className="space-y-3 text-sm" data-testid="certificate-change">
      <p>
        The cluster now presents a different TLS certificate, so Sovereign stopped syncing it. A renewed certificate is
        normal after <code className="font-mono">pvecm updatecerts</code> or an ACME renewal; an unexpected one may mean
        someone is intercepting the connection. Compare the new fingerprint with the node&apos;s (
        <code className="font-mono">pvenode cert info</code>) before accepting it.
      </p>
      <dl className="grid gap-2 sm:grid-cols-[7rem_1fr]">
        <dt className="text-muted">Pinned</dt>
        <dd className="break-all font-mono text-xs" data-testid="fingerprint-current">
          {current}
        </dd>
        <dt className="text-muted">Presented now</dt>
        <dd className="break-all font-mono text-xs text-warn" data-testid="fingerprint-pending">
          {pendingFingerprint}
        </dd>
      </dl>
      <ConfirmButton
        label="Accept the new certificate"
        variant="secondary"
        title="Accept the new certificate?"
        body={
          <span className="break-all">Sovereign will pin {pendingFingerprint} and resume syncing this cluster.</span>
        }
        confirmLabel="Accept and resume"
        pending={pending}
        onConfirm={() =>
          run(() => acceptClusterFingerprintAction({ clusterId, fingerprint: pendingFingerprint }), {
            success: "New certificate accepted; sync resumes.",
          })
        }
      />
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
