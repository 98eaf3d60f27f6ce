#!/usr/bin/env bash
# Precision harness (issue #20): validate a corpus offline with every rule and print the findings grouped
# by rule, then "COUNT <rule> <severity> <n>" lines. Usage: bench/precision.sh CORPUS_FOLDER [allowed,keys]
# e.g. bench/precision.sh ../shared/corpora/openshift-runbooks
#      bench/precision.sh ../shared/corpora/prometheus-operator-runbooks/content weight,bookCollapseSection
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
corpus=$(cd "${1:?corpus folder}" && pwd)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
(cd "$repo" && ./mvnw -q -B -o test-compile -pl runbook-maven-plugin \
  && ./mvnw -q -B -o dependency:build-classpath -pl runbook-maven-plugin -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/cp.txt")
cp="$repo/runbook-maven-plugin/target/classes:$repo/runbook-maven-plugin/target/test-classes:$(cat "$out/cp.txt")"
cd "$out" && java -cp "$cp" dev.runbook.validate.PrecisionRun "$corpus" "${2:-}"
