#!/usr/bin/env bash
# Times the site build or validation RUNS times in one JVM, so the first run (class loading, JIT) can be
# told apart from the work itself. Numbers for bench/RESULTS.md; not a test.
#   bench/warm.sh site CONTENT RUNS
#   bench/warm.sh validate CONTENT RUNS [on|off]     (ShellCheck; default off)
# Add JVM flags with JAVA_OPTS, e.g. JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/warm.jfr
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
kind=${1:?site or validate}; content=$(cd "${2:?content folder}" && pwd); runs=${3:?runs}
out=$(mktemp -d)
(cd "$repo" && ./mvnw -q -B -o compile -pl runbook-maven-plugin \
  && ./mvnw -q -B -o dependency:build-classpath -pl runbook-maven-plugin -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/cp.txt")
cp="$repo/runbook-maven-plugin/target/classes:$(cat "$out/cp.txt")"
javac -d "$out" -cp "$cp" "$here/warm/WarmSite.java" "$here/warm/WarmValidate.java"
case "$kind" in
  site) main=WarmSite ;;
  validate) main=WarmValidate ;;
  *) echo "site or validate, not $kind" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$cp:$out" "$main" "$content" "$runs" "${@:4}"
