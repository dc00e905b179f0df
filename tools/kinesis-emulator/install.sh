#!/usr/bin/env bash
# Installs kinesis-local (the Kinesis emulator the tests and the app's local default start) with `npm ci`, unless the
# installed packages already match package-lock.json. Run by the infrastructure module's build before its tests.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f node_modules/kinesis-local/main.js ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  # Not fatal here: only the Kinesis tests need it, and they fail with a message saying what to install.
  echo "WARNING: npm not found; install Node.js 20 and run: cd tools/kinesis-emulator && npm ci" >&2
  exit 0
fi
echo "Installing the Kinesis emulator (kinesis-local) in $(pwd)"
npm ci --no-audit --no-fund --loglevel=error
