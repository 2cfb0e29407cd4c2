export default function ClusterLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the cluster" className="space-y-4">
      <div className="h-8 w-56 animate-pulse rounded bg-border" />
      <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
        <div className="h-44 animate-pulse rounded-lg bg-border/60" />
        <div className="h-44 animate-pulse rounded-lg bg-border/60" />
      </div>
      <div className="h-32 animate-pulse rounded-lg bg-border/60" />
      <div className="h-96 animate-pulse rounded-lg bg-border/60" />
    </div>
  );
}
