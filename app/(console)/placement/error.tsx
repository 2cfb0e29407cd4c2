"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

// The planner reads Postgres and runs the engine in-process: a failure is ours. Say so, offer a retry.
export default function PlacementError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card title="The plan could not be computed">
      <p className="text-sm text-muted">
        Something went wrong on our side while reading the federation or solving the plan. Try again; if it keeps
        failing, the server log has the details.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/placement" className="text-sm text-accent hover:underline">
          Drop the what-if
        </Link>
      </div>
    </Card>
  );
}
