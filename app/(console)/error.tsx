"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card title="This page could not be loaded">
      <p className="text-sm text-muted">
        Something went wrong on our side. Try again; if it keeps failing, the server log has the details.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
