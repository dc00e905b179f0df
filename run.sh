#!/usr/bin/env bash
# Runs Boxoffice on the embedded default: DynamoDB Local inside the app (data in ./data), the Kinesis emulator beside it.
# Builds what is needed first; arguments go to the application (e.g. --server.port=9090).
set -euo pipefail
cd "$(dirname "$0")"

tools/kinesis-emulator/install.sh || echo "The app starts without the Kinesis emulator (publishing waits)." >&2

mvn -B -q -DskipTests install
exec java ${JAVA_OPTS:-} -jar app/target/boxoffice.jar "$@"
