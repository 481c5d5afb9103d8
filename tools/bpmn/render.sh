#!/usr/bin/env bash
# Renders every bpmn/*.bpmn to docs/diagrams/<name>.png with bpmn-js in headless Chromium.
# Usage: tools/bpmn/render.sh   (runs from any directory; CHROMIUM=/path/to/chromium overrides)
# Needs Debian's chromium and a Thai font (fonts-thai-tlwg): installed with apt-get when missing
# and running as root, otherwise the script says what to install.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"

missing=()
[ -x "$chromium" ] || missing+=(chromium)
if [ -z "$(fc-list :lang=th family 2>/dev/null || true)" ] &&
   [ "$(dpkg-query -W -f='${Status}' fonts-thai-tlwg 2>/dev/null || true)" != "install ok installed" ]; then
  missing+=(fonts-thai-tlwg)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "render.sh: please install ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# Install the pinned packages (package-lock.json) when missing or older than the lockfile.
if [ ! -d "$here/node_modules/bpmn-js" ] || [ ! -d "$here/node_modules/playwright-core" ] ||
   [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

CHROMIUM="$chromium" node "$here/render.mjs"
