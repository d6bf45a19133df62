#!/usr/bin/env bash
# Lookup benchmark (issue 14): builds archives of N captures (default 10000 and 50000) and prints read p50/p99,
# whole `xxgk get` time, `list --json` time and peak RSS, and the catalogue after a 100-page re-crawl.
# Usage, from anywhere: tools/lookup-benchmark.sh [CAPTURES...]   (e.g. 10000 50000 200000)
# The archives are left in a temporary directory it names; they take about 60 KB a capture.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./xxgk --version >/dev/null   # builds crawler/target/xxgk.jar (and target/lib) from these sources when stale
mvn -q -B -o -pl crawler -am test-compile
read -r -a java_opts <<<"${JAVA_OPTS:-}"
exec java "${java_opts[@]}" -cp "crawler/target/test-classes:crawler/target/xxgk.jar:crawler/target/lib/*" \
    xxgk.crawler.cli.LookupBenchmark "$@"
