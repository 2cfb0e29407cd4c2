"use client";
// Saves the plan shown as a draft (the server recomputes it under the same what-if) and opens it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { savePlanAction } from "@/lib/placement/plans/actions";
import type { WhatIf } from "@/lib/placement/plans/what-if";

export function SavePlanButton({ whatIf }: { whatIf: WhatIf }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await savePlanAction({ whatIf });
            if (result.ok) router.push(`/placement/plans/${result.data.id}`);
            else setError(result.message);
          })
        }
      >
        Save plan
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
