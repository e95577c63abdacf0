#!/usr/bin/env bash
# Installs the pre-commit tool from Debian's archive for the hook test, when it is missing. Idempotent; installing
# needs root (CI runs as root). Prints the command's path on stdout, everything else on stderr.
set -euo pipefail
if ! command -v pre-commit >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-pre-commit.sh: needs the Debian package pre-commit; run as root or install it first." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Two test runs starting at once must not run apt together: the second waits for the first.
  exec 9>"${TMPDIR:-/tmp}/asa-lb-apt.lock"
  flock 9
  if ! command -v pre-commit >/dev/null; then
    apt-get update -qq >&2
    apt-get install -y -qq pre-commit >&2
  fi
fi
command -v pre-commit
