"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useServerAction } from "@/components/ui/use-server-action";
import { verifyAuditChainAction } from "@/lib/audit/actions";

const REASONS = {
  "content-altered": "its content no longer matches its hash",
  "link-broken": "it does not point at the event before it",
} as const;

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
                ? `Chain OK: ${v.checked} events verified.`
                : {
                    error: `Chain broken at event #${v.seq}: ${REASONS[v.reason]}. ${v.checked} events before it are intact.`,
                  },
          })
        }
      >
        {pending ? "Verifying…" : "Verify chain"}
      </Button>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
    </div>
  );
}
