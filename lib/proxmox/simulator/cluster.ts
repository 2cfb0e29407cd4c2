// One simulated cluster: its model, tasks, certificates, the HTTPS API listener, the control
// listener and the fault switches.
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { authenticate, parseTokenHeader } from "./auth";
import type { CertificateAuthority, LeafCertificate } from "./certs";
import { createLeaf } from "./certs";
import { loadOrCreateCerts } from "./cluster-certs";
import { acceptIncomingGuest } from "./cluster-incoming";
import { faultView, guestView, noFaults, taskViews, tokenViews } from "./cluster-views";
import { listen } from "./listen";
import type { Runtime } from "./context";
import { handleControl } from "./control";
import type { ClusterModel, GuestState, NodeState } from "./model";
import { buildModel } from "./model";
import type {
  FaultState,
  GuestView,
  RecordedRequest,
  SimulatedCluster,
  SimulatedToken,
  TaskView,
} from "./public-types";
import { hash32 } from "./rng";
import { handleApi, sendEmpty, type RecordDone } from "./server";
import type { ClusterSpec } from "./spec";
import { TaskManager } from "./tasks";

export interface ClusterOptions {
  host: string;
  timeScale: number;
  authFailureDelayMs: number;
  now: () => number;
  ephemeralPorts: boolean;
  certDir?: string;
  peers: Map<string, ClusterRuntime>;
}

const MAX_RECORDED = 5_000;

export class ClusterRuntime implements Runtime, SimulatedCluster {
  readonly model: ClusterModel;
  readonly workers: TaskManager;
  readonly requests: RecordedRequest[] = [];
  tlsHandshakes = 0;
  connections = 0;
  leaf!: LeafCertificate;
  private originalLeaf!: LeafCertificate;
  ca!: CertificateAuthority;
  port = 0;
  controlPort = 0;
  private api!: https.Server;
  private control!: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<http.ServerResponse>();
  private fault: FaultState = noFaults();
  private errorAccumulator = 0;
  private readonly initialOffline: Set<string>;

  constructor(
    private readonly spec: ClusterSpec,
    seed: number,
    private readonly opts: ClusterOptions,
  ) {
    this.model = buildModel(spec, seed, opts.now());
    this.workers = new TaskManager(opts.now, opts.timeScale, hash32(spec.name));
    this.initialOffline = new Set(this.model.nodes.filter((n) => !n.online).map((n) => n.name));
  }

  get name(): string {
    return this.spec.name;
  }
  get host(): string {
    return this.opts.host;
  }
  get timeScale(): number {
    return this.opts.timeScale;
  }
  get url(): string {
    return `https://${this.urlHost()}:${this.port}`;
  }
  get controlUrl(): string {
    return `http://${this.urlHost()}:${this.controlPort}`;
  }
  get fingerprint(): string {
    return this.leaf.fingerprint;
  }
  get caPem(): string {
    return this.ca.certPem;
  }
  get certPem(): string {
    return this.leaf.certPem;
  }
  get site(): Record<string, unknown> | undefined {
    return this.spec.site;
  }
  get tokens(): SimulatedToken[] {
    return tokenViews(this.model);
  }

  private urlHost(): string {
    return this.opts.host.includes(":") ? `[${this.opts.host}]` : this.opts.host;
  }

  now(): number {
    return this.opts.now();
  }

  localNode(): NodeState {
    const n = this.model.nodes.find((x) => x.online) ?? this.model.nodes[0];
    if (!n) throw new Error(`${this.name}: cluster without nodes`);
    return n;
  }

  peer(host: string, port: number): Runtime | undefined {
    return (
      this.opts.peers.get(`${host}:${port}`) ??
      (host === "localhost" ? this.opts.peers.get(`127.0.0.1:${port}`) : undefined)
    );
  }

  acceptIncomingGuest(guest: GuestState, user: string): string {
    return acceptIncomingGuest(this, guest, user);
  }

  async start(): Promise<void> {
    ({ ca: this.ca, leaf: this.leaf } = await loadOrCreateCerts({
      clusterName: this.name,
      nodeName: this.localNode().name,
      host: this.opts.host,
      certDir: this.opts.certDir,
    }));
    this.originalLeaf = this.leaf;
    this.api = https.createServer({ key: this.leaf.keyPem, cert: this.leaf.certPem });
    this.api.on("secureConnection", () => this.tlsHandshakes++);
    this.api.on("connection", (s: Socket) => {
      this.connections++;
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    this.api.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
      // A bug or a hostile request must cost one 500, never the whole simulator process.
      this.onApi(req, res).catch(() => {
        if (!res.headersSent) sendEmpty(res, 500, "Internal simulator error");
        else res.destroy();
      });
    });
    this.control = http.createServer((req, res) => void handleControl(this, req, res));
    const fixed = !this.opts.ephemeralPorts;
    this.port = await listen(this.api, fixed ? (this.spec.port ?? 0) : 0, this.opts.host);
    this.controlPort = await listen(this.control, fixed ? (this.spec.controlPort ?? 0) : 0, this.opts.host);
  }

