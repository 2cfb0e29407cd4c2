// Site roles and their labels, in a module with no imports so client components can use it
// without pulling the Proxmox client into the browser bundle.
export const SITE_ROLES = ["primary", "regional_backup", "remote", "edge"] as const;
export type SiteRoleName = (typeof SITE_ROLES)[number];

export const SITE_ROLE_LABELS: Record<SiteRoleName, string> = {
  primary: "Primary",
  regional_backup: "Regional backup",
  remote: "Remote",
  edge: "Edge",
};
