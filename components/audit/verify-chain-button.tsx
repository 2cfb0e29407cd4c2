"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { verifyAuditChainAction } from "@/lib/audit/actions";

const REASONS = {
  "content-altered": "its content no longer matches its hash",
  "link-broken": "it does not point at the event before it",
} as const;

export function VerifyChainButton() {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await verifyAuditChainAction({});
            if (!result.ok) return setNotice({ tone: "error", text: result.message });
            const v = result.data;
            setNotice(
              v.ok
                ? { tone: "ok", text: `Chain OK: ${v.checked} events verified.` }
                : {
                    tone: "error",
                    text: `Chain broken at event #${v.seq}: ${REASONS[v.reason]}. ${v.checked} events before it are intact.`,
                  },
            );
          })
        }
      >
        {pending ? "Verifying…" : "Verify chain"}
      </Button>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
    </div>
  );
}
