import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading health" blocks={["h-24", "h-64"]} />;
}
