// Per-cluster private CA and leaf certificate, shaped like PVE's pve-root-ca.pem and
// pve-ssl.pem. node-forge builds the X.509 structures; signing and key generation use Node's
// native crypto because forge's pure-JS RSA is far too slow for 100 clusters.
import { generateKeyPair, sign, X509Certificate, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";

const generateKeyPairAsync = promisify(generateKeyPair);

interface KeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

// RSA-2048 generation costs ~100 ms of CPU. Past this many keys, clusters share key material
// (their certificates, subjects and fingerprints still differ), so 100 clusters start quickly.
const KEY_POOL_SIZE = 16;
const keyPool: Array<Promise<KeyPair>> = [];
let keyCounter = 0;

function freshKeyPair(): Promise<KeyPair> {
  return generateKeyPairAsync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  }).then(({ publicKey, privateKey }) => ({ publicKeyPem: publicKey, privateKeyPem: privateKey }));
}

function pooledKeyPair(): Promise<KeyPair> {
  const i = keyCounter++;
  if (keyPool.length < KEY_POOL_SIZE) {
    const p = freshKeyPair();
    keyPool.push(p);
    return p;
  }
  const p = keyPool[i % KEY_POOL_SIZE];
  if (!p) throw new Error("key pool is empty");
  return p;
}

export interface CertificateAuthority {
  certPem: string;
  key: KeyPair;
  subject: forge.pki.CertificateField[];
}

export interface LeafCertificate {
  certPem: string;
  keyPem: string;
  fingerprint: string;
  notBefore: number;
  notAfter: number;
  subject: string;
  issuer: string;
  san: string[];
}

// getTBSCertificate is public in node-forge but missing from @types/node-forge.
const getTbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 })
  .getTBSCertificate;

function signCertificate(cert: forge.pki.Certificate, privateKeyPem: string): string {
  cert.signatureOid = forge.pki.oids.sha256WithRSAEncryption ?? "1.2.840.113549.1.1.11";
  cert.siginfo.algorithmOid = cert.signatureOid;
  const tbs = getTbs(cert);
  const der = Buffer.from(forge.asn1.toDer(tbs).getBytes(), "binary");
  cert.signature = sign("sha256", der, privateKeyPem).toString("binary");
  return forge.pki.certificateToPem(cert);
}

function serial(): string {
  // Positive 16-byte serial: clear the top bit so DER does not read it as negative.
  const b = randomBytes(16);
  b[0] = (b[0] ?? 0) & 0x7f;
  return b.toString("hex");
}

export async function createCa(clusterName: string): Promise<CertificateAuthority> {
  const key = await pooledKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(key.publicKeyPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  // PVE's CA has this CN/O and a random OU; the cluster name in the OU keeps CAs apart.
  const subject = [
    { name: "commonName", value: "Proxmox Virtual Environment" },
    { shortName: "OU", value: `${clusterName}-${randomBytes(8).toString("hex")}` },
    { name: "organizationName", value: "PVE Cluster Manager CA" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true },
    { name: "subjectKeyIdentifier" },
  ]);
  return { certPem: signCertificate(cert, key.privateKeyPem), key, subject };
}

/** A pve-ssl.pem-like leaf for `nodeName`, valid for 127.0.0.1/::1/localhost and `host`. */
export async function createLeaf(
  ca: CertificateAuthority,
  nodeName: string,
  host: string,
  fresh = false,
): Promise<LeafCertificate> {
  const key = fresh ? await freshKeyPair() : await pooledKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(key.publicKeyPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + 2 * 365 * 86_400_000);
  cert.setSubject([
    { shortName: "OU", value: "PVE Cluster Node" },
    { name: "organizationName", value: "Proxmox Virtual Environment" },
    { name: "commonName", value: `${nodeName}.sim.invalid` },
  ]);
  cert.setIssuer(ca.subject);
  const altNames: Array<{ type: number; value?: string; ip?: string }> = [
    { type: 7, ip: "127.0.0.1" },
    { type: 7, ip: "::1" },
    { type: 2, value: "localhost" },
    { type: 2, value: nodeName },
    { type: 2, value: `${nodeName}.sim.invalid` },
  ];
  if (host !== "127.0.0.1" && host !== "localhost")
    altNames.push(/^[\d.]+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host });
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, nonRepudiation: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames },
  ]);
  return describeLeaf(signCertificate(cert, ca.key.privateKeyPem), key.privateKeyPem);
}

export function describeLeaf(certPem: string, keyPem: string): LeafCertificate {
  const x509 = new X509Certificate(certPem);
  return {
    certPem,
    keyPem,
    fingerprint: x509.fingerprint256,
    notBefore: Math.floor(Date.parse(x509.validFrom) / 1000),
    notAfter: Math.floor(Date.parse(x509.validTo) / 1000),
    subject: x509.subject
      .split("\n")
      .map((l) => `/${l}`)
      .join(""),
    issuer: x509.issuer
      .split("\n")
      .map((l) => `/${l}`)
      .join(""),
    san: (x509.subjectAltName ?? "")
      .split(", ")
      .filter(Boolean)
      .map((s) => s.replace(/^IP Address:/, "IP:")),
  };
}

export function describeCa(ca: CertificateAuthority): {
  fingerprint: string;
  subject: string;
  notBefore: number;
  notAfter: number;
} {
  const x509 = new X509Certificate(ca.certPem);
  return {
    fingerprint: x509.fingerprint256,
    subject: x509.subject
      .split("\n")
      .map((l) => `/${l}`)
      .join(""),
    notBefore: Math.floor(Date.parse(x509.validFrom) / 1000),
    notAfter: Math.floor(Date.parse(x509.validTo) / 1000),
  };
}

/** Rebuilds a CA from stored PEMs (the CLI keeps certificates so pinned fingerprints survive restarts). */
export function loadCa(certPem: string, key: KeyPair): CertificateAuthority {
  const subject = forge.pki
    .certificateFromPem(certPem)
    .subject.attributes.map((a) => ({ type: a.type, value: a.value as string }));
  return { certPem, key, subject };
}

export interface StoredCerts {
  caCertPem: string;
  caPublicKeyPem: string;
  caPrivateKeyPem: string;
  leafCertPem: string;
  leafKeyPem: string;
}
