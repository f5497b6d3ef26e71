#!/usr/bin/env bash
# Runs a command with Node >= 22 first on PATH (see node-env.sh) and the project's bin folder.
set -e
. "$(dirname "${BASH_SOURCE[0]}")/node-env.sh" 2>/dev/null
export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules/.bin:$PATH"
# glibc returns a freed block to the system only if it was mmap'ed, and its dynamic threshold climbs
# to 32 MB after the first large free, so the network's activations and a 20 MP photo's planes then
# stay resident between images. A fixed 128 KB threshold keeps every large buffer mmap'ed: peak RSS of
# a 20 MP retouch 1.11 GB → 0.86 GB, CPU time ×0.98 at 4 MP (farm-bench, 3 pairs; bench/engine-child.ts).
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
exec "$@"
