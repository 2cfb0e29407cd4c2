// Response schemas for guests (qemu VMs, LXC containers) and tasks, from the PVE 9.1 API
// schema's `returns` (checked by schemas.test.ts) and PVE-API-NOTES.md for what it omits.
import { z } from "zod";
import { bool, int, looseEnum, num, optArray, optObject, record, str, strictEnum } from "./lenient";
import { isUpid } from "./upid";

// Guest status is running|stopped in the schema; /cluster/resources also reports "unknown" for
// guests on an offline node, and older releases had "paused" in places: stay loose.
const guestStatus = looseEnum(["running", "stopped", "unknown"]);

const commonGuestFields = {
  vmid: int.req,
  status: guestStatus.req,
  name: str.opt,
  cpus: num.opt,
  cpu: num.opt,
  mem: num.opt,
  maxmem: num.opt,
  maxdisk: num.opt,
  diskread: num.opt,
  diskwrite: num.opt,
  netin: num.opt,
  netout: num.opt,
  uptime: num.opt,
  lock: str.opt,
  tags: str.opt,
  template: bool.opt,
  pressurecpusome: num.opt,
  pressureiosome: num.opt,
  pressureiofull: num.opt,
  pressurememorysome: num.opt,
  pressurememoryfull: num.opt,
};

const qemuOnlyFields = {
  memhost: num.opt,
  pid: int.opt,
  qmpstatus: str.opt,
  "running-machine": str.opt,
  "running-qemu": str.opt,
  serial: bool.opt,
  pressurecpufull: num.opt,
};

const lxcOnlyFields = {
  disk: num.opt,
  maxswap: num.opt,
};

export const qemuListEntrySchema = z.object({ ...commonGuestFields, ...qemuOnlyFields });
export const lxcListEntrySchema = z.object({ ...commonGuestFields, ...lxcOnlyFields });

/** HA state of a guest as status/current reports it. */
const haSchema = z.object({
  managed: bool.req,
  state: str.opt,
  group: str.opt,
});

export const qemuStatusSchema = z.object({
  ...commonGuestFields,
  ...qemuOnlyFields,
  ha: haSchema,
  agent: bool.opt,
  spice: bool.opt,
  clipboard: str.opt,
});

export const lxcStatusSchema = z.object({ ...commonGuestFields, ...lxcOnlyFields, ha: haSchema });

const blockingHaResource = z.object({ sid: str.req, cause: str.req });

export const qemuMigratePrecheckSchema = z.object({
  running: bool.req,
  allowed_nodes: optArray(str.req),
  not_allowed_nodes: optObject(
    record(
      z.object({
        unavailable_storages: optArray(str.req),
        "blocking-ha-resources": optArray(blockingHaResource),
      }),
    ),
  ),
  local_disks: z.array(z.object({ volid: str.req, size: num.req, cdrom: bool.req, is_unused: bool.req })),
  local_resources: z.array(str.req),
  "mapped-resources": z.array(str.req),
  // Both added in 9.x; optional so 8.x clusters of a mixed federation still parse.
  "mapped-resource-info": optObject(record(z.unknown())),
  "has-dbus-vmstate": bool.opt,
  "dependent-ha-resources": optArray(str.req),
});

export const lxcMigratePrecheckSchema = z.object({
  running: bool.req,
  "allowed-nodes": optArray(str.req),
  "not-allowed-nodes": optObject(record(z.object({ "blocking-ha-resources": optArray(blockingHaResource) }))),
  "dependent-ha-resources": optArray(str.req),
});

/** What every guest action and migration returns: the id of the task doing the work. */
export const upidSchema = z.string().refine(isUpid, { message: "expected a task id (UPID)" });

/** A task's UPID and the fields PVE decodes from it, as a node's task endpoints report them. */
const nodeTaskFields = {
  upid: str.req,
  node: str.req,
  pid: int.req,
  pstart: int.req,
  starttime: int.req,
  type: str.req,
  id: str.req,
  user: str.req,
};

export const taskStatusSchema = z.object({
  ...nodeTaskFields,
  tokenid: str.opt,
  status: strictEnum(["running", "stopped"]).req,
  // Only once stopped: "OK", "WARNINGS: <n>", "unexpected status" or the error text.
  exitstatus: str.opt,
});

export const taskLogLineSchema = z.object({ n: int.req, t: str.req });

export const nodeTaskSchema = z.object({
  ...nodeTaskFields,
  endtime: int.opt,
  status: str.opt,
});

/** /cluster/tasks: the schema documents only `upid`; the rest is what PVE's code emits. */
export const clusterTaskSchema = z.object({
  upid: str.req,
  node: str.opt,
  pid: int.opt,
  starttime: int.opt,
  type: str.opt,
  id: str.opt,
  user: str.opt,
  tokenid: str.opt,
  // Emitted as "0"/"1" strings by INotify's worker list.
  saved: bool.opt,
  endtime: int.opt,
  status: str.opt,
});

export type QemuListEntry = z.output<typeof qemuListEntrySchema>;
export type LxcListEntry = z.output<typeof lxcListEntrySchema>;
export type QemuStatus = z.output<typeof qemuStatusSchema>;
export type LxcStatus = z.output<typeof lxcStatusSchema>;
export type QemuMigratePrecheck = z.output<typeof qemuMigratePrecheckSchema>;
export type LxcMigratePrecheck = z.output<typeof lxcMigratePrecheckSchema>;
export type TaskStatus = z.output<typeof taskStatusSchema>;
export type TaskLogLine = z.output<typeof taskLogLineSchema>;
export type NodeTask = z.output<typeof nodeTaskSchema>;
export type ClusterTask = z.output<typeof clusterTaskSchema>;
