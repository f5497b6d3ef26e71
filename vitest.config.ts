import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Three projects: unit (pure code, fast), integration (real SQLite, Redis, PostgreSQL, the fake
// Shopify, the model), e2e (the demo in a real Chromium). `npm test` runs all three.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // 2-core machines: heavy integration and browser files run one at a time (singleFork).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "extensions/*/tests/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // One PostgreSQL server for the whole run when LOUPE_TEST_DB=postgres (no-op otherwise).
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
