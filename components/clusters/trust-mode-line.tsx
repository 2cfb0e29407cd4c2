/** How Sovereign trusts the cluster's certificate, in words: pinned, or verified by a CA. */
export function TrustModeLine({ trustMode, fingerprint }: { trustMode: "pinned" | "ca"; fingerprint: string }) {
  return (
    <p className="text-sm text-muted" data-testid="trust-mode">
      {trustMode === "pinned" ? (
        <>
          Certificate pinned: only <span className="break-all font-mono text-xs">{fingerprint}</span> is accepted.
        </>
      ) : (
        <>
          Certificate verified by a certificate authority (any valid certificate for this address); at registration it
          was <span className="break-all font-mono text-xs">{fingerprint}</span>.
        </>
      )}
    </p>
  );
}
