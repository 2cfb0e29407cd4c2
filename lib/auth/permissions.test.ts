import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "./permissions";

const ADMIN_ONLY = [
  "team.view",
  "team.invite",
  "team.revoke-invitation",
  "team.change-role",
  "team.set-disabled",
  "audit.view",
  "audit.verify",
  "clusters.manage",
  "settings.manage",
  "governance.enact-emergency",
  "governance.manage-weights",
  "map.manage-links",
  "earnings.manage-keys",
  "earnings.manage-networks",
  "placement.manage",
];
const OPERATORS_AND_ADMINS = [
  "guests.act",
  "clusters.sync",
  "governance.propose",
  "earnings.import",
  "placement.plan",
  "placement.apply",
];

describe("permission matrix", () => {
  it.each(PERMISSIONS.flatMap((permission) => ROLES.map((role) => [role, permission] as const)))(
    "%s × %s",
    (role, permission) => {
      const expected = ADMIN_ONLY.includes(permission)
        ? role === "admin"
        : OPERATORS_AND_ADMINS.includes(permission)
          ? role !== "viewer"
          : true;
      expect(can(role, permission)).toBe(expected);
    },
  );

  it("refuses a missing role and an unknown permission", () => {
    expect(can(null, "console.view")).toBe(false);
    expect(can(undefined, "console.view")).toBe(false);
    expect(can("admin", "no.such.permission" as never)).toBe(false);
  });
});
