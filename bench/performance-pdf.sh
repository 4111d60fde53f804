#!/usr/bin/env bash
# The performance file PDF benchmark: starts the application on H2 with the demo county,
# renders the first PDF (cold) and then N deputies' files (warm, default 50), and prints
# ms per file and the sizes (also in target/performance-pdf-bench.txt).
#
#   bench/performance-pdf.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N="${1:-50}"
mvn -q -o test -Dtest=PerformancePdfBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.files="$N" \
	|| mvn -q test -Dtest=PerformancePdfBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.files="$N"
cat target/performance-pdf-bench.txt
