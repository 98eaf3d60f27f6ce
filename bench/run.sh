#!/usr/bin/env bash
# Benchmarks runbook-maven-plugin against Hugo and MkDocs on the same pages, in one run.
#   bench/run.sh CORPUS_DIR COPIES
# e.g. bench/run.sh ../shared/corpora/openshift-runbooks 37     (≈10,000 pages)
# Environment: BENCH_RUNS (runs per timed figure, default 3), BENCH_WORK (scratch folder, default
# /tmp/runbook-bench), BENCH_SMOKE_CHECKS (default 500).
# Needs: the repo's Maven wrapper, node, /usr/bin/chromium and /usr/bin/chromedriver; installs hyperfine,
# hugo, mkdocs and GNU time from Debian if missing.
# Writes raw numbers to bench/out/ (not committed) and a Markdown table to bench/out/table.md.
# Every figure carries the 1-minute load average taken just before it: the machine may be shared, so
# compare figures only as ratios within one run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
corpus=$(cd "${1:?corpus folder}" && pwd); copies=${2:?copies}
work=${BENCH_WORK:-/tmp/runbook-bench}; out="$here/out"
runs=${BENCH_RUNS:-3}; smoke_checks=${BENCH_SMOKE_CHECKS:-500}
rm -rf "$out"; mkdir -p "$out" "$work"

need=()
for tool in hyperfine hugo mkdocs; do command -v $tool >/dev/null 2>&1 || need+=($tool); done
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
for tool in node /usr/bin/chromium /usr/bin/chromedriver python3; do
  command -v $tool >/dev/null 2>&1 || { echo "missing $tool" >&2; exit 2; }
done

