"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date formatted in the reader's locale and time zone. The server renders ISO (UTC) and the
 * browser replaces it after hydration, so there is no mismatch.
 */
export function FormattedDate({ value, withTime = true }: { value: Date | string; withTime?: boolean }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const iso = date.toISOString();
  const local = useSyncExternalStore(
    subscribe,
    () =>
      date.toLocaleString(undefined, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }),
    () => iso.slice(0, withTime ? 16 : 10).replace("T", " ") + (withTime ? " UTC" : ""),
  );
  return <time dateTime={iso}>{local}</time>;
}
