import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** Outside the engine, its contract (and, for the runtime, its index) is all of it one imports. */
const ENGINE_CONTRACT_ONLY = {
  group: [
    "**/workers/*",
    "!**/workers/retouch",
    "**/workers/retouch/*",
    "!**/workers/retouch/contract",
    "!**/workers/retouch/index",
  ],
  message: "Import the engine through workers/retouch/contract.",
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      ".tools/**",
      ".cache/**",
      "models/**",
      "vendor/**",
      "storage/**",
      "test-artifacts/**",
      "bench-results/**",
      ".scratch/**",
      "extensions/*/node_modules/**",
      "extensions/*/dist/**",
      "public/build/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  // The parts and the arrows between them (docs/ARCHITECTURE.md). An arrow runs one way only:
  //   app (the Remix web app) -> core, engine contract
  //   workers (jobs, main, CLIs) -> core, engine (contract or index)
  //   core (services, storage, database, Shopify, queue) -> engine contract
  //   engine (workers/retouch) -> nothing of Loupe's
  // tests/unit/foundation/architecture.test.ts checks the same on the import graph, dynamic imports
  // included, and that it has no cycle.
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/routes/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [ENGINE_CONTRACT_ONLY] }] },
  },
  {
    // Routes call services (core/batches, core/autoprocess, core/shopify *.server.ts), never the database.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ENGINE_CONTRACT_ONLY,
            { group: ["**/db.server", "@prisma/client"], message: "Routes call services, not Prisma." },
          ],
        },
      ],
    },
  },
  {
    files: ["core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/app/**", "~/*"], message: "core/ serves the web app and the worker; it imports neither." },
            ENGINE_CONTRACT_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ["workers/*.ts", "workers/jobs/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/**", "~/*"],
              message: "The worker reaches shared code through core/, never the web app.",
            },
            {
              group: [
                "./retouch/*",
                "../retouch/*",
                "!./retouch/contract",
                "!./retouch/index",
                "!../retouch/contract",
                "!../retouch/index",
              ],
              message: "The worker uses the engine through workers/retouch/index (or contract).",
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure image code: it must not reach Shopify, the database, the web app or the worker.
    files: ["workers/retouch/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "**/app/**",
            "**/core/**",
            "**/jobs/**",
            "~/*",
            "@prisma/*",
            "@shopify/*",
            "graphql-request",
            "**/queue/**",
          ],
        },
      ],
    },
  },
);
