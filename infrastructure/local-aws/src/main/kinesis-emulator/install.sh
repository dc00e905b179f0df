#!/usr/bin/env bash
# Installs kinesis-local (the Kinesis emulator the embedded default and the tests run) into the folder given as the
# first argument with `npm ci`, unless what is installed there already matches package-lock.json. The build of
# local-aws runs this before it copies the emulator into its jar, so the application jar carries it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$1"
mkdir -p "$target"
if [ -f "$target/node_modules/kinesis-local/main.js" ] && [ -f "$target/node_modules/.package-lock.json" ] \
   && cmp -s "$here/package-lock.json" "$target/package-lock.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: building local-aws needs npm (Node.js 20) to fetch the Kinesis emulator kinesis-local, which the" >&2
  echo "application jar carries. Install Node.js and npm, then build again." >&2
  exit 1
fi
cp "$here/package.json" "$here/package-lock.json" "$target/"
echo "Installing the Kinesis emulator (kinesis-local) in $target"
cd "$target"
npm ci --no-audit --no-fund --loglevel=error
