"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";

/**
 * Re-renders the page's server components every `intervalMs` while the tab is visible, and once
 * when it comes back into focus, so figures from the sync (or a vote's tally) appear without a
 * reload. Pages read Postgres only, so a refresh never waits on a cluster.
 */
export function LiveRefresh({ intervalMs = 5_000 }: { intervalMs?: number }) {
  const router = useRouter();
  const pathname = usePathname();
  useQuery({
    queryKey: ["live-refresh", pathname, intervalMs],
    queryFn: () => {
      router.refresh();
      return Date.now();
    },
    // The page was just rendered: the first refresh is due one interval from now.
    initialData: Date.now,
    refetchOnMount: false,
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });
  return null;
}
