import { describe, expect, it } from "vitest";
import { compareWithGrants, MIGRATION_TOKEN_GRANTS } from "@/lib/proxmox";
import { migrationPveumCommands } from "./migration-privileges";

describe("the migration token's grants", () => {
  it("the commands grant each documented privilege on its path, and nothing else", () => {
    const commands = migrationPveumCommands().join("\n");
    for (const grant of MIGRATION_TOKEN_GRANTS) {
      expect(commands).toContain(`pveum role add ${grant.role} --privs "${grant.privileges.join(",")}"`);
      expect(commands).toContain(
        `pveum acl modify ${grant.path} --tokens 'sovereign-migrate@pve!incoming' --roles ${grant.role}`,
      );
    }
    expect(commands).toContain(
      "pveum acl modify / --tokens 'sovereign-migrate@pve!incoming' --roles SovereignMigrationIncoming --propagate 0",
    );
    expect(commands).not.toMatch(/VM\.PowerMgmt|VM\.Migrate|Sys\.Modify|VM\.Audit/);
  });

  it("compareWithGrants finds what is missing and what is too much", () => {
    const exact = {
      "/": { "Sys.Audit": 0, "Sys.Incoming": 0 },
      "/vms": { "VM.Allocate": 1 },
      "/storage": { "Datastore.AllocateSpace": 1 },
      "/sdn/zones/localnetwork": { "SDN.Use": 1 },
    };
    expect(compareWithGrants(exact)).toEqual({ missing: [], extra: [] });
    expect(compareWithGrants({ ...exact, "/vms": { "VM.Allocate": 1, "VM.PowerMgmt": 1 } }).extra).toEqual([
      "VM.PowerMgmt on /vms",
    ]);
    expect(compareWithGrants({ ...exact, "/": { "Sys.Audit": 1, "Sys.Incoming": 0 } }).extra).toEqual([
      "Sys.Audit below /",
    ]);
    expect(compareWithGrants({ ...exact, "/storage": {} }).missing).toEqual(["Datastore.AllocateSpace on /storage"]);
  });
});
