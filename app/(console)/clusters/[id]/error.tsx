"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

// The page reads Postgres only, so this is our fault, not the cluster's: say so and offer a retry.
export default function ClusterError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card title="This cluster's page could not be loaded">
      <p className="text-sm text-muted">
        Something went wrong on our side while reading the cluster&apos;s synced state. Try again; if it keeps failing,
        the server log has the details.
      </p>
      <div className="mt-4 flex items-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className="text-sm text-accent hover:underline">
          Back to the overview
        </Link>
      </div>
    </Card>
  );
}
