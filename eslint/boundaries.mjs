// The direction between lib's areas (docs/architecture.md), enforced: an area imports only the
// areas listed before it, so no two areas depend on each other. Entry points (the "use server"
// modules `lib/*/actions.ts`, app/, components/, scripts/) sit above every area; test support
// (test/) is for tests only. Tests themselves may reach anywhere and are not checked.

/** Lowest first. A file in `lib/<area>` (or the file `lib/<area>.ts`) may import only earlier areas. */
export const LAYERS = [
  "env",
  "random",
  "format",
  "geo",
  "charts",
  "db",
  "mail",
  "http",
  "proxmox",
  "audit",
  "auth",
  "actions",
  "jobs",
  "clusters",
  "state",
  "sync",
  "guest-actions",
  "redundancy",
  "map",
  "earnings",
  "team",
  "governance",
  "placement",
  "composition",
];

const RULE = "@typescript-eslint/no-restricted-imports";
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

// `lib/<area>/actions.ts` and `lib/<area>/<what>-actions.ts`, by absolute or relative path.
const entryPoints = {
  regex: "^(@/lib/.+|\\.\\.?(/.+)?)/([a-z-]+-)?actions$",
  message: "A server-action module is an entry point: import the area's mutations or queries instead.",
};
const testSupport = { group: ["@/test/**"], message: "test/ holds test support; production code never imports it." };

function above(area) {
  const higher = LAYERS.slice(LAYERS.indexOf(area) + 1);
  return {
    group: higher.flatMap((other) => [
      `@/lib/${other}`,
      `@/lib/${other}/**`,
      ...["../", "../../", "../../../"].flatMap((up) => [`${up}${other}`, `${up}${other}/**`]),
    ]),
    message: `lib/${area} sits below these areas (docs/architecture.md): move the shared piece down, or let the higher area subscribe.`,
  };
}

/** The placement engine is pure: model, filter, score, search. No database, network, threads or files. */
const pureEngine = {
  regex: "^(?!\\./|\\.\\./engine/|@/lib/placement/engine/|@/lib/geo/|@/lib/random$|@/generated/prisma/enums$)",
  message:
    "lib/placement/engine is pure: it imports only itself, lib/geo and lib/random (I/O lives in solver/, plans/, apply/).",
};

const areaConfigs = LAYERS.map((area) => ({
  name: `boundaries/lib/${area}`,
  files: [`lib/${area}/**/*.{ts,tsx}`, `lib/${area}.ts`],
  ignores: TESTS,
  rules: {
    [RULE]: ["error", { patterns: [above(area), entryPoints, testSupport].filter((p) => p.group?.length !== 0) }],
  },
}));

export const boundaries = [
  ...areaConfigs,
  {
    name: "boundaries/lib/entry-points",
    files: ["lib/**/actions.ts", "lib/**/*-actions.ts"],
    ignores: TESTS,
    rules: { [RULE]: ["error", { patterns: [testSupport] }] },
  },
  {
    name: "boundaries/lib/placement/engine",
    files: ["lib/placement/engine/**/*.ts"],
    ignores: TESTS,
    rules: { [RULE]: ["error", { patterns: [above("placement"), entryPoints, testSupport, pureEngine] }] },
  },
  {
    name: "boundaries/components",
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      [RULE]: [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/db",
                "@/lib/**/queries",
                "@/lib/**/*-queries",
                "@/lib/**/mutations",
                "@/lib/**/*-mutations",
              ],
              allowTypeImports: true,
              message: "Components render; they read through pages and write through server actions (lib/*/actions).",
            },
            {
              group: ["server-only", "pg", "@/generated/prisma/client"],
              allowTypeImports: true,
              message: "Server-only code does not belong in a component.",
            },
            testSupport,
          ],
        },
      ],
    },
  },
  {
    name: "boundaries/app",
    files: ["app/**/*.{ts,tsx}"],
    rules: { [RULE]: ["error", { patterns: [testSupport] }] },
  },
];
