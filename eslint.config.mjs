import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "docs/**",
    "generated/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The placement engine is pure: a federation snapshot in, numbers out. I/O (the database,
    // Proxmox, jobs, files, threads) belongs to the folders around it.
    files: ["lib/placement/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/*",
                "!@/lib/geo",
                "!@/lib/geo/**",
                "!@/lib/random",
                "@/lib/placement/*",
                "!@/lib/placement/engine",
              ],
              message: "lib/placement/engine is pure: it imports only lib/geo, lib/random and itself.",
            },
            {
              group: ["node:*", "highs", "pg", "pg-boss", "server-only", "@/generated/**", "../*"],
              message: "lib/placement/engine does no I/O.",
            },
          ],
        },
      ],
    },
  },
]);
