import { NAV_ITEMS } from "@/components/layout/nav-items";
import { Shell } from "@/components/layout/shell";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

// Every console page reads the session and the database per request.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission));
  return (
    <Shell items={items} user={{ name: user.name, email: user.email, role: user.role }}>
      {children}
    </Shell>
  );
}
