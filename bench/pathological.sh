#!/usr/bin/env bash
# Pathological single pages (issue #14): a 3.9 MB page of 100,000 links and a page of 50,000 headings,
# each validated (offline) and built into a site in a fresh JVM; prints wall time per stage and the JVM's
# peak RSS (GNU time). Usage: bench/pathological.sh   (BENCH_WORK: scratch folder, default /tmp/runbook-patho)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
work=${BENCH_WORK:-/tmp/runbook-patho}
rm -rf "$work"; mkdir -p "$work/links/content" "$work/headings/content"
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

(cd "$repo" && ./mvnw -q -B -o test-compile -pl runbook-maven-plugin \
  && ./mvnw -q -B -o dependency:build-classpath -pl runbook-maven-plugin -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt")
cp="$repo/runbook-maven-plugin/target/classes:$repo/runbook-maven-plugin/target/test-classes:$(cat "$work/cp.txt")"

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/links/content/links.md", "w") as f:
    f.write("---\ntitle: Links\n---\n# Links\n\n")
    for i in range(100_000):
        f.write(f"- [link {i}](page-{i}.md#step-{i})\n")
with open(f"{work}/links/content/page-1.md", "w") as f:
    f.write("# Page 1\n\n## Step 1\n")
with open(f"{work}/headings/content/headings.md", "w") as f:
    f.write("---\ntitle: Headings\n---\n# Headings\n\n")
    for i in range(50_000):
        f.write(f"## Heading {i}\n\nText {i}.\n\n")
PY
ls -l "$work"/links/content/links.md "$work"/headings/content/headings.md | awk '{print $5, $9}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
# Each goal in its own JVM, as `mvn runbook:validate` / `mvn runbook:site` run it; the heap is capped at
# 512 MB to show the memory is bounded by design, not by the luck of a large default heap.
for page in links headings; do
  for goal in validate site; do
    echo "== $page, $goal"
    /usr/bin/time -f "peak RSS %M KB, wall %e s (JVM start included), CPU %U+%S s" java -Xmx512m -cp "$cp" \
      dev.runbook.hostile.PathologicalPagesRun "$work/$page/content" "$work/$page/out-$goal" "$goal" 2>&1 | grep -v "^\["
  done
done
