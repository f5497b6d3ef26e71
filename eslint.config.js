import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".tools/**", ".cache/**", "models/**", "vendor/**", "storage/**", "test-artifacts/**", "bench-results/**", ".scratch/**", "extensions/*/node_modules/**", "extensions/*/dist/**", "public/build/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // Routes call services (core/batches, core/autoprocess, core/shopify *.server.ts), never the database.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/db.server", "@prisma/client"], message: "Routes call services, not Prisma." }] }],
    },
  },
  {
    // The engine is pure image code: it must not reach Shopify, the database or the web app.
    files: ["workers/retouch/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/app/**", "~/*", "@prisma/*", "@shopify/*", "graphql-request", "**/queue/**"] }],
    },
  },
);