load() { cut -d' ' -f1 /proc/loadavg; }
declare -A LOAD
mark() { LOAD[$1]=$(load); echo "== $2 (load ${LOAD[$1]})"; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
# Starts bench/serve.py on a free loopback port; returns once it listens and has written the port to $2.
serve() {
  rm -f "$2"; python3 "$here/serve.py" "$1" "$2" >/dev/null 2>&1 & pids+=($!)
  for _ in $(seq 200); do [ -s "$2" ] && return; sleep 0.05; done
  echo "loopback server did not start" >&2; exit 2
}

echo "== building and installing the plugin (and its parent POM) into the local repository"
(cd "$repo" && ./mvnw -q -B -o install -pl runbook-maven-plugin -am -DskipTests -Dinvoker.skip=true)
version=$(cd "$repo" && grep -m1 -oP "(?<=<version>)[^<]+" runbook-maven-plugin/pom.xml)
git_rev=$(cd "$repo" && git rev-parse --short HEAD)$(cd "$repo" && git diff --quiet HEAD -- runbook-maven-plugin templates || echo "+dirty")

echo "== laying out pages"
"$here/make-pages.sh" "$corpus" "$copies" "$work/content" | tee "$out/pages.txt"
pages=$(find "$work/content" -name '*.md' | wc -l)

# A user's project: nothing but the plugin pointed at the pages.
project() { # folder content-folder
  mkdir -p "$1"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2026-11-22T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins><plugin>
    <groupId>dev.runbook</groupId><artifactId>runbook-maven-plugin</artifactId><version>$version</version>
    <configuration><contentDirectory>$2</contentDirectory></configuration>
  </plugin></plugins></build>
</project>
POM
}
rm -rf "$work/project"; project "$work/project" "$work/content"
mvn_bench="$repo/mvnw -q -B -o -f $work/project/pom.xml"
plugin="dev.runbook:runbook-maven-plugin:$version"
site_goal="$plugin:site"
# Offline: no external link is fetched. failOn stays at its default: the corpus has findings, so the
# goal may exit non-zero, which hyperfine is told to accept (-i); the exit code is recorded below.
validate_goal="$plugin:validate -Drunbook.offline=true"
touch_one=$(find "$work/content" -name "*.md" | sort | sed -n 1p)

mark maven "Maven's own start (the floor under every plugin figure)"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/maven-start.json" "$mvn_bench validate"

mark full "runbook:site full build"
# Each full build runs under /usr/bin/time -v too (appending to one file): peak RSS is the largest.
hyperfine -N --warmup 0 --runs "$runs" --export-json "$out/site-full.json" \
  --prepare "rm -rf $work/project/target" "/usr/bin/time -v -a -o $out/site-full.time $mvn_bench $site_goal"
mark noop "runbook:site no-op rebuild"
# The full builds above leave an up-to-date site behind, so every run here is a no-op.
hyperfine -N --warmup 0 --runs "$runs" --export-json "$out/site-noop.json" "$mvn_bench $site_goal"
mark touch "runbook:site after touching one page"
hyperfine --warmup 0 --runs "$runs" --export-json "$out/site-touch.json" \
  --prepare "echo >> $touch_one" "$mvn_bench $site_goal"

mark xmx "full build with the heap capped at -Xmx512m"
rm -rf "$work/project/target"
if MAVEN_OPTS="-Xmx512m" /usr/bin/time -v $mvn_bench $site_goal 2> "$out/site-512m.time" >/dev/null; then xmx=succeeded; else xmx=FAILED; fi
xmx_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.1f", s}' "$out/site-512m.time")

mark c1 "full build with MAVEN_OPTS=-XX:TieredStopAtLevel=1 (what .mvn/jvm.config can set)"
# On 2 cores the C2 compiler spends most of a full build compiling (-XX:+CITime: 22 of 26 s of JIT time);
# stopping at C1 trades peak speed, which a run this short never reaches, for far less compiling.
hyperfine -N --warmup 0 --runs "$runs" --export-json "$out/site-full-c1.json" \
  --prepare "rm -rf $work/project/target" "env MAVEN_OPTS=-XX:TieredStopAtLevel=1 $mvn_bench $site_goal"
# Leave a site built the default way behind for the search figures.
rm -rf "$work/project/target"; $mvn_bench $site_goal >/dev/null

mark search "search index: bytes, first-query bytes, Chromium query times"
site="$work/project/target/runbook-site"
index_files=$(find "$site/search" -type f -name '*.js' | wc -l)
index_bytes=$(find "$site/search" -type f -name '*.js' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
index_gz=$(find "$site/search" -type f -name '*.js' -exec sh -c 'for f; do gzip -6 -c "$f" | wc -c; done' sh {} + | awk '{s+=$1} END {print s+0}')
queries=(kubelet "etcd backup" certificate alertmanager "node not ready" prometheus "api server latency"
  "cluster operator degraded" "disk pressure" ingress "machine config" oauth crashloop dns network storage
  upgrade "image registry" certficate co)
node "$here/search-bytes.js" "$site" "${queries[@]}" > "$out/search-bytes.json"
serve "$site" "$out/site.port"; port=$(cat "$out/site.port")
node "$here/search-chromium.js" "http://127.0.0.1:$port/index.html" "${queries[@]}" > "$out/search-chromium.json"

# validate records its inputs and, when nothing changed, answers from its last findings (docs/validate.md,
# "Up-to-date runs") and keeps per-page caches beside it. Cold runs delete the whole folder (record, caches,
# reports) first: they read, parse and check every page. ShellCheck runs
# when installed; a second cold figure without it shows what ShellCheck costs (the copies repeat every
# block 37 times, and each distinct block goes to ShellCheck once, which flatters the first figure).
validate_state="$work/project/target/runbook"
mark validate "runbook:validate offline, cold (nothing recorded, no page caches)"
hyperfine -N -i --warmup 0 --runs "$runs" --export-json "$out/validate.json" \
  --prepare "rm -rf $validate_state" "$mvn_bench $validate_goal"
mark validate_nosc "runbook:validate offline, cold, ShellCheck off"
hyperfine -N -i --warmup 0 --runs "$runs" --export-json "$out/validate-noshellcheck.json" \
  --prepare "rm -rf $validate_state" "$mvn_bench $validate_goal -Drunbook.validate.shellcheck=off"
set +e; $mvn_bench $validate_goal > "$out/validate.log" 2>&1; validate_rc=$?; set -e
mark validate_warm "runbook:validate offline, nothing changed since the last run"
hyperfine -N -i --warmup 0 --runs "$runs" --export-json "$out/validate-warm.json" "$mvn_bench $validate_goal"
mark validate_touch "runbook:validate offline, after touching one page"
hyperfine -i --warmup 0 --runs "$runs" --export-json "$out/validate-touch.json" \
  --prepare "echo >> $touch_one" "$mvn_bench $validate_goal"

mark smoke "runbook:smoke: $smoke_checks HTTP checks against a loopback server"
"$here/make-smoke-pages.sh" "$smoke_checks" "$work/smoke"
serve "$work/smoke/server" "$out/smoke.port"; sport=$(cat "$out/smoke.port")
printf 'bench:\n  variables: { api: "http://127.0.0.1:%s" }\n  allowed_hosts: ["127.0.0.1"]\n' "$sport" > "$work/smoke/runbook-environments.yaml"
rm -rf "$work/smoke-project"; project "$work/smoke-project" "$work/smoke/content"
smoke_cmd="$repo/mvnw -q -B -o -f $work/smoke-project/pom.xml $plugin:smoke -Drunbook.env=bench -Drunbook.smoke.environmentsFile=$work/smoke/runbook-environments.yaml"
hyperfine -N --warmup 0 --runs "$runs" --export-json "$out/smoke.json" "$smoke_cmd"
smoke_passed=$(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['counts']; print('%d pass, %d fail, %d error, %d skipped' % (c['pass'], c['fail'], c['error'], c['skipped']))" "$work/smoke-project/target/runbook/smoke-results.json")
mark hugo "Hugo on the same pages (plain layout; Hugo has no built-in search)"
rm -rf "$work/hugo"; mkdir -p "$work/hugo/layouts/_default"
cp -r "$work/content" "$work/hugo/content"
cat > "$work/hugo/config.toml" <<'TOML'
baseURL = "http://localhost/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
refLinksErrorLevel = "WARNING"
[markup.goldmark.renderer]
unsafe = false
TOML
cat > "$work/hugo/layouts/_default/baseof.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
HTML
echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}' > "$work/hugo/layouts/_default/single.html"
echo '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$work/hugo/layouts/_default/list.html"
hyperfine -N --warmup 0 --runs "$runs" --export-json "$out/hugo.json" \
  --prepare "rm -rf $work/hugo/public $work/hugo/resources" "/usr/bin/time -v -a -o $out/hugo.time hugo --quiet -s $work/hugo"
hugo_pages=$(find "$work/hugo/public" -name '*.html' | wc -l)

mark mkdocs "MkDocs on the same pages (built-in theme and search)"
rm -rf "$work/mkdocs"; mkdir -p "$work/mkdocs"
cp -r "$work/content" "$work/mkdocs/docs"
printf 'site_name: bench\nuse_directory_urls: false\nplugins:\n  - search\n' > "$work/mkdocs/mkdocs.yml"
# One run, with a time limit: MkDocs puts the whole navigation into every page, so its build grows
# with the square of the page count (10,000 pages ran past 15 minutes).
mkdocs_limit=${BENCH_MKDOCS_TIMEOUT:-600}
if timeout "$mkdocs_limit" /usr/bin/time -v -o "$out/mkdocs.time" mkdocs build -q -f "$work/mkdocs/mkdocs.yml" >/dev/null 2>&1; then
  mkdocs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$out/mkdocs.time")
  mkdocs_pages=$(find "$work/mkdocs/site" -name '*.html' | wc -l)
  mkdocs_index=$(stat -c %s "$work/mkdocs/site/search/search_index.json")
  mkdocs_index_gz=$(gzip -6 -c "$work/mkdocs/site/search/search_index.json" | wc -c)
else
  mkdocs="> $mkdocs_limit"; mkdocs_pages="(did not finish)"; mkdocs_index=""; mkdocs_index_gz=""
fi

# Everything the table needs besides bench/out/*.json and *.time, so bench/table.sh can be re-run.
{
  for v in pages copies corpus runs git_rev xmx xmx_s index_files index_bytes index_gz validate_rc smoke_checks \
    smoke_passed hugo_pages mkdocs mkdocs_pages mkdocs_index mkdocs_index_gz; do
    printf '%s=%q\n' "$v" "${!v}"
  done
  for k in "${!LOAD[@]}"; do printf 'LOAD[%s]=%q\n' "$k" "${LOAD[$k]}"; done
} > "$out/vars.sh"
"$here/table.sh" "$out"
