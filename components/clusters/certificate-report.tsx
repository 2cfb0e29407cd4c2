import { Badge } from "@/components/ui/badge";
import type { CertificateCheck } from "@/lib/clusters/inspect";

/** The certificate fetched without credentials, for the admin to compare before any token is sent. */
export function CertificateReport({ check }: { check: CertificateCheck }) {
  const { certificate, fingerprintMatches } = check;
  return (
    <section className="space-y-2 text-sm" data-testid="certificate-report">
      <p className="text-muted">
        Compare this SHA-256 fingerprint with the one on the node (<code className="font-mono">pvenode cert info</code>{" "}
        or the web UI under Node → System → Certificates). No token has been sent to this address yet.
      </p>
      <p className="break-all rounded-md border border-border bg-bg p-2 font-mono text-xs" data-testid="fingerprint">
        {certificate.fingerprint}
      </p>
      <dl className="grid gap-x-4 gap-y-1 text-xs text-muted sm:grid-cols-[8rem_1fr]">
        <dt>Subject</dt>
        <dd className="break-all">{certificate.subject || "—"}</dd>
        <dt>Issuer</dt>
        <dd className="break-all">{certificate.issuer || "—"}</dd>
        <dt>Valid</dt>
        <dd>
          {certificate.validFrom} → {certificate.validTo}
        </dd>
        <dt>Public CA</dt>
        <dd>
          {certificate.trusted
            ? "valid for this address under the system's certificate authorities"
            : "not trusted by a public CA (Proxmox's own CA): it must be pinned"}
        </dd>
      </dl>
      {fingerprintMatches === true && <Badge tone="ok">matches the fingerprint you expected</Badge>}
      {fingerprintMatches === false && <Badge tone="danger">differs from the fingerprint you expected</Badge>}
    </section>
  );
}
