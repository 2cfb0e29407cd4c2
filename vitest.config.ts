import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: `unit` needs nothing but Node (the Proxmox simulator included: it is served
// in-process over real HTTPS); `integration` needs PostgreSQL and gets a fresh database per run
// from the global setup.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["./lib/test/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
