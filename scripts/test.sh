#!/usr/bin/env bash
# `npm test`: typecheck, lint, then every test project (unit, integration, e2e) in one vitest run.
# Ends with a plain "N passed, N failed" line from vitest's JSON report.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
echo "== typecheck (tsc --noEmit, strict)"
tsc --noEmit || exit 1
echo "== lint (eslint, 0 warnings)"
eslint . --max-warnings 0 || exit 1
echo "== tests (vitest: unit, integration, e2e)"
vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@"
status=$?
node -e '
const r = require("./test-artifacts/vitest.json");
const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
exit $status
