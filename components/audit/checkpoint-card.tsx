import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormattedDate } from "@/components/ui/formatted-date";

export interface CheckpointSummary {
  enabled: boolean;
  publicKey: string | null;
  count: number;
  last: { seq: string; at: Date; hash: string } | null;
}

/** Where the chain's signed checkpoints stand, and the download that lets anyone check them. */
export function CheckpointCard({ summary }: { summary: CheckpointSummary }) {
  return (
    <Card title="Signed checkpoints" className="mb-4">
      <div className="space-y-2 text-sm" data-testid="audit-checkpoints">
        {!summary.enabled && (
          <p className="text-danger">
            Checkpoints are off: AUDIT_SIGNING_KEY is not set, so cutting off the newest events would go unnoticed.
          </p>
        )}
        {summary.last ? (
          <p>
            {summary.count} checkpoint{summary.count === 1 ? "" : "s"}; the last covers event #{summary.last.seq},
            signed <FormattedDate value={summary.last.at} />.
          </p>
        ) : (
          <p className="text-muted">No checkpoint yet: the worker signs the chain&apos;s head every five minutes.</p>
        )}
        {summary.publicKey && (
          <p className="break-all">
            Public key (Ed25519, base64 SPKI): <code className="text-xs">{summary.publicKey}</code>
          </p>
        )}
        <p className="text-muted">
          Keep a copy outside this server;{" "}
          <code>npm run audit:verify -- --checkpoints &lt;file&gt; --public-key &lt;key&gt;</code> checks the chain
          against it.
        </p>
        <a href="/audit/checkpoints" download className={buttonClass("secondary")}>
          Download checkpoints (JSON)
        </a>
      </div>
    </Card>
  );
}
