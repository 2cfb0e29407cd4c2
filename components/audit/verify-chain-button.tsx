"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { verifyAuditChainAction } from "@/lib/audit/actions";

export function VerifyChainButton() {
  // The verdict stays inline under the button: it is the page's answer, not a passing note.
  const { pending, message: notice, run } = useServerAction({ toast: false, refresh: false });
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() =>
          run(() => verifyAuditChainAction({}), {
            success: (v) =>
              v.ok
                ? `Chain OK: ${v.checked} events verified. ${v.checkpoints}`
                : { error: [v.chain, v.checkpointsFailed ? v.checkpoints : null].filter(Boolean).join(" ") },
          })
        }
      >
        {pending ? "Verifying…" : "Verify chain"}
      </Button>
      {notice && (
        <Notice tone={notice.tone}>
          <span data-testid="audit-verdict">{notice.text}</span>
        </Notice>
      )}
    </div>
  );
}
