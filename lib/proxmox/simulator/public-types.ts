// The runtime handles the simulator hands to tests, the demo and the CLI.

export interface StartOptions {
  /** Address to listen on (default 127.0.0.1). Also used in the URLs handed out. */
  host?: string;
  /** Multiplies every task duration and the 401 delay; 0.01 makes a 2 s start take 20 ms. */
  timeScale?: number;
  /** Ignore fixed ports in the spec and use ephemeral ones (tests beside a running demo). */
  ephemeralPorts?: boolean;
  /** Delay before a 401 answer, as pveproxy does (default 3000 ms × timeScale). */
  authFailureDelayMs?: number;
  /**
   * Keep each cluster's CA and leaf certificate in this folder and reuse them on the next start,
   * so fingerprints pinned by a running Sovereign stay valid across simulator restarts.
   */
  certDir?: string;
  /** Clock used for uptimes, task times and load noise (default Date.now). */
  now?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received. */
  path: string;
  hadAuthorization: boolean;
  /** The token id of a well-formed Authorization header (never its secret). */
  tokenId?: string | undefined;
  /** The parameters (query and body) a request carried, as received, once it was parsed. */
  params?: Readonly<Record<string, string>> | undefined;
  status: number;
  at: number;
}

export interface SimulatedToken {
  tokenId: string;
  secret: string;
  /** Ready-to-send Authorization header value. */
  header: string;
  privsep: boolean;
}

export interface FaultState {
  latencyMs: number;
  down: boolean;
  hang: boolean;
  errorRate: number;
  errorStatus: number;
  offlineNodes: string[];
  failedDisks: Array<{ node: string; devpath: string }>;
  certRotations: number;
}

export interface GuestView {
  vmid: number;
  type: "qemu" | "lxc";
  name: string;
  node: string;
  status: "running" | "stopped" | "unknown";
  lock?: string;
  tags: string[];
}

export interface TaskView {
  upid: string;
  node: string;
  type: string;
  id: string;
  user: string;
  status: "running" | "stopped";
  exitstatus?: string;
}

export interface SimulatedCluster {
  readonly name: string;
  /** e.g. https://127.0.0.1:18006 */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** SHA-256 of the current leaf certificate, `AA:BB:…` as PVE shows it. */
  readonly fingerprint: string;
  /** The cluster's own CA (pve-root-ca.pem). */
  readonly caPem: string;
  /** The current leaf certificate (pve-ssl.pem). */
  readonly certPem: string;
  /** Plain-HTTP control endpoint (fault injection), e.g. http://127.0.0.1:19006 */
  readonly controlUrl: string;
  readonly tokens: readonly SimulatedToken[];
  /** Free-form site data from the spec. */
  readonly site: Record<string, unknown> | undefined;
  /** Every HTTP request the API server parsed, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** TLS handshakes completed (a pinned client that aborts still completes one). */
  readonly tlsHandshakes: number;
  /** TCP connections accepted by the API listener. */
  readonly connections: number;
  clearRequests(): void;

  // Fault injection (also reachable through controlUrl).
  setLatency(ms: number): void;
  /** Close the listener (connections refused) or reopen it on the same port. */
  setDown(down: boolean): Promise<void>;
  /** Accept connections and requests but never answer. */
  setHang(hang: boolean): void;
  /** Answer this share (0..1) of API requests with `status` (default 500). */
  setErrorRate(rate: number, status?: number): void;
  setNodeOnline(node: string, online: boolean): void;
  /** SMART health FAILED on one disk (default: the node's first disk). Returns its devpath. */
  failDisk(node: string, devpath?: string): string;
  /** New leaf certificate from the same CA; returns the new fingerprint. */
  rotateCertificate(): Promise<string>;
  /** Clear every fault (keeps guest state and tasks). */
  reset(): Promise<void>;
  faults(): FaultState;

  // State inspection for tests.
  guests(): GuestView[];
  guest(vmid: number): GuestView | undefined;
  tasks(): TaskView[];
}

export interface RunningSimulator {
  readonly clusters: readonly SimulatedCluster[];
  /** Throws when no cluster has that name. */
  cluster(name: string): SimulatedCluster;
  close(): Promise<void>;
}
