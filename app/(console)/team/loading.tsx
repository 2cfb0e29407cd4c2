import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the team" blocks={["h-24", "h-64"]} />;
}