  private async onApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.fault.hang) {
      this.record(req.method ?? "GET", req.url ?? "/", req.headers.authorization);
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (this.fault.latencyMs > 0) await new Promise((r) => setTimeout(r, this.fault.latencyMs));
    if (this.fault.errorRate > 0) {
      this.errorAccumulator += this.fault.errorRate;
      if (this.errorAccumulator >= 1) {
        this.errorAccumulator -= 1;
        this.record(req.method ?? "GET", req.url ?? "/", req.headers.authorization)(this.fault.errorStatus);
        sendEmpty(res, this.fault.errorStatus, "Injected failure");
        return;
      }
    }
    await handleApi(
      {
        rt: this,
        authenticate: (h) => authenticate(this.model.tokens, this.model.roles, h, Math.floor(this.now() / 1000)),
        authFailureDelayMs: this.opts.authFailureDelayMs,
        record: (m, p, a) => this.record(m, p, a),
      },
      req,
      res,
    );
  }

  private record(method: string, path: string, authorization: string | undefined): RecordDone {
    const hadAuthorization = authorization !== undefined;
    const tokenId = parseTokenHeader(authorization)?.tokenId;
    const entry: RecordedRequest = { method, path, hadAuthorization, tokenId, status: 0, at: this.now() };
    this.requests.push(entry);
    if (this.requests.length > MAX_RECORDED) this.requests.splice(0, this.requests.length - MAX_RECORDED);
    return (status, params) => Object.assign(entry, { status, params });
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  setLatency(ms: number): void {
    this.fault.latencyMs = Math.max(0, ms);
  }

  async setDown(down: boolean): Promise<void> {
    if (down === this.fault.down) return;
    this.fault.down = down;
    if (down) {
      const closed = new Promise<void>((r) => this.api.close(() => r()));
      for (const s of this.sockets) s.destroy();
      await closed;
    } else {
      await listen(this.api, this.port, this.opts.host);
    }
  }

  setHang(hang: boolean): void {
    this.fault.hang = hang;
    if (!hang) for (const res of this.hanging) res.destroy();
  }

  setErrorRate(rate: number, status = 500): void {
    this.fault.errorRate = Math.min(1, Math.max(0, rate));
    this.fault.errorStatus = status;
    this.errorAccumulator = 0;
  }

  setNodeOnline(node: string, online: boolean): void {
    const n = this.model.nodes.find((x) => x.name === node);
    if (!n) throw new Error(`${this.name}: no node ${node}`);
    n.online = online;
    if (online) n.bootTimeMs = this.now();
    this.fault.offlineNodes = this.model.nodes.filter((x) => !x.online).map((x) => x.name);
    this.model.revision++;
  }

  failDisk(node: string, devpath?: string): string {
    const disk = this.model.disks.find((d) => d.node === node && (!devpath || d.devpath === devpath));
    if (!disk) throw new Error(`${this.name}: no disk ${devpath ?? ""} on ${node}`);
    disk.health = "FAILED";
    this.fault.failedDisks.push({ node, devpath: disk.devpath });
    return disk.devpath;
  }

  async rotateCertificate(): Promise<string> {
    this.leaf = await createLeaf(this.ca, this.localNode().name, this.opts.host, true);
    this.api.setSecureContext({ key: this.leaf.keyPem, cert: this.leaf.certPem });
    // Keep-alive connections would still show the old certificate.
    for (const s of this.sockets) s.destroy();
    this.fault.certRotations++;
    return this.leaf.fingerprint;
  }

  async reset(): Promise<void> {
    this.setLatency(0);
    this.setHang(false);
    this.setErrorRate(0);
    await this.setDown(false);
    for (const n of this.model.nodes)
      if (!n.online && !this.initialOffline.has(n.name)) this.setNodeOnline(n.name, true);
    for (const f of this.fault.failedDisks) {
      const d = this.model.disks.find((x) => x.node === f.node && x.devpath === f.devpath);
      if (d) d.health = "PASSED";
    }
    this.fault.failedDisks = [];
    if (this.leaf !== this.originalLeaf) {
      this.leaf = this.originalLeaf;
      this.api.setSecureContext({ key: this.leaf.keyPem, cert: this.leaf.certPem });
      for (const s of this.sockets) s.destroy();
    }
    this.fault.certRotations = 0;
  }

  faults(): FaultState {
    return faultView(this.fault);
  }

  guests(): GuestView[] {
    return [...this.model.guests.values()].map((g) => guestView(this.model, g));
  }

  guest(vmid: number): GuestView | undefined {
    const g = this.model.guests.get(vmid);
    return g ? guestView(this.model, g) : undefined;
  }

  tasks(): TaskView[] {
    return taskViews(this.workers);
  }

  async close(): Promise<void> {
    this.workers.close();
    this.setHang(false);
    for (const s of this.sockets) s.destroy();
    await Promise.all([
      this.fault.down ? Promise.resolve() : new Promise<void>((r) => this.api.close(() => r())),
      new Promise<void>((r) => this.control.close(() => r())),
    ]);
  }
}
