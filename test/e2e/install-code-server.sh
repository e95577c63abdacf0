#!/usr/bin/env bash
# Installs VS Code's open-source server build (code-server) and Debian's Chromium for the end-to-end tests,
# without any download but the npm registry and Debian's archive (see ../shared/E2E.md and test/e2e/README.md).
# Idempotent: a finished install is marked and reused. Prints the install folder on stdout, everything else on stderr.
set -euo pipefail

VERSION=4.100.3
DEST="${CODE_SERVER_HOME:-$(cd "$(dirname "$0")/../.." && pwd)/.cache/code-server-$VERSION}"
MARK="$DEST/.installed"
if [ -f "$MARK" ]; then echo "$DEST"; exit 0; fi

# Two test runs starting at once on a fresh machine must not install into the same folder together: the second waits
# for the first and then finds its mark.
mkdir -p "$(dirname "$DEST")"
exec 9>"$DEST.lock"
flock 9
if [ -f "$MARK" ]; then echo "$DEST"; exit 0; fi
# A folder of ours without the mark is what an interrupted install left: start again from nothing. (A folder that is
# not ours, named by CODE_SERVER_HOME, is never deleted.)
if grep -qs '"code-server-host"' "$DEST/package.json"; then rm -rf "$DEST"; fi

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-code-server.sh: needs the Debian packages ${need_apt[*]}; run as root or install them first." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need_apt[@]}" >&2
fi

# Native modules build against the machine's Node headers; without this node-gyp would try to download them.
if [ -f /usr/include/node/node_api.h ]; then export npm_config_nodedir=/usr; fi

mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{ "name": "code-server-host", "private": true }' > package.json
# code-server's post-install would download ripgrep from GitHub; the steps it performs are done by hand below.
npm install --no-save --ignore-scripts --no-audit --no-fund "code-server@$VERSION" >&2
npm rebuild argon2 >&2

VSCODE="$DEST/node_modules/code-server/lib/vscode"
(cd "$VSCODE" && npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2)
for module in @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid; do
  # node-pty reports a failure in an optional step after pty.node is built; that is harmless.
  (cd "$VSCODE" && npm rebuild "$module" >&2) || echo "note: rebuild of $module reported a failure" >&2
done
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSCODE/node_modules.asar"
ln -sfn code-linux.sh "$VSCODE/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSCODE/bin/helpers/browser.sh"
(cd "$VSCODE/extensions" && npm install --omit=dev --no-audit --no-fund >&2)

touch "$MARK"
echo "$DEST"
