import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading plans" blocks={["h-20", "h-20", "h-20"]} />;
}
