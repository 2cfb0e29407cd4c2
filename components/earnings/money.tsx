"use client";
import { useSyncExternalStore } from "react";
import { formatUsd } from "@/lib/format/money";

const subscribe = () => () => {};

/**
 * A dollar amount in the reader's locale. The server renders en-US and the browser replaces it
 * after hydration (as FormattedDate does), so there is no mismatch. Null reads as a word, never 0.
 */
export function Usd({ value, empty = "not converted" }: { value: number | null; empty?: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => (value === null ? empty : formatUsd(value)),
    () => (value === null ? empty : formatUsd(value, { locale: "en-US" })),
  );
  return <span className={value === null ? "text-warn" : "tabular-nums"}>{text}</span>;
}

export function Count({ value }: { value: number }) {
  const text = useSyncExternalStore(
    subscribe,
    () => value.toLocaleString(),
    () => value.toLocaleString("en-US"),
  );
  return <span className="tabular-nums">{text}</span>;
}
