import { describe, expect, it } from "vitest";
import { can, isAuthorOrAdmin, PERMISSIONS, ROLES } from "./permissions";

const ADMIN_ONLY = [
  "team.view",
  "team.invite",
  "team.revoke-invitation",
  "team.change-role",
  "team.set-disabled",
  "team.manage-access",
  "team.limit-clusters",
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

describe("isAuthorOrAdmin", () => {
  const author = "00000000-0000-4000-8000-000000000001";
  const other = "00000000-0000-4000-8000-000000000002";

  it("lets the author steer, whatever their role", () => {
    for (const role of ROLES) expect(isAuthorOrAdmin({ id: author, role }, author)).toBe(true);
  });

  it("lets an admin steer what someone else authored, and nobody else", () => {
    expect(isAuthorOrAdmin({ id: other, role: "admin" }, author)).toBe(true);
    expect(isAuthorOrAdmin({ id: other, role: "operator" }, author)).toBe(false);
    expect(isAuthorOrAdmin({ id: other, role: "viewer" }, author)).toBe(false);
  });

  it("fails closed without an author", () => {
    expect(isAuthorOrAdmin({ id: other, role: "operator" }, null)).toBe(false);
    expect(isAuthorOrAdmin({ id: other, role: "operator" }, undefined)).toBe(false);
    expect(isAuthorOrAdmin({ id: other, role: "admin" }, null)).toBe(true);
  });
});
