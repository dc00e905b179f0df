#!/usr/bin/env bash
# Runs Boxoffice on the embedded default: DynamoDB Local inside the app and the Kinesis emulator the jar carries, data
# in ./data. Builds the jar first; arguments go to the application (e.g. --server.port=9090).
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -DskipTests install
exec java ${JAVA_OPTS:-} -jar app/target/boxoffice.jar "$@"
