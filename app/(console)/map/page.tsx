import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Map" };

export default function Page() {
  return <NotBuilt title="Map" issue={5} purpose="Every site on an offline world map, coloured by health, with the links between sites and the redundancy audit against the federation's distribution rules." />;
}
