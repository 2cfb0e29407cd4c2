import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading earnings" blocks={["h-24", "h-72", "h-64"]} />;
}
