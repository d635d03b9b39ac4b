#!/usr/bin/env bash
# npm start: builds and packages the extension, then opens it on a sample document.
# With VS Code's `code` on PATH: installs the .vsix there and opens samples/. Otherwise starts
# code-server (a real VS Code served to the browser, installed into .code-server/ on first use)
# on 127.0.0.1 with the extension installed and the sample open, and prints the URL.
# Environment: PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent package
vsix="$PWD/transformer-factors.vsix"
sample="$PWD/samples/sample.txt"

if command -v code >/dev/null 2>&1; then
  code --install-extension "$vsix" --force
  code "$PWD/samples" "$sample"
  echo "Installed transformer-factors.vsix into VS Code and opened samples/sample.txt."
  exit 0
fi

bash scripts/e2e/install-code-server.sh >/dev/null
profile="$PWD/.code-server/profile"
mkdir -p "$profile/user-data/User" "$profile/extensions"
settings="$profile/user-data/User/settings.json"
[ -f "$settings" ] || echo '{ "security.workspace.trust.enabled": false, "workbench.startupEditor": "none" }' > "$settings"
bin="$PWD/.code-server/node_modules/.bin/code-server"
"$bin" --user-data-dir "$profile/user-data" --extensions-dir "$profile/extensions" --install-extension "$vsix" --force >/dev/null
port="${PORT:-8080}"
# The workbench opens the file named by the `openFile` entry of its `payload` URL parameter.
payload=$(node -e 'console.log(encodeURIComponent(JSON.stringify([["openFile", `vscode-remote://127.0.0.1:${process.argv[1]}${process.argv[2]}`]])))' "$port" "$sample")
echo "Transformer Factors in code-server: http://127.0.0.1:${port}/?folder=$PWD/samples&payload=${payload}"
echo "(Ctrl+C stops it.) Then run \"Transformer Factors: Highlight Strongest Factor per Token\" from the Command Palette, or hover a word."
exec "$bin" --bind-addr "127.0.0.1:${port}" --auth none --user-data-dir "$profile/user-data" --extensions-dir "$profile/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override "$PWD/samples"
