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
# Those mmap'ed blocks are then faulted in 4 KB at a time on every image (the network's activations
# alone: ~0.35 M page faults per 1024² pass). Asking for transparent huge pages on them (glibc ≥ 2.35;
# older glibc ignores the tunable; the kernel must allow THP on madvise, Debian's default) cuts the
# faults ~4.5× and the process's system time by ~0.6 s per two 4 MP retouches: CPU time ×0.91, peak
# RSS +20 MB (farm-bench, 3 pairs). Results are the same to the bit: only the page size changes.
case ":${GLIBC_TUNABLES:-}:" in
  *:glibc.malloc.hugetlb=*) ;;
  *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
esac
exec "$@"
