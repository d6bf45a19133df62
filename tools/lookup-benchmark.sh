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
# A copy, so that a build during the hours a large run takes does not change the classes under it.
copy="$(mktemp -d "${TMPDIR:-/tmp}/xxgk-lookup-bin.XXXXXX")"
cp -r crawler/target/xxgk.jar crawler/target/lib crawler/target/test-classes "$copy"/
read -r -a java_opts <<<"${JAVA_OPTS:-}"
exec java "${java_opts[@]}" -Dxxgk.jar="$copy/xxgk.jar" -cp "$copy/test-classes:$copy/xxgk.jar:$copy/lib/*" \
    xxgk.crawler.cli.LookupBenchmark "$@"
