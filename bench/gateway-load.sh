#!/usr/bin/env bash
# Gateway overhead: 8 local worker processes, one gateway; direct vs network throughput and latency in one run.
# Usage: bench/gateway-load.sh [concurrency=16] [seconds per phase=15] [latency-requests=1000] [workers=8] [longest warm-up seconds=900]
# It is `synod bench gateway`: `bench/gateway-load.sh --help` lists the arguments; a bad one gets the usage and exit 2.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f services/worker/target/quarkus-app/quarkus-run.jar ] || mvn -B -q -DskipTests package
cli=services/cli/target
exec java -cp "$cli/classes:$cli/lib/*" network.synod.cli.Synod bench gateway "$@"
