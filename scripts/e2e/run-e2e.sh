#!/usr/bin/env bash
# The real-editor suites, as `npm test` runs them (npm run test:e2e): installs code-server when
# absent, packages the .vsix, drives the UI and factor-panel suites against it in code-server, then runs the
# integration suite in code-server's extension host. Both always run; the exit code fails if
# either failed. Screenshots and logs: test-artifacts/e2e/.
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS=0
step() { local started=$SECONDS; "$@"; local code=$?; echo "[e2e] $* → exit $code in $((SECONDS - started)) s" >&2; return $code; }
step bash scripts/e2e/install-code-server.sh >/dev/null || exit 1
step npm run --silent package >/dev/null || exit 1
echo "[e2e] $(du -h transformer-factors.vsix | cut -f1) transformer-factors.vsix" >&2
ui=0
step node --import tsx --test --test-reporter=spec test/e2e/editorUi.e2e.ts || ui=$?
panel=0
step node --import tsx --test --test-reporter=spec test/webview/panelInEditor.e2e.ts || panel=$?
integration=0
step npm run --silent test:integration || integration=$?
status() { [ "$1" = 0 ] && echo passed || echo FAILED; }
echo "[e2e] UI suite $(status $ui), factor panel suite $(status $panel), integration suite $(status $integration); ${SECONDS} s in all" >&2
[ "$ui" = 0 ] && [ "$panel" = 0 ] && [ "$integration" = 0 ]
