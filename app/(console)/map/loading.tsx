import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the map" blocks={["h-[28rem]", "h-48"]} />;
}
