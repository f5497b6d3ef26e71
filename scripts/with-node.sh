#!/usr/bin/env bash
# Runs a command with Node >= 22 first on PATH (see node-env.sh) and the project's bin folder.
set -e
. "$(dirname "${BASH_SOURCE[0]}")/node-env.sh" 2>/dev/null
export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules/.bin:$PATH"
exec "$@"
