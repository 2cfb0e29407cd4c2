// A simulated cluster's certificate authority and leaf: created on start, or loaded from the
// cert folder when one is given, so a restarted simulator keeps its fingerprints.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CertificateAuthority, LeafCertificate, StoredCerts } from "./certs";
import { createCa, createLeaf, describeLeaf, loadCa } from "./certs";

export interface CertsFor {
  clusterName: string;
  /** The leaf's subject: the node that answers the API. */
  nodeName: string;
  host: string;
  certDir?: string;
}

export async function loadOrCreateCerts(of: CertsFor): Promise<{ ca: CertificateAuthority; leaf: LeafCertificate }> {
  const file = of.certDir ? path.join(of.certDir, `${of.clusterName.replace(/[^\w.-]/g, "_")}.json`) : undefined;
  if (file) {
    const stored = await readFile(file, "utf8").then(
      (t) => JSON.parse(t) as StoredCerts,
      () => undefined,
    );
    if (stored) {
      const ca = loadCa(stored.caCertPem, {
        publicKeyPem: stored.caPublicKeyPem,
        privateKeyPem: stored.caPrivateKeyPem,
      });
      return { ca, leaf: describeLeaf(stored.leafCertPem, stored.leafKeyPem) };
    }
  }
  const ca = await createCa(of.clusterName);
  const leaf = await createLeaf(ca, of.nodeName, of.host);
  if (file) {
    const stored: StoredCerts = {
      caCertPem: ca.certPem,
      caPublicKeyPem: ca.key.publicKeyPem,
      caPrivateKeyPem: ca.key.privateKeyPem,
      leafCertPem: leaf.certPem,
      leafKeyPem: leaf.keyPem,
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(stored), { mode: 0o600 });
  }
  return { ca, leaf };
}
