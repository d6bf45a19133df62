#!/usr/bin/env bash
# Lookup benchmark (issue 14): builds archives of N captures (default 10000 and 50000) and prints read p50/p99,
# whole `xxgk get` time, `list --json` time and peak RSS, and the catalogue after a 100-page re-crawl.
# Usage, from anywhere: tools/lookup-benchmark.sh [--base DIR] [--build-only] [CAPTURES...]   (e.g. 10000 50000 200000)
# The archives are left in DIR (else a temporary directory it names); they take about 100 KB a capture. One already
# in DIR is measured again instead of built: --build-only builds them (an hour at 200k) to measure them later.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./xxgk --version >/dev/null   # builds crawler/target/xxgk.jar (and target/lib) from these sources when stale
mvn -q -B -o -pl crawler -am test-compile
# A copy, so that a build during the hours a large run takes does not change the classes under it: the launcher
# with the jar and its libraries (it finds no sources beside it, so it never rebuilds). Its class-data archive is
# made there, once, before anything is measured: one names the paths of the jars it was made from.
copy="$(mktemp -d "${TMPDIR:-/tmp}/xxgk-lookup-bin.XXXXXX")"
mkdir -p "$copy/crawler/target"
cp -p xxgk "$copy"/
cp -rp crawler/target/xxgk.jar crawler/target/lib "$copy/crawler/target"/
cp -r crawler/target/test-classes "$copy"/
"$copy/xxgk" --version >/dev/null
read -r -a java_opts <<<"${JAVA_OPTS:-}"
exec java "${java_opts[@]}" -Dxxgk.launcher="$copy/xxgk" \
    -cp "$copy/test-classes:$copy/crawler/target/xxgk.jar:$copy/crawler/target/lib/*" xxgk.crawler.cli.LookupBenchmark "$@"
