import { NotBuilt } from "@/components/ui/not-built";

export const metadata = { title: "Clusters" };

export default function Page() {
  return <NotBuilt title="Clusters" issue={4} purpose="Register Proxmox VE clusters, see their nodes, guests, storage and HA state as the background sync last read them, and act on guests." />;
}
