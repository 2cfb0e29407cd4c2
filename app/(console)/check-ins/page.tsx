import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Check-ins" };

export default function Page() {
  return (
    <NotBuilt
      title="Check-ins"
      issue={5}
      purpose="Site visits recorded from a phone: the nearest site from the browser's location, a status and a note."
    />
  );
}
