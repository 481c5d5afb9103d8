#!/usr/bin/env bash
# Lints the JavaScript the webapps serve (eslint.config.js says which files and how).
# Usage: tools/eslint/lint.sh   (runs from any directory; installs the pinned packages once)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/eslint" ] ||
   [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error;
                 else npm install --no-audit --no-fund --loglevel=error; fi)
fi
# From the project root, so that the config's paths (and the files' names in findings) are the
# project's own.
cd "$here/../.."
"$here/node_modules/.bin/eslint" --config "$here/eslint.config.js" --max-warnings=0 \
  src/main/resources/plugin-webapp src/main/resources/META-INF/resources/webjars/camunda/app
echo "eslint: no problems"
