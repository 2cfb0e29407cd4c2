"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { config as configureZod } from "zod";
import { ToastProvider } from "@/components/ui/toast";

// Zod compiles object schemas with `new Function` when it may, and probes for that with a
// `Function("")` the Content Security Policy refuses (and reports) in the browser: ask it not to.
if (typeof window !== "undefined") configureZod({ jitless: true });

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: true,
        // Up to three retries, waiting 1 s, 2 s, 4 s (capped at 10 s) between them.
        retry: 3,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
      },
    },
  });
}

/** The browser-side context every page shares: one query client (polling, refresh) and the toasts. */
export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab, kept across re-renders.
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
