// A ProxmoxError as one sentence an operator can act on, for actions and task polls alike.
import type { ProxmoxError } from "./errors";

/** "Proxmox refused: VM 101 not running" — Proxmox's own words, which the client already redacted. */
export function describeProxmoxFailure(error: ProxmoxError): string {
  switch (error.code) {
    case "unreachable":
    case "node_unreachable":
      return `The cluster did not answer (${error.message}). Nothing was changed.`;
    case "tls_fingerprint_mismatch":
      return "The cluster presented a different certificate. An admin must compare and accept it before anything can be done.";
    case "unauthenticated":
      return "The cluster rejected Sovereign's API token. An admin must update it.";
    case "forbidden":
      return `Sovereign's token lacks a privilege for this: ${error.message}`;
    default:
      return `Proxmox refused: ${error.message}`;
  }
}
