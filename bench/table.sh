#!/usr/bin/env bash
# Writes the Markdown table of a bench/run.sh run from its raw files.
#   bench/table.sh [OUT_DIR]      (default bench/out; reads OUT_DIR/vars.sh, *.json, *.time)
set -euo pipefail
out=${1:-$(cd "$(dirname "$0")" && pwd)/out}
declare -A LOAD
# shellcheck disable=SC1091
source "$out/vars.sh"

mean() { python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
sd() { python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['stddev'] or 0))" "$1"; }
# CPU seconds (user + system) per run, averaged over the runs in a /usr/bin/time -v file: less moved by
# the load than wall time, since a waiting process uses none.
cpu() { awk -F': ' '/User time|System time/ {s+=$2} /Elapsed/ {n++} END {printf "%.1f", s/n}' "$1"; }
rss() { awk -F': ' '/Maximum resident/ {if ($2 > m) m = $2} END {printf "%.0f", m/1024}' "$1"; }
calc() { python3 -c "print('%.2f' % ($1))"; }
maven=$(mean "$out/maven-start.json"); full=$(mean "$out/site-full.json"); noop=$(mean "$out/site-noop.json")
touch1=$(mean "$out/site-touch.json"); validate=$(mean "$out/validate.json"); hugo=$(mean "$out/hugo.json")
validate_nosc=$(mean "$out/validate-noshellcheck.json"); validate_warm=$(mean "$out/validate-warm.json")
validate_touch=$(mean "$out/validate-touch.json"); full_c1=$(mean "$out/site-full-c1.json")
smoke=$(mean "$out/smoke.json")
read -r fq_max fq_median fq_files_max js_gz < <(python3 - "$out/search-bytes.json" <<'PY'
import json, sys, statistics
d = json.load(open(sys.argv[1]))
g = [q["gzip"] + d["searchJsGzip"] for q in d["queries"]]
print(max(g), int(statistics.median(g)), max(q["files"] for q in d["queries"]), d["searchJsGzip"])
PY
)
read -r c_first c_median c_p95 c_max < <(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('%.0f %.0f %.0f %.0f' % (d['firstMs'], d['medianMs'], d['p95Ms'], d['maxMs']))" "$out/search-chromium.json")
kb() { python3 -c "print('%.1f' % ($1 / 1000))"; }
mb() { python3 -c "print('%.1f' % ($1 / 1000000))"; }
verdict() { python3 -c "print('**met**' if $1 else '**not met**')"; }

cat > "$out/table.md" <<TABLE
Pages: $pages ($copies copies of $(basename "$corpus")); Hugo wrote $hugo_pages HTML files, MkDocs $mkdocs_pages.
Plugin at $git_rev; runs per timed figure: $runs (mean ± sd); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,
$(java -version 2>&1 | sed -n 1p), $(hugo version | cut -d' ' -f1-2), $(mkdocs --version | cut -d' ' -f1-3).
"load" is the 1-minute load average just before the figure was taken (2 cores: above 2 means waiting for CPU).

| figure | measured | load | target | verdict |
|---|---|---|---|---|
| Maven start alone (\`mvn validate\` on the bench project) | ${maven} ± $(sd "$out/maven-start.json") s | ${LOAD[maven]} | (floor) | |
| runbook:site full build | ${full} ± $(sd "$out/site-full.json") s | ${LOAD[full]} | ≤ 1.0 × Hugo | |
| Hugo full build, same pages | ${hugo} ± $(sd "$out/hugo.json") s | ${LOAD[hugo]} | | |
| MkDocs full build, same pages (1 run) | ${mkdocs} s | ${LOAD[mkdocs]} | | |
| CPU seconds (user+sys) per full build: runbook:site / Hugo | $(cpu "$out/site-full.time") / $(cpu "$out/hugo.time") = $(calc "$(cpu "$out/site-full.time") / $(cpu "$out/hugo.time")") | | | |
| **ratio runbook:site / Hugo** | **$(calc "$full / $hugo")** | | ≤ 1.0 | $(verdict "$full / $hugo <= 1.0") |
| ratio runbook:site / MkDocs | $(case "$mkdocs" in ">"*) echo "< $(calc "$full / ${mkdocs#> }")";; *) calc "$full / $mkdocs";; esac) | | | |
| the plugin's own share (full build − Maven start) / MkDocs' whole build | $(case "$mkdocs" in ">"*) echo "< $(calc "($full - $maven) / ${mkdocs#> }")";; *) calc "($full - $maven) / $mkdocs";; esac) | | ≤ 1.0 | $(case "$mkdocs" in ">"*) echo "**met**";; *) verdict "($full - $maven) / $mkdocs <= 1.0";; esac) |
| runbook:site no-op rebuild | ${noop} ± $(sd "$out/site-noop.json") s = **$(calc "$noop - $maven") s over Maven start** | ${LOAD[noop]} | ≤ 1 s over Maven start | $(verdict "$noop - $maven <= 1") |
| runbook:site after touching one page | ${touch1} ± $(sd "$out/site-touch.json") s ($(calc "$touch1 - $maven") s over Maven start) | ${LOAD[touch]} | ≤ 1.5 s over Maven start | $(verdict "$touch1 - $maven <= 1.5") |
| runbook:site full build, \`MAVEN_OPTS=-XX:TieredStopAtLevel=1\` | ${full_c1} ± $(sd "$out/site-full-c1.json") s: **$(calc "$full_c1 / $hugo") × Hugo** | ${LOAD[c1]} | ≤ 1.0 × Hugo | $(verdict "$full_c1 / $hugo <= 1.0") |
| peak RSS, full build (whole Maven JVM, default heap) | $(rss "$out/site-full.time") MiB | ${LOAD[full]} | ≤ 1024 MiB | $(verdict "$(rss "$out/site-full.time") <= 1024") |
| Hugo peak RSS | $(rss "$out/hugo.time") MiB | ${LOAD[hugo]} | | |
| full build with \`MAVEN_OPTS=-Xmx512m\` | ${xmx} in ${xmx_s} s, peak RSS $(rss "$out/site-512m.time") MiB | ${LOAD[xmx]} | succeeds, ≤ 512 MiB heap | $(verdict "'$xmx' == 'succeeded'") |
| search index, all files | ${index_files} files, $(mb "$index_bytes") MB ($(mb "$index_gz") MB gzipped) | | | |
| MkDocs search_index.json (fetched whole by its first search) | $([ -n "$mkdocs_index" ] && echo "$(mb "$mkdocs_index") MB ($(mb "$mkdocs_index_gz") MB gzipped)" || echo "n/a (build did not finish)") | | | |
| first query, bytes fetched (gzip, incl. search.js $(kb "$js_gz") KB), worst of 20 | **$(kb "$fq_max") KB** (median $(kb "$fq_median") KB, ≤ $fq_files_max files) | | ≤ 100 KB | $(verdict "$fq_max <= 100000") |
| query time in headless Chromium, 20 queries in one page view | first ${c_first} ms, median ${c_median} ms, p95 ${c_p95} ms, max ${c_max} ms | ${LOAD[search]} | | |
| runbook:validate offline, cold: no record, no page caches (exit code $validate_rc) | ${validate} ± $(sd "$out/validate.json") s = $(calc "$validate - $maven") s over Maven start | ${LOAD[validate]} | ≤ 5 s | $(verdict "$validate <= 5") (whole command) |
| runbook:validate offline, cold, ShellCheck off | ${validate_nosc} ± $(sd "$out/validate-noshellcheck.json") s | ${LOAD[validate_nosc]} | ≤ 5 s | $(verdict "$validate_nosc <= 5") |
| runbook:validate offline, nothing changed since the last run | ${validate_warm} ± $(sd "$out/validate-warm.json") s = $(calc "$validate_warm - $maven") s over Maven start | ${LOAD[validate_warm]} | ≤ 5 s | $(verdict "$validate_warm <= 5") |
| runbook:validate offline, after touching one page | ${validate_touch} ± $(sd "$out/validate-touch.json") s = $(calc "$validate_touch - $maven") s over Maven start | ${LOAD[validate_touch]} | ≤ 1.5 s over Maven start | $(verdict "$validate_touch - $maven <= 1.5") |
| runbook:smoke, $smoke_checks HTTP checks on loopback, concurrency 4 | ${smoke} ± $(sd "$out/smoke.json") s ($smoke_passed) | ${LOAD[smoke]} | | |
TABLE
cat "$out/table.md"
