import { describe, expect, it } from "vitest";
import { checkPrivileges, describeMissing, pveumCommands } from "./privileges";
import { registerInputSchema } from "./schemas";

describe("privileges against what Sovereign needs", () => {
  it("accepts privileges propagated from an ancestor path, not unpropagated ones", () => {
    const full = checkPrivileges({
      "/": {
        "Sys.Audit": true,
        "VM.Audit": true,
        "Datastore.Audit": true,
        "VM.PowerMgmt": true,
        "VM.Migrate": true,
        "VM.Allocate": true,
        "Sys.Incoming": true,
      },
    });
    expect(full.missing).toEqual([]);
    const unpropagated = checkPrivileges({ "/": { "Sys.Audit": true, "VM.Audit": false, "Datastore.Audit": true } });
    expect(unpropagated.can.read).toBe(false);
    expect(unpropagated.missing.map((m) => `${m.privilege} ${m.path}`)).toContain("VM.Audit /vms");
  });

  it("says per group what will not work", () => {
    const lines = describeMissing(
      checkPrivileges({ "/": { "Sys.Audit": true, "VM.Audit": true, "Datastore.Audit": true } }),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Missing VM\.PowerMgmt on \/vms, VM\.Migrate on \/vms: guest actions/);
    expect(lines[1]).toMatch(/Sys\.Incoming on \/: this cluster cannot be the target/);
  });

  it("writes pveum commands for the entered token, never for root@pam", () => {
    const commands = pveumCommands("ops@pve!sov");
    expect(commands[0]).toBe(
      'pveum role add Sovereign --privs "Sys.Audit,VM.Audit,Datastore.Audit,VM.PowerMgmt,VM.Migrate,VM.Allocate,Sys.Incoming"',
    );
    expect(commands).toContain('pveum user token add ops@pve sov --privsep 1 --comment "Sovereign console"');
    expect(commands).toContain("pveum acl modify / --tokens 'ops@pve!sov' --roles Sovereign");
    expect(pveumCommands("root@pam!x").join("\n")).toContain("sovereign@pve");
  });
});

describe("registration input", () => {
  const base = {
    name: "paris",
    apiUrl: "https://pve1.example.net:8006/#v1:0:18",
    tokenId: "sovereign@pve!console",
    tokenSecret: "bdd640fb-0667-4ad1-9c80-317fa3b1799d",
    fingerprint: Array.from({ length: 32 }, () => "ab").join(":"),
    siteName: "Paris",
    role: "primary",
    tier: "1",
    latitude: "48.85",
    longitude: "2.35",
    country: "fr",
    electricityPricePerKwh: "0.21",
    currency: "eur",
    region: "",
    wattsPerNode: "",
    syncIntervalSeconds: "",
  };

  it("normalises the URL, fingerprint and codes, and turns empty optionals into null", () => {
    const parsed = registerInputSchema.parse(base);
    expect(parsed).toMatchObject({
      apiUrl: "https://pve1.example.net:8006",
      country: "FR",
      currency: "EUR",
      tier: 1,
      region: null,
      wattsPerNode: null,
      syncIntervalSeconds: null,
    });
    expect(parsed.fingerprint).toBe(Array.from({ length: 32 }, () => "AB").join(":"));
  });

  it("refuses http, credentials in the URL, a malformed token id and a secret that would break the header", () => {
    for (const bad of [
      { apiUrl: "http://pve1:8006" },
      { apiUrl: "https://root:pw@pve1:8006" },
      { tokenId: "sovereign@pve" },
      { tokenSecret: "abc def;ghi" },
      { tier: "4" },
      { country: "FRA" },
    ]) {
      expect(registerInputSchema.safeParse({ ...base, ...bad }).success).toBe(false);
    }
  });
});
