#!/usr/bin/env bash
# Runs Boxoffice on the embedded default: DynamoDB Local inside the app (data in ./data), the Kinesis emulator beside it.
# Builds what is needed first; arguments go to the application (e.g. --server.port=9090).
set -euo pipefail
cd "$(dirname "$0")"

if [ -f tools/kinesis-emulator/package.json ] && [ ! -d tools/kinesis-emulator/node_modules ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd tools/kinesis-emulator && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "npm not found: the app starts without the Kinesis emulator (publishing waits)." >&2
  fi
fi

mvn -B -q -DskipTests install
exec java ${JAVA_OPTS:-} -jar app/target/boxoffice.jar "$@"
