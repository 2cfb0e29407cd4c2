import { z } from "zod";

export const POWER_ACTIONS = ["start", "shutdown", "stop", "reboot"] as const;
export type GuestPowerAction = (typeof POWER_ACTIONS)[number];

const clusterId = z.uuid({ message: "Not a cluster id." });
// PVE's own bounds for a vmid.
const vmid = z.coerce.number().int().min(100).max(999_999_999);
// A PVE node name (pve-node format): letters, digits and hyphens.
const nodeName = z.string().regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/, { message: "Not a node name." });

export const guestRefSchema = z.object({ clusterId, vmid });
export const guestPowerInputSchema = guestRefSchema.extend({ action: z.enum(POWER_ACTIONS) });
export const guestMigrateInputSchema = guestRefSchema.extend({ target: nodeName, online: z.boolean().default(true) });
export const taskRefSchema = z.object({ clusterId, upid: z.string().min(10).max(300) });

export type GuestPowerInput = z.infer<typeof guestPowerInputSchema>;
export type GuestMigrateInput = z.infer<typeof guestMigrateInputSchema>;
