"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { deleteWorkloadAction } from "@/lib/placement/workloads/actions";

export function DeleteWorkloadButton({ workloadId, name }: { workloadId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmButton
        label="Delete workload"
        title={`Delete ${name}?`}
        body="Its guests keep running where they are; the planner stops placing them. Saved plans keep their moves."
        confirmLabel="Delete"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await deleteWorkloadAction({ workloadId });
            if (result.ok) router.push("/placement/workloads");
            else setError(result.message);
          })
        }
      />
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
