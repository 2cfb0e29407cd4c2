// Test support (not used by the client): a real HTTPS server with a throwaway self-signed
// certificate that misbehaves on purpose — the inputs the simulator, being faithful to PVE,
// never produces (truncated JSON, HTML pages, huge bodies, slow drips). It records raw bytes
// received so tests can prove what the client sent, or that it sent nothing.
import crypto from "node:crypto";
import type http from "node:http";
import https from "node:https";
import forge from "node-forge";

export interface ThrowawayCert {
  keyPem: string;
  certPem: string;
  /** `AA:BB:…` SHA-256 of the certificate. */
  fingerprint: string;
}

export function makeSelfSignedCert(commonName = "hostile.test"): ThrowawayCert {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = crypto
    .randomBytes(8)
    .toString("hex")
    .replace(/^[89a-f]/, "1");
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const attrs = [{ name: "commonName", value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    {
      name: "subjectAltName",
      altNames: [
        { type: 7, ip: "127.0.0.1" },
        { type: 2, value: "localhost" },
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const fingerprint = new crypto.X509Certificate(certPem).fingerprint256;
  return { keyPem, certPem, fingerprint };
}

export interface HostileServer {
  url: string;
  fingerprint: string;
  /** Every byte received on any connection, decoded as latin1. */
  received(): string;
  /** Number of TCP connections accepted. */
  connections(): number;
  close(): Promise<void>;
}

export type Behaviour = (req: http.IncomingMessage & { body: string }, res: http.ServerResponse) => void;

export async function startHostileServer(cert: ThrowawayCert, behaviour: Behaviour): Promise<HostileServer> {
  let raw = "";
  let connections = 0;
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => behaviour(Object.assign(req, { body }), res));
  });
  // TCP connections: a pinning client may abort before the server sees the handshake finish.
  server.on("connection", () => connections++);
  server.on("secureConnection", (socket) => {
    socket.on("data", (chunk: Buffer) => (raw += chunk.toString("latin1")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("hostile server has no TCP address");
  const { port } = address;
  return {
    url: `https://127.0.0.1:${port}`,
    fingerprint: cert.fingerprint,
    received: () => raw,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
