/** A grey block standing in for content that is loading. */
export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-border/60 ${className}`} />;
}

/** A page's loading state: a title bar and one block per widget. */
export function PageSkeleton({ label = "Loading", blocks = ["h-40"] }: { label?: string; blocks?: string[] }) {
  return (
    <div aria-busy="true" aria-label={label} className="space-y-4">
      <Skeleton className="h-8 w-48" />
      {blocks.map((block, index) => (
        <Skeleton key={index} className={`${block} w-full rounded-lg`} />
      ))}
    </div>
  );
}
