"use client";
// Saves the plan shown as a draft (the server recomputes it under the same what-if) and opens it.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { savePlanAction } from "@/lib/placement/plans/actions";
import type { WhatIf } from "@/lib/placement/plans/what-if";

export function SavePlanButton({ whatIf }: { whatIf: WhatIf }) {
  const router = useRouter();
  const { pending, run } = useServerAction({ refresh: false });
  return (
    <Button
      pending={pending}
      onClick={() =>
        run(() => savePlanAction({ whatIf }), { onSuccess: (plan) => router.push(`/placement/plans/${plan.id}`) })
      }
    >
      Save plan
    </Button>
  );
}
