#!/usr/bin/env bash
# Lints every BPMN model with Camunda Modeler's own rules for Camunda 7.24
# (bpmnlint:recommended + camunda-compat/camunda-platform-7-24, see ../../.bpmnlintrc).
# Exits non-zero on any error; warnings are printed only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -d "$here/node_modules/bpmnlint" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
# bpmnlint resolves the plugin from the working directory, so run it from here
cd "$here"
models=("$root"/bpmn/*.bpmn)
node_modules/.bin/bpmnlint --config "$root/.bpmnlintrc" "${models[@]}"
echo "bpmnlint: no errors in ${#models[@]} models"
