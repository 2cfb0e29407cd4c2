import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the plan" blocks={["h-20", "h-20", "h-20"]} />;
}
