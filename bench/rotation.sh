#!/usr/bin/env bash
# The duty rotation benchmark: 43 stations, 200 deputies (each on one or two stations), a year
# of duty days; prints the time taken and the largest imbalance. Builds the classes if needed.
#
#   bench/rotation.sh [seed]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f target/classes/cn/deputylink/duty/internal/Rotation.class ]; then
	mvn -q -o compile || mvn -q compile
fi
exec "$JAVA" -cp target/classes bench/RotationBench.java "$@"
