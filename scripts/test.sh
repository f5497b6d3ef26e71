#!/usr/bin/env bash
# `npm test`: typecheck, lint, then every test project (unit, integration, e2e) in one vitest run.
# The database-backed integration tests run a second time on PostgreSQL. Ends with a plain
# "N passed, N failed" line from vitest's JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
echo "== typecheck (tsc --noEmit, strict)"
tsc --noEmit || exit 1
echo "== lint (eslint, 0 warnings; prettier)"
eslint . --max-warnings 0 || exit 1
prettier --check . || { echo "formatting: run npm run format"; exit 1; }
echo "== build (once, so demo processes started by tests never rebuild under each other)"
remix vite:build >/dev/null || exit 1
echo "== tests (vitest: unit, integration, e2e) on SQLite"
vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@"
status=$?
if [ $# -eq 0 ]; then
  echo "== the database-backed integration tests again on PostgreSQL (LOUPE_TEST_DB=postgres)"
  LOUPE_TEST_DB=postgres vitest run --project integration tests/integration/db tests/integration/postgres \
    tests/integration/queue tests/integration/shopify tests/integration/autoprocess \
    --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest-postgres.json || status=1
fi
node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0, total = 0;
for (const f of ["test-artifacts/vitest.json", "test-artifacts/vitest-postgres.json"]) {
  if (!fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; total += r.numTotalTests;
  skipped += (r.numPendingTests || 0) + (r.numTodoTests || 0);
  // The failures again at the very end: a CI log that keeps only its tail still names them.
  for (const file of r.testResults)
    for (const t of file.assertionResults)
      if (t.status === "failed")
        console.log(`FAILED ${file.name.replace(process.cwd() + "/", "")} > ${t.fullName}\n  ${String((t.failureMessages || [])[0] || "").split("\n").slice(0, 6).join("\n  ")}`);
}
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
if (total === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
exit $status
