#!/usr/bin/env bash
# Runs the JMH suites on a JDK >= 25 and regenerates jmh-results/summary.md.
#   benchmarks/run.sh                  all suites, into jmh-results/jmh.json
#   benchmarks/run.sh 'Stats|Stream'   a regex of suites (the streaming-read baseline is always added)
# Extra JMH options go in JMH_OPTS, e.g. JMH_OPTS='-wi 1 -i 1 -r 1s -w 1s' for a smoke run.
# Run it on an otherwise idle machine: results are per core and the machine has two.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java=""
for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
  v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then java="$cand/bin/java"; break; fi
done
[ -n "$java" ] || { echo "benchmarks/run.sh: no JDK >= 25 (JAVA_HOME or /usr/lib/jvm/*)" >&2; exit 1; }
(cd "$here" && mvn -q -B -DskipTests package)
pattern="${1:-.*}"
out="$here/jmh-results/jmh.json"
[ "$pattern" = ".*" ] || out="$here/jmh-results/jmh-$(echo "$pattern" | tr -c 'A-Za-z0-9' '-' | sed 's/-*$//').json"
mkdir -p "$here/jmh-results"
# shellcheck disable=SC2086
"$java" -jar "$here/benchmarks/target/benchmarks.jar" "StreamingReadBenchmark|$pattern" ${JMH_OPTS:-} -rf json -rff "$out"
"$here/rdc" report --in "$here/jmh-results" --out "$here/jmh-results/summary.md"
echo "wrote $out and jmh-results/summary.md"
