#!/usr/bin/env bash
# Installs the Kinesis emulator's npm packages (npm ci) when they are missing or older than the lock file.
# Called by the infrastructure module's build before its tests, and by run.sh.
set -euo pipefail
cd "$(dirname "$0")"
marker=node_modules/.package-lock.json
if [ -f "$marker" ] && [ "$marker" -nt package-lock.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: install Node.js 20+ (it brings npm) to run the Kinesis emulator." >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
