#!/usr/bin/env bash
# Lints the BPMN models with Camunda Modeler's own rules for Camunda 7.24
# (bpmnlint:recommended + camunda-compat/camunda-platform-7-24, see ../../.bpmnlintrc).
# Usage: tools/bpmn/lint.sh [model.bpmn ...]   (default: every bpmn/*.bpmn; runs from any directory)
# Prints every finding; exits non-zero on any error. Warnings and infos are printed only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# Install the pinned packages (package-lock.json) when missing or older than the lockfile.
if [ ! -d "$here/node_modules/bpmnlint-plugin-camunda-compat" ] ||
   [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$#" -gt 0 ]; then
  models=()
  for f in "$@"; do models+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  models=("$root"/bpmn/*.bpmn)
fi

# bpmnlint resolves "plugin:camunda-compat/..." from the working directory, so run it from here
cd "$here"
node_modules/.bin/bpmnlint --config "$root/.bpmnlintrc" "${models[@]}"
echo "bpmnlint: no errors in ${#models[@]} model(s)"
