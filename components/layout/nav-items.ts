import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** Every capability in DESIGN.md; the shell shows those the member's role may use. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview", permission: "console.view" },
  { href: "/map", label: "Map", permission: "console.view" },
  { href: "/clusters", label: "Clusters", permission: "console.view" },
  { href: "/placement", label: "Placement", permission: "console.view" },
  { href: "/earnings", label: "Earnings", permission: "console.view" },
  { href: "/governance", label: "Governance", permission: "console.view" },
  { href: "/health", label: "Health", permission: "console.view" },
  { href: "/check-ins", label: "Check-ins", permission: "console.view" },
  { href: "/team", label: "Team", permission: "team.view" },
  { href: "/audit", label: "Audit", permission: "audit.view" },
  { href: "/settings", label: "Settings", permission: "account.change-password" },
];
