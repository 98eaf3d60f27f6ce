#!/usr/bin/env bash
# Times runbook:site and runbook:validate (offline) after a full build, an appended line, a new page and a
# deleted page, each goal in a fresh JVM called the way its mojo calls it (Maven's own start, ~1.3 s, is
# not included: the figures are "beyond Maven's start"). /usr/bin/time -v gives wall, CPU and peak RSS;
# the 1-minute load average is printed before each figure. Numbers for bench/RESULTS.md; not a test.
#   bench/incremental.sh CONTENT [RUNS]        (BENCH_CLASSES=DIR times another build's classes)
#   BENCH_GOALS=validate times one goal only.
# Works on a copy of CONTENT in $BENCH_WORK (default /tmp/runbook-incremental); never changes CONTENT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
source_content=$(cd "${1:?content folder}" && pwd); runs=${2:-3}
work=${BENCH_WORK:-/tmp/runbook-incremental}
rm -rf "$work"; mkdir -p "$work/classes"
# BENCH_CP=FILE: a classpath already written (when dependency:build-classpath cannot resolve offline).
(cd "$repo" && ./mvnw -q -B -o compile -pl runbook-maven-plugin)
if [[ -n "${BENCH_CP:-}" ]]; then cp "$BENCH_CP" "$work/cp.txt"; else
  (cd "$repo" && ./mvnw -q -B -o dependency:build-classpath -pl runbook-maven-plugin -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt")
fi
# BENCH_CLASSES: another build's classes folder (e.g. an older commit's, for a before/after pair).
cp="${BENCH_CLASSES:-$repo/runbook-maven-plugin/target/classes}:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" "$here/warm/OneShot.java"
cp -r "$source_content" "$work/content"
content="$work/content"; project="$work/project"; mkdir -p "$project"
page=$(find "$content" -name '*.md' | sort | sed -n 1p)
extra="$(dirname "$page")/zz-bench-new-page.md"

one() { # label goal
  printf '%-34s load %s  ' "$1 ($2)" "$(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086
  /usr/bin/time -f 'wall %e s  cpu %U+%S s  rss %M KB' java ${JAVA_OPTS:-} -cp "$cp:$work/classes" OneShot "$2" "$content" "$project" 2>&1 | tr '\n' ' '
  echo
}
for goal in ${BENCH_GOALS:-site validate}; do
  for ((r = 1; r <= runs; r++)); do
    rm -rf "$project/target"
    one "full (no target/)" $goal
    echo "bench edit $r" >> "$page";            one "one page appended-to" $goal
    printf '# New page %s\n\nText.\n' "$r" > "$extra"; one "one new page" $goal
    rm -f "$extra";                             one "one page deleted" $goal
    one "nothing changed" $goal
    rm -f "$project/target/runbook/cache/"*;    echo "bench edit b$r" >> "$page"; one "one page appended-to, no cache" $goal
  done
done
