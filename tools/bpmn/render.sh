#!/usr/bin/env bash
# Renders every BPMN model to docs/diagrams/<name>.png with bpmn-js in headless Chromium.
# Needs Debian's chromium (apt-get install -y chromium fonts-thai-tlwg); CHROMIUM=path overrides.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/bpmn-js" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
node "$here/render.mjs" "$@"
