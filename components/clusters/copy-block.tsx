"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Preformatted text with a copy button: pveum commands, fingerprints. */
export function CopyBlock({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <pre
        className="overflow-x-auto rounded-md border border-border bg-bg p-3 font-mono text-xs leading-relaxed"
        aria-label={label}
      >
        {text}
      </pre>
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(text).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : `Copy ${label.toLowerCase()}`}
      </Button>
    </div>
  );
}
