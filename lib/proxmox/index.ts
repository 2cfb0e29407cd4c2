// The Proxmox VE client's public surface. The simulator lives in ./simulator and is imported
// from there directly (tests, demo), so production code does not pull it in.
//
//   const { fingerprint } = await fetchFingerprint(url);          // shown to the admin once
//   const client = new ProxmoxClient({ url, token: { id, secret }, fingerprint });
//   const guests = await getClusterResources(client, "vm");
//   const upid = await startGuest(client, { node: "pve1", kind: "qemu", vmid: 100 });
//   const { ok, exitstatus } = await waitForTask(client, upid, { onProgress });
//   client.close();
//
// Every failure is a ProxmoxError subclass; branch on `err.code`.
export * from "./errors";
export { describeProxmoxFailure } from "./describe";
export { ProxmoxClient, apiPath, checkToken, encodeParams } from "./client";
export type { CallOptions, Params, ParamValue, ProxmoxClientOptions, ProxmoxToken, RequestLogEntry } from "./client";
export { fetchFingerprint, isFingerprint, normalizeFingerprint, parseTarget } from "./tls";
export type { PeerCertificateInfo } from "./tls";
export { formatUpid, isUpid, parseUpid, splitTaskUser } from "./upid";
export type { Upid } from "./upid";
export * from "./schemas";
export * from "./guest-schemas";
export * from "./cluster";
export * from "./nodes";
export * from "./guests";
export * from "./migrate";
export * from "./tasks";
export * from "./access";
export * from "./migration-grants";
export { scrubCredentials, scrubText } from "./scrub";
